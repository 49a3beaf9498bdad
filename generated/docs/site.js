// The index's filter: hides the APIs whose method, summaries or keys do not
// contain what was typed. Works from file:// (no requests).
(function () {
  var input = document.getElementById('filter');
  var items = Array.prototype.slice.call(document.querySelectorAll('#apis > li'));
  var count = document.getElementById('filter-count');
  if (!input) return;
  input.addEventListener('input', function () {
    var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
    var shown = 0;
    items.forEach(function (item) {
      var text = item.getAttribute('data-filter') || '';
      var match = words.every(function (w) { return text.indexOf(w) !== -1; });
      item.hidden = !match;
      if (match) shown++;
    });
    count.textContent = shown === 1 ? '1 API' : shown + ' APIs';
  });
})();
