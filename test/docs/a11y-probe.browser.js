// Accessibility probe, evaluated inside each docs page by site.test.ts.
/* eslint-disable */
const cjk = /[\u3400-\u9fff]/;
const untagged = [];
const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
for (let n = walker.nextNode(); n; n = walker.nextNode()) {
  if (cjk.test(n.textContent ?? '') && !(n.parentElement?.closest('[lang^="zh"]'))) {
    // Code and examples hold Chinese values, not prose: they are data, not language runs.
    if (!n.parentElement?.closest('pre, code')) untagged.push((n.textContent ?? '').trim().slice(0, 40));
  }
}
const luminance = (rgb) => {
  const [r, g, b] = (rgb.match(/\d+(\.\d+)?/g) ?? ['0', '0', '0']).slice(0, 3).map(Number).map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const background = (el) => {
  for (let e = el; e; e = e.parentElement) {
    const bg = getComputedStyle(e).backgroundColor;
    if (bg && bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent') return bg;
  }
  return 'rgb(255, 255, 255)';
};
const worst = [...document.querySelectorAll('p, a, td, th, dt, dd, li, code, .note, label, footer, h1, h2, h3')].reduce((min, el) => {
  const l1 = luminance(getComputedStyle(el).color);
  const l2 = luminance(background(el));
  const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
  return Math.min(min, ratio);
}, 21);
return {
  lang: document.documentElement.lang,
  h1: document.querySelectorAll('h1').length,
  tablesWithoutHeaders: [...document.querySelectorAll('table')].filter((t) => !t.querySelector('th[scope]')).length,
  zhWithoutCjk: [...document.querySelectorAll('[lang^="zh"]')].filter((e) => !cjk.test(e.textContent ?? '')).length,
  untagged,
  worst,
  inputsWithoutLabel: [...document.querySelectorAll('input')].filter((i) => !document.querySelector('label[for="' + i.id + '"]')).length,
};
