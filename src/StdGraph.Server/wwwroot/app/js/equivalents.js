// Equivalents: a pasted list of codes → their declared counterparts with degree and status, adoption gaps
// (the adopted international edition has been superseded or withdrawn) highlighted, CSV out; and candidate
// counterparts from titles, ICS and date where none is declared.
import { graphql, hasQueryField } from './api.js';
import { t, lang } from './i18n.js';
import { h, render, clear, statusBadge, codeLink, errorBox } from './dom.js';

const REF = 'code status inCatalogue zh: title(lang: ZH, fallback: false) en: title(lang: EN, fallback: false)';
const BATCH = `query Equivalents($codes: [String!]!) {
  standards(codes: $codes) {
    ${REF}
    adopts(first: 10) { degree standard { ${REF} replacedBy(first: 3) { code status } } }
    adoptedBy(first: 20) { degree standard { ${REF} } }
  }
}`;
const SUGGEST = `query Suggest($input: CandidateInput!) {
  suggestEquivalents(input: $input) { mode candidates { code confidence explicit degree reasons title status issued } }
}`;

const titleOf = s => (lang === 'zh' ? (s.zh ?? s.en) : (s.en ?? s.zh)) ?? '';
let lastRows = [];
let lastCodes = '';

export async function show() {
  document.title = `${t('eqTitle')} · StdGraph`;
  const codes = h('textarea', { id: 'eq-codes', rows: 8, cols: 40, spellcheck: 'false', placeholder: 'GB/T 22080-2016\nGB/T 22239-2019' }, lastCodes);
  const out = h('div', { id: 'eq-out' });
  const csv = h('button', { type: 'button', id: 'eq-csv', disabled: !lastRows.length, onclick: () => download(lastRows) }, t('eqCsv'));
  const form = h('form', { onsubmit: async e => {
    e.preventDefault();
    lastCodes = codes.value;
    const list = [...new Set(codes.value.split(/[\n;,，；]+/).map(c => c.trim()).filter(Boolean))];
    if (!list.length) return;
    clear(out).append(h('p', { class: 'muted', role: 'status' }, t('loading')));
    try {
      lastRows = await lookUp(list);
      clear(out).append(table(lastRows));
      csv.disabled = !lastRows.length;
    } catch (err) { clear(out).append(errorBox(err)); }
  } },
  h('div', { class: 'form-row' }, h('label', { for: 'eq-codes' }, t('eqCodes')), codes),
  h('p', {}, h('button', { type: 'submit', class: 'primary' }, t('eqRun')), ' ', csv));

  render(h('h1', {}, t('eqTitle')), form, out, candidateForm());
  if (lastRows.length) out.append(table(lastRows));
}

/** One row per (code, counterpart); a code without a counterpart still gets its row. */
async function lookUp(codes) {
  const rows = [];
  // The server limits codes and complexity per request; 50 codes at a time stay well inside both.
  for (let i = 0; i < codes.length; i += 50) {
    const chunk = codes.slice(i, i + 50);
    let data;
    try {
      data = await graphql(BATCH, { codes: chunk });
    } catch (e) {
      // One bad code fails the whole batch: ask one by one to keep the good ones.
      data = { standards: [] };
      for (const code of chunk) {
        try { data.standards.push((await graphql(BATCH, { codes: [code] })).standards[0]); }
        catch (err) { data.standards.push({ error: err.message }); }
      }
    }
    chunk.forEach((asked, j) => {
      const s = data.standards[j];
      if (!s || s.error || !s.inCatalogue) {
        rows.push({ asked, code: s?.code ?? asked, status: s?.status ?? '', title: s ? titleOf(s) : '', note: s?.error ?? t('eqUnknown') });
        return;
      }
      const links = [...(s.adopts ?? []).map(a => ({ ...a, dir: 'adopts' })), ...(s.adoptedBy ?? []).map(a => ({ ...a, dir: 'adoptedBy' }))];
      if (!links.length) rows.push({ asked, code: s.code, status: s.status, title: titleOf(s), note: t('eqNone') });
      for (const a of links) {
        const c = a.standard;
        const outdated = a.dir === 'adopts' && ['SUPERSEDED', 'WITHDRAWN'].includes(c.status);
        rows.push({
          asked, code: s.code, status: s.status, title: titleOf(s), direction: a.dir, degree: a.degree ?? '',
          counterpart: c.code, counterpartStatus: c.inCatalogue ? c.status : '', counterpartTitle: titleOf(c),
          gap: outdated, successor: (c.replacedBy ?? []).map(r => r.code).join(' '), note: '',
        });
      }
    });
  }
  return rows;
}

