// A standard's page: its facts, edition history, counterparts, citations, fields, sources and its neighbourhood as a picture.
import { graphql } from './api.js';
import { t, lang } from './i18n.js';
import { h, render, statusBadge, codeLink, errorBox } from './dom.js';
import { BODY_COLOURS, STATUS_COLOURS } from './colours.js';

const REF = 'code status inCatalogue zh: title(lang: ZH, fallback: false) en: title(lang: EN, fallback: false)';
const QUERY = `query Standard($code: String!, $lang: Language) {
  standard(code: $code) {
    code canonical iri workKey inCatalogue body status type stage issued effective withdrawn year edition ics ccs committee category sources
    zh: title(lang: ZH, fallback: false) en: title(lang: EN, fallback: false) fr: title(lang: FR, fallback: false)
    abstract(lang: $lang)
    history { ${REF} issued year }
    replaces(first: 20) { ${REF} } replacedBy(first: 20) { ${REF} } amends(first: 20) { ${REF} } amendments(first: 50) { ${REF} }
    updates(first: 50) { ${REF} } updatedBy(first: 50) { ${REF} }
    adopts(first: 20) { degree degreeLabel(lang: $lang) standard { ${REF} } }
    adoptedBy(first: 50) { degree degreeLabel(lang: $lang) standard { ${REF} } }
    cites(first: 100) { ${REF} }
    citedBy(first: 100) { ${REF} }
    fields { field { id labelZh labelEn } rule reason }
  }
}`;

export function codeFromPath() {
  return decodeURIComponent(location.pathname.slice('/standard/'.length)).trim();
}

const titleOf = s => (lang === 'zh' ? (s.zh ?? s.en) : (s.en ?? s.zh)) ?? s.fr ?? null;

