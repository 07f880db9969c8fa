// The router: one shell for every page; the path picks the page module, loaded on demand so the search page
// never downloads the graph library.
import { lang, setLang, translateShell } from './i18n.js';
import { render, errorBox } from './dom.js';

const pages = [
  { test: p => p === '/' || p === '', name: 'search', load: () => import('./search.js') },
  { test: p => p.startsWith('/standard/'), name: 'standard', load: () => import('./standard.js') },
  { test: p => p === '/equivalents', name: 'equivalents', load: () => import('./equivalents.js') },
  { test: p => p === '/ask', name: 'ask', load: () => import('./ask.js') },
  { test: p => p === '/fields', name: 'fields', load: () => import('./fields.js') },
];

let current = null;

async function route() {
  const page = pages.find(p => p.test(location.pathname));
  if (!page) { render(errorBox(new Error('404'))); return; }
  for (const a of document.querySelectorAll('.top nav a[data-page]')) {
    if (a.dataset.page === page.name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  try {
    const module = await page.load();
    current = module;
    await module.show();
  } catch (e) {
    console.error(e);
    render(errorBox(e));
  }
}

document.getElementById('lang-toggle').addEventListener('click', () => {
  setLang(lang === 'zh' ? 'en' : 'zh');
  translateShell();
  current?.show();
});

// The search page keeps its state in the URL: back and forward re-render from it.
window.addEventListener('popstate', () => route());

translateShell();
route();
