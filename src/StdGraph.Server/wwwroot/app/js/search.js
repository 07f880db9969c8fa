// Search: one box; results with highlighted titles, code, status and adoption badges; facets; cursor pages.
// The URL carries the whole state (/?q=…&status=…&body=…&after=…) so it can be shared and the back button works.
import { graphql } from './api.js';
import { t, lang } from './i18n.js';
import { h, render, clear, titleNodes, statusBadge, codeLink, standardHref, errorBox } from './dom.js';

const PAGE_SIZE = 20;
const FACETS = ['status', 'body', 'field', 'committee', 'ics', 'year'];
const MULTI = new Set(['status', 'body']); // lists in the filter (alternatives); the others take one value

const QUERY = `query Search($text: String!, $filter: SearchFilter, $first: Int, $after: String) {
  search(text: $text, filter: $filter, first: $first, after: $after) {
    totalCount
    edges { cursor highlights node {
      code canonical status body type year
      zh: title(lang: ZH, fallback: false) en: title(lang: EN, fallback: false) title
      adopts(first: 4) { degree standard { code } }
      adoptedBy(first: 4) { degree standard { code } }
    } }
    facets { name values { value count } }
    pageInfo { hasNextPage endCursor }
  }
}`;

let generation = 0;

function readState() {
  const params = new URLSearchParams(location.search);
  const state = { q: params.get('q') ?? '', after: params.get('after'), filters: {} };
  for (const name of FACETS) {
    const values = params.getAll(name).filter(Boolean);
    if (values.length) state.filters[name] = values;
  }
  return state;
}

function urlOf(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const name of FACETS) for (const v of state.filters[name] ?? []) params.append(name, v);
  if (state.after) params.set('after', state.after);
  const query = params.toString();
  return query ? `/?${query}` : '/';
}

function navigate(state, extra = {}) {
  history.pushState({ pages: extra.pages ?? [] }, '', urlOf(state));
  show();
}

function filterOf(state) {
  const filter = {};
  for (const [name, values] of Object.entries(state.filters)) {
    if (name === 'status') filter.status = values.map(v => v.toUpperCase());
    else if (name === 'year') filter.year = parseInt(values[0], 10);
    else if (MULTI.has(name)) filter[name] = values;
    else filter[name] = values[0];
  }
  return filter;
}

export async function show() {
  const state = readState();
  const mine = ++generation;
  const input = h('input', { type: 'search', id: 'q', name: 'q', value: state.q, placeholder: t('searchPlaceholder'), autocomplete: 'off' });
  const form = h('form', { class: 'searchbar', role: 'search', onsubmit: e => {
    e.preventDefault();
    navigate({ q: input.value.trim(), filters: state.filters, after: null });
  } }, h('label', { for: 'q', class: 'visually-hidden' }, t('searchLabel')), input,
  h('button', { type: 'submit', class: 'primary' }, t('searchButton')));
  const active = state.q || Object.keys(state.filters).length > 0;
  const status = h('p', { class: 'muted', id: 'result-status', role: 'status' }, active ? t('loading') : t('searchHint'));
  const facets = h('aside', { class: 'facets', 'aria-label': t('facet_status') });
  const results = h('div', { id: 'results' });
  render(h('h1', { class: 'visually-hidden' }, t('navSearch')), form,
    h('div', { class: 'layout' }, facets, h('section', { 'aria-labelledby': 'result-status' }, status, results)));
  if (!active) { input.focus(); return; }
  document.title = `${state.q || Object.values(state.filters).flat().join(' ')} · StdGraph`;

  let data;
  const started = performance.now();
  try {
    data = await graphql(QUERY, { text: state.q, filter: filterOf(state), first: PAGE_SIZE, after: state.after });
  } catch (e) {
    if (mine === generation) clear(results).append(errorBox(e));
    return;
  }
  if (mine !== generation) return;
  const search = data.search;
  status.textContent = t('results', search.totalCount);
  renderFacets(facets, search.facets, state);
  clear(results).append(resultList(search));
  results.append(pager(search, state));
  performance.mark('stdgraph:first-result', { detail: { ms: performance.now() - started } });
}