function table(rows) {
  if (!rows.length) return h('p', {}, t('none'));
  const col = text => h('th', { scope: 'col' }, text);
  return h('table', { id: 'eq-table' },
    h('thead', {}, h('tr', {}, col(t('code')), col(t('status')), col(''), col(t('degree')), col(t('eqCounterpart')), col(t('eqCounterpartStatus')), col(t('eqGap')))),
    h('tbody', {}, rows.map(r => h('tr', { class: r.gap ? 'gap' : null, 'data-gap': r.gap ? 'true' : null },
      h('td', {}, r.note === t('eqUnknown') ? h('span', { class: 'code' }, r.code) : codeLink(r.code), r.title ? h('div', { class: 'muted' }, r.title) : null),
      h('td', {}, r.status ? statusBadge(r.status) : ''),
      h('td', {}, r.direction ? t(r.direction) : h('span', { class: 'muted' }, r.note)),
      h('td', {}, r.degree ? h('span', { class: 'badge adopt' }, r.degree) : ''),
      h('td', {}, r.counterpart ? [codeLink(r.counterpart), r.counterpartTitle ? h('div', { class: 'muted' }, r.counterpartTitle) : null] : ''),
      h('td', {}, r.counterpartStatus ? statusBadge(r.counterpartStatus) : ''),
      h('td', {}, r.gap ? [h('strong', {}, '⚠ ', t('eqGapYes')), r.successor ? [' → ', r.successor.split(' ').map(c => [codeLink(c), ' '])] : null] : t('eqGapNo'))))));
}

// Cells that a spreadsheet would read as a formula are prefixed with an apostrophe.
const cell = value => {
  let text = String(value ?? '');
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

function download(rows) {
  const header = ['code', 'status', 'title', 'relation', 'degree', 'counterpart', 'counterpart_status', 'counterpart_title', 'gap', 'successor', 'note'];
  const lines = [header.join(',')].concat(rows.map(r => [r.code, r.status?.toLowerCase(), r.title, r.direction, r.degree, r.counterpart,
    r.counterpartStatus?.toLowerCase(), r.counterpartTitle, r.gap ? 'yes' : '', r.successor, r.note].map(cell).join(',')));
  // A byte-order mark so spreadsheet programs read the Chinese titles as UTF-8.
  const blob = new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' });
  const a = h('a', { href: URL.createObjectURL(blob), download: 'equivalents.csv' });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

function candidateForm() {
  const field = (id, label, attrs = {}) => h('div', { class: 'form-row' }, h('label', { for: id }, label), h('input', { type: 'text', id, name: id, ...attrs }));
  const out = h('div', { id: 'cand-out' });
  const form = h('form', { id: 'cand-form', onsubmit: async e => {
    e.preventDefault();
    const v = id => form.querySelector(`#${id}`).value.trim() || null;
    const input = { titleEn: v('cand-en'), titleZh: v('cand-zh'), ics: (v('cand-ics') ?? '').split(/[,，\s]+/).filter(Boolean), issued: v('cand-issued'), committee: v('cand-committee') };
    clear(out).append(h('p', { class: 'muted', role: 'status' }, t('loading')));
    if (!(await hasQueryField('suggestEquivalents'))) { clear(out).append(h('p', { class: 'note', role: 'status' }, t('eqNotAvailable'), 'suggestEquivalents')); return; }
    try {
      const data = await graphql(SUGGEST, { input });
      const list = data.suggestEquivalents.candidates;
      clear(out).append(list.length ? h('table', { id: 'cand-table' },
        h('thead', {}, h('tr', {}, ['code', 'title', 'status', 'eqConfidence', 'eqReasons'].map(k => h('th', { scope: 'col' }, t(k))))),
        h('tbody', {}, list.map(c => h('tr', {}, h('td', {}, codeLink(c.code), c.explicit ? [' ', h('span', { class: 'badge adopt' }, c.degree ?? 'IDT')] : null),
          h('td', {}, c.title ?? ''), h('td', {}, statusBadge(c.status)), h('td', {}, `${Math.round(c.confidence * 100)}%`),
          h('td', {}, h('ul', {}, c.reasons.map(r => h('li', {}, r)))))))) : h('p', {}, t('none')));
    } catch (err) { clear(out).append(errorBox(err)); }
  } },
  h('div', { class: 'two' },
    h('div', {}, field('cand-zh', t('eqTitleZh')), field('cand-en', t('eqTitleEn'))),
    h('div', {}, field('cand-ics', t('eqIcs'), { placeholder: '35.030' }), field('cand-issued', t('eqIssued'), { placeholder: '2019-05-10' }), field('cand-committee', t('eqCommittee'), { placeholder: 'SAC/TC 260' }))),
  h('button', { type: 'submit', class: 'primary' }, t('eqSuggest')));
  return h('section', {}, h('h2', {}, t('eqCandTitle')), h('p', { class: 'muted' }, t('eqCandHelp')), form, out);
}
