// biome-ignore-all lint/correctness/noInnerDeclarations: a plain browser script in one IIFE; var is function-scoped on purpose
// The site's behaviour: the navigation toggle on phones, the dark-mode toggle,
// the search box, copy buttons and the index's filter. No requests: it works
// from file:// as well as from any static host.
(() => {
  var root = document.documentElement.getAttribute('data-root') || '';

  // The navigation column's APIs come from search-index.js (every page holds only its own entry).
  var navList = document.querySelector('#sidenav > ul');
  var reference = navList?.querySelector('li.reference');
  if (navList && reference && window.TOP_NAV) {
    window.TOP_NAV.forEach((api) => {
      var item = navList.querySelector(`li.api[data-method="${api.method}"]`);
      if (!item) {
        item = document.createElement('li');
        item.className = 'api';
        item.setAttribute('data-method', api.method);
        var link = document.createElement('a');
        link.href = root + api.href;
        var code = document.createElement('code');
        // Break points after the dots, as the server-rendered names have.
        api.method.split('.').forEach((part, i, all) => {
          code.appendChild(document.createTextNode(part + (i < all.length - 1 ? '.' : '')));
          if (i < all.length - 1) code.appendChild(document.createElement('wbr'));
        });
        link.appendChild(code);
        item.appendChild(link);
        var sections = document.createElement('ul');
        api.sections.forEach((section) => {
          var li = document.createElement('li');
          var a = document.createElement('a');
          a.href = `${root + api.href}#${section.id}`;
          a.textContent = section.label;
          li.appendChild(a);
          sections.appendChild(li);
        });
        item.appendChild(sections);
      }
      navList.insertBefore(item, reference);
    });
  }

  // Navigation column: always shown on wide screens, a toggled panel on phones.
  var menu = document.getElementById('menu-button');
  var nav = document.getElementById('sidenav');
  if (menu && nav) {
    menu.addEventListener('click', () => {
      var open = menu.getAttribute('aria-expanded') !== 'true';
      menu.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('open', open);
      if (open) {
        var first = nav.querySelector('a');
        if (first) first.focus();
      }
    });
    nav.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && nav.classList.contains('open')) {
        menu.click();
        menu.focus();
      }
    });
  }

  // Dark mode: follows the system until the reader picks one; the pick is remembered.
  var themeButton = document.getElementById('theme-button');
  var systemDark = window.matchMedia ? window.matchMedia('(prefers-color-scheme: dark)') : { matches: false };
  function effectiveDark() {
    var chosen = document.documentElement.getAttribute('data-theme');
    return chosen ? chosen === 'dark' : systemDark.matches;
  }
  function showTheme() {
    if (themeButton) themeButton.setAttribute('aria-pressed', String(effectiveDark()));
  }
  if (themeButton) {
    showTheme();
    if (systemDark.addEventListener) systemDark.addEventListener('change', showTheme);
    themeButton.addEventListener('click', () => {
      var next = effectiveDark() ? 'light' : 'dark';
      document.documentElement.setAttribute('data-theme', next);
      try {
        localStorage.setItem('top-docs-theme', next);
      } catch {
        /* storage may be off: the choice lasts for this page */
      }
      showTheme();
    });
  }

  // Copy buttons: each copies the text of the code block beside it.
  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise((resolve, reject) => {
      var area = document.createElement('textarea');
      area.value = text;
      area.setAttribute('readonly', '');
      area.style.position = 'fixed';
      area.style.opacity = '0';
      document.body.appendChild(area);
      area.select();
      var ok = false;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      document.body.removeChild(area);
      if (ok) resolve();
      else reject(new Error('copy refused'));
    });
  }
  document.addEventListener('click', (event) => {
    var button = event.target.closest ? event.target.closest('button.copy') : null;
    if (!button) return;
    var code = button.parentNode.querySelector('pre');
    var label = button.textContent;
    copyText(code ? code.textContent : '')
      .then(
        () => {
          button.textContent = 'Copied';
        },
        () => {
          button.textContent = 'Select and copy';
        },
      )
      .then(() => {
        setTimeout(() => {
          button.textContent = label === 'Copied' ? 'Copy' : label;
        }, 1500);
      });
  });

  // Search: API names, summaries and field names and descriptions, both languages.
  var input = document.getElementById('search');
  var list = document.getElementById('search-results');
  var status = document.getElementById('search-status');
  var index = window.TOP_SEARCH || [];
  var KIND = { api: 'API', request: 'request field', response: 'response field', system: 'system parameter', error: 'platform error' };
  function search(query) {
    var words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (!words.length) return [];
    var found = [];
    for (var i = 0; i < index.length; i++) {
      var entry = index[i];
      var all = true;
      for (var w = 0; w < words.length; w++)
        if (entry.text.indexOf(words[w]) === -1) {
          all = false;
          break;
        }
      if (!all) continue;
      // Names first: an exact or leading match on the title ranks above a match in a description.
      var title = entry.title.toLowerCase();
      var rank = title === words[0] || title.slice(-words[0].length - 1) === `.${words[0]}` ? 0 : title.indexOf(words[0]) !== -1 ? 1 : 2;
      found.push({ entry: entry, rank: rank * 10 + (entry.kind === 'api' ? 0 : 1) });
    }
    found.sort((a, b) => a.rank - b.rank);
    return found.slice(0, 30).map((f) => f.entry);
  }
  function render(results) {
    list.textContent = '';
    results.forEach((entry) => {
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + entry.href;
      a.setAttribute('data-kind', entry.kind);
      var title = document.createElement('code');
      title.textContent = entry.title;
      var kind = document.createElement('span');
      kind.className = 'kind';
      kind.textContent = KIND[entry.kind] || entry.kind;
      var detail = document.createElement('span');
      detail.className = 'detail';
      detail.textContent = entry.detail;
      a.appendChild(title);
      a.appendChild(kind);
      a.appendChild(detail);
      li.appendChild(a);
      list.appendChild(li);
    });
    list.hidden = results.length === 0 && !input.value.trim();
    if (results.length === 0 && input.value.trim()) {
      var none = document.createElement('li');
      none.className = 'none';
      none.textContent = 'Nothing matches.';
      list.appendChild(none);
    }
    status.textContent = input.value.trim() ? (results.length === 1 ? '1 result' : `${results.length} results`) : '';
  }
  if (input && list) {
    input.addEventListener('input', () => {
      render(search(input.value));
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'ArrowDown') {
        var first = list.querySelector('a');
        if (first) {
          event.preventDefault();
          first.focus();
        }
      } else if (event.key === 'Escape') {
        input.value = '';
        render([]);
      }
    });
    list.addEventListener('keydown', (event) => {
      var links = Array.prototype.slice.call(list.querySelectorAll('a'));
      var at = links.indexOf(document.activeElement);
      if (event.key === 'ArrowDown' && at < links.length - 1) {
        event.preventDefault();
        links[at + 1].focus();
      }
      if (event.key === 'ArrowUp') {
        event.preventDefault();
        (at > 0 ? links[at - 1] : input).focus();
      }
      if (event.key === 'Escape') {
        input.focus();
        input.value = '';
        render([]);
      }
    });
    document.addEventListener('click', (event) => {
      if (!event.target.closest?.('.search')) list.hidden = true;
    });
    input.addEventListener('focus', () => {
      if (input.value.trim()) render(search(input.value));
    });
  }

  // The index's filter: hides the APIs whose names, summaries or field names do not match.
  var filter = document.getElementById('filter');
  var items = Array.prototype.slice.call(document.querySelectorAll('#apis > li'));
  var count = document.getElementById('filter-count');
  if (filter) {
    filter.addEventListener('input', () => {
      var words = filter.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      items.forEach((item) => {
        var text = item.getAttribute('data-filter') || '';
        var match = words.every((w) => text.indexOf(w) !== -1);
        item.hidden = !match;
        if (match) shown++;
      });
      count.textContent = shown === 1 ? '1 API' : `${shown} APIs`;
    });
  }
})();
