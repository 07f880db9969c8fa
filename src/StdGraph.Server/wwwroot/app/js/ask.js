// Ask: questions in Chinese or English; the answer streams in from POST /ask (server-sent events) and its
// citations link to the standards' pages. Without the streaming endpoint, GraphQL ask(question) answers whole.
import { askStream, graphql, hasQueryField, ApiError } from './api.js';
import { t } from './i18n.js';
import { h, render, clear, codeLink, standardHref, errorBox } from './dom.js';

const history = [];
const CODE = /\[([^\]\n]{3,60})\]/g; // answers cite codes in brackets: [GB/T 22080-2016]

export async function show() {
  document.title = `${t('askTitle')} · StdGraph`;
  const log = h('ol', { class: 'chat', id: 'chat', 'aria-live': 'polite' });
  const input = h('textarea', { id: 'question', rows: 2, placeholder: t('askPlaceholder'), onkeydown: e => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) { e.preventDefault(); form.requestSubmit(); }
  } });
  const send = h('button', { type: 'submit', class: 'primary' }, t('askSend'));
  const form = h('form', { onsubmit: async e => {
    e.preventDefault();
    const question = input.value.trim();
    if (!question) return;
    input.value = '';
    send.disabled = true;
    try { await ask(question, log); } finally { send.disabled = false; input.focus(); }
  } }, h('div', { class: 'form-row' }, h('label', { for: 'question' }, t('askLabel')), input), send);
  for (const item of history) log.append(item);
  render(h('h1', {}, t('askTitle')), log, form);
  input.focus();
}

async function ask(question, log) {
  const q = h('li', { class: 'q' }, question);
  const text = h('div', { class: 'answer-text' });
  const a = h('li', { class: 'a', 'aria-busy': 'true' }, text, h('span', { class: 'muted thinking' }, t('askThinking')));
  history.push(q, a);
  log.append(q, a);
  let streamed = '';
  try {
    let final;
    try {
      final = await askStream(question, piece => { streamed += piece; text.textContent = streamed; });
    } catch (e) {
      if (!(e instanceof ApiError && e.code === 'NOT_AVAILABLE') || !(await hasQueryField('ask'))) throw e;
      final = (await graphql('query Ask($q: String!) { ask(question: $q) { text citations { code title } found } }', { q: question })).ask;
    }
    finish(a, text, final, streamed);
  } catch (e) {
    a.append(errorBox(e));
  } finally {
    a.removeAttribute('aria-busy');
    a.querySelector('.thinking')?.remove();
  }
}

/** The whole answer replaces the streamed pieces; bracketed codes become links; the citations follow. */
function finish(item, text, final, streamed) {
  const body = final?.text ?? streamed;
  const citations = final?.citations ?? [];
  const cited = new Set(citations.map(c => c.code));
  clear(text);
  let last = 0;
  for (const m of body.matchAll(CODE)) {
    text.append(body.slice(last, m.index));
    if (cited.has(m[1])) text.append('[', h('a', { href: standardHref(m[1]), class: 'code' }, m[1]), ']');
    else text.append(m[0]);
    last = m.index + m[0].length;
  }
  text.append(body.slice(last));
  item.append(h('div', { class: 'cites' }, citations.length
    ? [h('span', {}, t('askCitations')), citations.map((c, i) => [i ? ' · ' : '', codeLink(c.code), c.title ? h('span', { class: 'muted' }, ' ', c.title) : null])]
    : (final?.found === false ? h('span', { class: 'muted' }, t('askNoCite')) : null)));
}