function resultList(search) {
  if (!search.edges.length) return h('p', {}, t('noResults'));
  return h('ol', { class: 'results' }, search.edges.map(edge => {
    const n = edge.node;
    const primary = lang === 'zh' ? (n.zh ?? n.en ?? n.title) : (n.en ?? n.zh ?? n.title);
    const secondary = [n.zh, n.en].find(x => x && x !== primary);
    const adoptions = [
      ...(n.adopts ?? []).map(a => ({ ...a, dir: 'adopts' })),
      ...(n.adoptedBy ?? []).map(a => ({ ...a, dir: 'adoptedBy' })),
    ];
    return h('li', {},
      h('div', { class: 'title' }, h('a', { href: standardHref(n.code) }, titleNodes(primary ?? n.code, edge.highlights))),
      secondary ? h('div', { class: 'sub' }, titleNodes(secondary, edge.highlights)) : null,
      h('div', { class: 'meta' },
        h('span', { class: 'code' }, n.code), statusBadge(n.status),
        adoptions.slice(0, 4).map(a => h('span', { class: 'badge adopt', title: t(a.dir) },
          `${a.degree ?? '?'} ${a.dir === 'adopts' ? '→' : '←'} `, codeLink(a.standard.code))),
        adoptions.length > 4 ? h('span', { class: 'muted' }, `+${adoptions.length - 4}`) : null));
  }));
}

function renderFacets(container, facets, state) {
  clear(container);
  const byName = new Map(facets.map(f => [f.name, f]));
  const active = Object.keys(state.filters).length > 0;
  if (active) container.append(h('p', {}, h('a', { href: urlOf({ q: state.q, filters: {} }), onclick: e => {
    e.preventDefault(); navigate({ q: state.q, filters: {}, after: null });
  } }, t('clear'))));
  for (const name of FACETS) {
    const facet = byName.get(name);
    const selected = state.filters[name] ?? [];
    const values = facet?.values ?? [];
    // Keep selected values visible even when the facet no longer counts them.
    for (const v of selected) if (!values.some(x => x.value === v)) values.push({ value: v, count: 0 });
    if (!values.length) continue;
    const set = h('fieldset', { 'data-facet': name }, h('legend', {}, t(`facet_${name}`)));
    for (const [index, v] of values.entries()) {
      const id = `f-${name}-${index}`;
      const checked = selected.includes(v.value);
      const box = h('input', { type: 'checkbox', id, value: v.value, checked, onchange: () => {
        const filters = { ...state.filters };
        const now = new Set(MULTI.has(name) ? (filters[name] ?? []) : []);
        if (box.checked) now.add(v.value); else now.delete(v.value);
        if (now.size) filters[name] = [...now]; else delete filters[name];
        navigate({ q: state.q, filters, after: null });
      } });
      const label = name === 'status' ? t(`status_${v.value.toLowerCase()}`) : v.value;
      set.append(h('label', { for: id }, box, h('span', {}, label), h('span', { class: 'count' }, v.count)));
    }
    container.append(set);
  }
}

function pager(search, state) {
  const pages = history.state?.pages ?? [];
  const nav = h('nav', { class: 'pager', 'aria-label': t('page', pages.length + 1) });
  if (state.after && pages.length) {
    nav.append(h('button', { type: 'button', onclick: () => history.back() }, t('prev')));
  } else if (state.after) {
    nav.append(h('a', { href: urlOf({ ...state, after: null }) }, t('first')));
  }
  nav.append(h('span', { class: 'muted' }, t('page', pages.length + 1)));
  if (search.pageInfo.hasNextPage) {
    nav.append(h('button', { type: 'button', class: 'primary', 'data-next': '', onclick: () =>
      navigate({ ...state, after: search.pageInfo.endCursor }, { pages: [...pages, state.after ?? ''] }) }, t('next')));
  }
  return nav;
}
