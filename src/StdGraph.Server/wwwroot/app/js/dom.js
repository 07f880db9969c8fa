// Building DOM from data. Corpus text only ever becomes text nodes; the one markup we accept from the API,
// <em> around matched terms in highlights, is rebuilt here as elements, never parsed as HTML.
import { t } from './i18n.js';

/** h('a', {href: x, class: 'y'}, child, 'text', [more]) — children are nodes or strings (as text). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

const entities = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" };
function decode(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
    }
    return entities[name.toLowerCase()] ?? m;
  });
}

/**
 * A highlight fragment ("…<em>term</em>…", escaped or not by the server) as nodes: the parts between <em> and </em>
 * become <em> elements, everything else text. Any other tag in the fragment stays visible text.
 */
export function highlighted(fragment) {
  const nodes = [];
  const parts = String(fragment).split(/(<em>|<\/em>)/i);
  let inside = false;
  for (const part of parts) {
    if (/^<em>$/i.test(part)) { inside = true; continue; }
    if (/^<\/em>$/i.test(part)) { inside = false; continue; }
    if (!part) continue;
    const text = decode(part);
    nodes.push(inside ? h('em', { class: 'hl' }, text) : document.createTextNode(text));
  }
  return nodes;
}

/** The plain text of a highlight fragment. */
export function plain(fragment) {
  return decode(String(fragment).replace(/<\/?em>/gi, ''));
}

/** The highlight among <paramref name="fragments"/> whose text is <paramref name="title"/>, as nodes; else the title as text. */
export function titleNodes(title, fragments) {
  if (!title) return [];
  const match = (fragments ?? []).find(f => plain(f) === title);
  return match ? highlighted(match) : [document.createTextNode(title)];
}

export function statusBadge(status) {
  const s = (status ?? 'unknown').toLowerCase();
  return h('span', { class: `badge ${s}` }, t(`status_${s}`));
}

export function standardHref(code) {
  return `/standard/${encodeURIComponent(code)}`;
}

export function codeLink(code, text) {
  return h('a', { href: standardHref(code), class: 'code' }, text ?? code);
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

export function render(...children) {
  const main = clear(document.getElementById('main'));
  append(main, children);
  return main;
}

export function errorBox(error) {
  return h('p', { class: 'error', role: 'alert' }, t('error'), error?.message ?? String(error));
}
