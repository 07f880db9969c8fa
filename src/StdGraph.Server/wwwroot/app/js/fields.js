// Fields: the Action Plan taxonomy (key fields → work deployments and areas) with counts; each links to a search
// filtered by that field.
import { graphql } from './api.js';
import { t, lang } from './i18n.js';
import { h, render, errorBox } from './dom.js';

const NODE = 'id kind labelZh labelEn count';
const QUERY = `{ fields { ${NODE} children { ${NODE} children { ${NODE} } } } }`;

export async function show() {
  document.title = `${t('fieldsTitle')} · StdGraph`;
  render(h('h1', {}, t('fieldsTitle')), h('p', { class: 'muted' }, t('loading')));
  let data;
  try { data = await graphql(QUERY); } catch (e) { render(h('h1', {}, t('fieldsTitle')), errorBox(e)); return; }
  if (!data.fields.length) { render(h('h1', {}, t('fieldsTitle')), h('p', { class: 'note', id: 'fields-empty' }, t('fieldsEmpty'))); return; }
  render(h('h1', {}, t('fieldsTitle')), h('ul', { class: 'tree', id: 'fields' }, data.fields.map(item)));
}

function item(f) {
  const label = lang === 'zh' ? f.labelZh : f.labelEn;
  const other = lang === 'zh' ? f.labelEn : f.labelZh;
  const link = h('a', { href: `/?field=${encodeURIComponent(f.id)}`, 'data-field': f.id, title: t('fieldSearch') }, label);
  const line = [link, ' ', h('span', { class: 'muted' }, `${t('fieldStandards', f.count)} · ${other}`)];
  const children = f.children ?? [];
  if (!children.length) return h('li', {}, line);
  return h('li', {}, h('details', { open: f.kind !== 'workDeployment' && !f.parent }, h('summary', {}, line), h('ul', {}, children.map(item))));
}