export async function show() {
  const code = codeFromPath();
  render(h('p', { class: 'muted' }, t('loading')));
  let data;
  try {
    data = await graphql(QUERY, { code, lang: lang === 'zh' ? 'ZH' : 'EN' });
  } catch (e) {
    render(h('h1', {}, code), errorBox(e));
    return;
  }
  const s = data.standard;
  if (!s) { render(h('h1', { class: 'code' }, code), h('p', {}, t('notFound', code))); return; }
  document.title = `${s.code} · StdGraph`;
  const title = titleOf(s);
  const other = [s.zh, s.en, s.fr].filter(x => x && x !== title);

  const graphBox = h('div', { class: 'graph', id: 'graph', role: 'img', 'aria-label': `${t('neighbourhood')}: ${s.code}` });
  const graphList = h('ul', { id: 'graph-nodes', 'aria-label': t('graphNodes') });
  render(
    h('h1', {}, h('span', { class: 'code' }, s.code), ' ', statusBadge(s.status)),
    title ? h('p', { class: 'title', lang: title === s.zh ? 'zh-CN' : 'en' }, title) : null,
    other.map(x => h('p', { class: 'muted' }, x)),
    s.inCatalogue ? null : h('p', { class: 'note' }, t('notInCatalogue')),
    h('div', { class: 'two' },
      h('section', {}, h('h2', {}, t('facts')), facts(s), s.abstract ? [h('h2', {}, t('abstract')), h('p', {}, s.abstract)] : null),
      h('section', {}, h('h2', {}, t('history')), timeline(s), h('h2', {}, t('counterparts')), counterparts(s))),
    h('section', {}, h('h2', {}, t('neighbourhood')), h('p', { class: 'muted', id: 'graph-help' }, t('graphHelp')), legend(), graphBox, graphList),
    h('div', { class: 'two' },
      h('section', {}, h('h2', {}, `${t('cites')} (${(s.cites ?? []).length})`), refList(s.cites ?? [])),
      h('section', {}, h('h2', {}, `${t('citedBy')} (${(s.citedBy ?? []).length})`), refList(s.citedBy ?? []))),
    h('div', { class: 'two' },
      h('section', {}, h('h2', {}, t('fields')), fieldList(s.fields)),
      h('section', {}, h('h2', {}, t('sources')), s.sources.length
        ? h('ul', {}, s.sources.map(u => h('li', {}, /^https?:\/\//i.test(u) ? h('a', { href: u, rel: 'noopener noreferrer' }, u) : u)))
        : h('p', { class: 'muted' }, t('none')))),
  );
  const graph = await import('./graph.js');
  await graph.draw(graphBox, graphList, s);
}

function facts(s) {
  const rows = [
    ['code', h('span', { class: 'code' }, s.code)], ['titleZh', s.zh], ['titleEn', s.en], ['body', s.body], ['type', s.type],
    ['status', statusBadge(s.status)], ['issued', s.issued], ['effective', s.effective], ['withdrawn', s.withdrawn],
    ['edition', s.edition], ['stage', s.stage], ['committee', s.committee], ['category', s.category],
    ['ics', s.ics.length ? s.ics.map((c, i) => [i ? ', ' : '', h('a', { href: `/?ics=${encodeURIComponent(c)}` }, c)]) : null],
    ['ccs', s.ccs.join(', ') || null],
    ['work', s.workKey], ['iri', h('span', { class: 'code' }, s.iri)],
  ];
  return h('dl', { class: 'facts' }, rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [h('dt', {}, t(k)), h('dd', {}, v)]));
}

function ref(r, extra) {
  const title = titleOf(r);
  return [codeLink(r.code), ' ', r.inCatalogue ? statusBadge(r.status) : h('span', { class: 'muted' }, t('notInCatalogue')), extra ?? null,
    title ? h('span', { class: 'muted' }, ' ', title) : null];
}

function timeline(s) {
  const items = [];
  const history = s.history?.length ? s.history : [s];
  for (const e of history) items.push(h('li', { class: e.code === s.code ? 'current' : null, 'aria-current': e.code === s.code ? 'true' : null },
    e.issued ?? e.year ?? '', ' ', e.code === s.code ? h('span', { class: 'code' }, e.code) : codeLink(e.code), ' ', statusBadge(e.status)));
  const related = [['replaces', s.replaces], ['replacedBy', s.replacedBy], ['amends', s.amends], ['amendments', s.amendments], ['updates', s.updates], ['updatedBy', s.updatedBy]]
    .filter(([, list]) => list?.length);
  return [h('ol', { class: 'timeline' }, items),
    related.length ? h('dl', { class: 'facts' }, related.map(([k, list]) => [h('dt', {}, t(k)), h('dd', {}, list.map((r, i) => [i ? ' · ' : '', codeLink(r.code)]))])) : null];
}

function counterparts(s) {
  const rows = [...(s.adopts ?? []).map(a => ({ ...a, dir: 'adopts' })), ...(s.adoptedBy ?? []).map(a => ({ ...a, dir: 'adoptedBy' }))];
  if (!rows.length) return h('p', { class: 'muted' }, t('none'));
  return h('table', { id: 'counterparts' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ''), h('th', { scope: 'col' }, t('degree')), h('th', { scope: 'col' }, t('code')), h('th', { scope: 'col' }, t('status')))),
    h('tbody', {}, rows.map(a => h('tr', {},
      h('td', {}, t(a.dir)),
      h('td', {}, h('span', { class: 'badge adopt', title: a.degreeLabel ?? '' }, a.degree ?? '?'), a.degreeLabel ? h('span', { class: 'muted' }, ' ', a.degreeLabel) : null),
      h('td', {}, codeLink(a.standard.code), titleOf(a.standard) ? h('div', { class: 'muted' }, titleOf(a.standard)) : null),
      h('td', {}, a.standard.inCatalogue ? statusBadge(a.standard.status) : h('span', { class: 'muted' }, t('notInCatalogue')))))));
}

function refList(list) {
  if (!list.length) return h('p', { class: 'muted' }, t('none'));
  return h('ul', {}, list.map(r => h('li', {}, ref(r))));
}

function fieldList(fields) {
  if (!fields.length) return h('p', { class: 'muted' }, t('none'));
  return h('table', {},
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('fields')), h('th', { scope: 'col' }, t('rule')), h('th', { scope: 'col' }, t('reason')))),
    h('tbody', {}, fields.map(f => h('tr', {},
      h('td', {}, h('a', { href: `/?field=${encodeURIComponent(f.field.id)}` }, lang === 'zh' ? f.field.labelZh : f.field.labelEn)),
      h('td', {}, f.rule), h('td', {}, f.reason)))));
}

function legend() {
  const dot = (text, colour, ring) => {
    const span = h('span', { class: ring ? 'ring' : null }, text);
    span.style.setProperty('--dot', ring ? 'transparent' : colour);
    if (ring) span.style.setProperty('--ring', colour);
    return span;
  };
  return h('div', { class: 'legend', 'aria-hidden': 'true' },
    Object.entries(BODY_COLOURS).filter(([k]) => k !== 'GB').map(([k, c]) => dot(k === 'SAC' ? 'SAC (GB)' : k, c, false)),
    Object.entries(STATUS_COLOURS).map(([k, c]) => dot(t(`status_${k}`), c, true)));
}
