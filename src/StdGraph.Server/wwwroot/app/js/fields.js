// Fields: the Action Plan taxonomy (key fields → work deployments and areas) with counts; each links to a search
// filtered by that field.
import { graphql } from './api.js';
import { t, lang } from './i18n.js';
import { h, render, errorBox } from './dom.js';

// One flat list (all: true) rather than nested children: nested lists multiply the query's complexity past the limit.
const QUERY = '{ fields(all: true) { id kind labelZh labelEn count parent { id } } }';

export async function show() {
  document.title = `${t('fieldsTitle')} · StdGraph`;
  render(h('h1', {}, t('fieldsTitle')), h('p', { class: 'muted' }, t('loading')));
  let data;
  try { data = await graphql(QUERY); } catch (e) { render(h('h1', {}, t('fieldsTitle')), errorBox(e)); return; }
  if (!data.fields.length) { render(h('h1', {}, t('fieldsTitle')), h('p', { class: 'note', id: 'fields-empty' }, t('fieldsEmpty'))); return; }
  const byId = new Map(data.fields.map(f => [f.id, { ...f, children: [] }]));
  const roots = [];
  for (const f of byId.values()) (f.parent && byId.get(f.parent.id) ? byId.get(f.parent.id).children : roots).push(f);
  render(h('h1', {}, t('fieldsTitle')), h('ul', { class: 'tree', id: 'fields' }, roots.map(item)));
}

function item(f) {
  const label = lang === 'zh' ? f.labelZh : f.labelEn;
  const other = lang === 'zh' ? f.labelEn : f.labelZh;
  const link = h('a', { href: `/?field=${encodeURIComponent(f.id)}`, 'data-field': f.id, title: t('fieldSearch') }, label);
  const line = [link, ' ', h('span', { class: 'muted' }, `${t('fieldStandards', f.count)} · ${other}`)];
  const children = f.children ?? [];
  if (!children.length) return h('li', {}, line);
  return h('li', {}, h('details', { open: true }, h('summary', {}, line), h('ul', {}, children.map(item))));
}
