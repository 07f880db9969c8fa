// The neighbourhood of a standard as an interactive picture (cytoscape.js, vendored: see /app/vendor).
// Nodes are coloured by body (fill) and status (ring); edges are labelled by relation. Click expands a node,
// double-click opens its page. The list below mirrors the picture for keyboard and screen-reader users.
import cytoscape from '../vendor/cytoscape.esm.min.js';
import { graphql } from './api.js';
import { t, lang } from './i18n.js';
import { h, codeLink, standardHref } from './dom.js';
import { BODY_COLOURS, STATUS_COLOURS } from './colours.js';

const RELATIONS = ['REPLACES', 'REPLACED_BY', 'ADOPTS', 'ADOPTED_BY', 'CITES', 'CITED_BY', 'AMENDS', 'AMENDMENTS', 'UPDATES', 'UPDATED_BY'];
// Each inverse is drawn as its forward edge, so A replaces B and B replacedBy A are one arrow.
const FORWARD = { REPLACED_BY: 'REPLACES', ADOPTED_BY: 'ADOPTS', CITED_BY: 'CITES', AMENDMENTS: 'AMENDS', UPDATED_BY: 'UPDATES' };
const LABEL_KEY = { REPLACES: 'replaces', ADOPTS: 'adopts', CITES: 'cites', AMENDS: 'amends', UPDATES: 'updates' };
const PER_EXPANSION = 40;

const QUERY = `query Neighbourhood($code: String!, $relations: [Relation!]!, $first: Int) {
  standard(code: $code) {
    code body status inCatalogue zh: title(lang: ZH, fallback: false) en: title(lang: EN, fallback: false)
    related(relations: $relations, depth: 1, first: $first) {
      relation degree via { code }
      standard { code body status inCatalogue zh: title(lang: ZH, fallback: false) en: title(lang: EN, fallback: false) }
    }
  }
}`;

const bodyColour = body => BODY_COLOURS[body] ?? BODY_COLOURS['…'];
const statusColour = status => STATUS_COLOURS[(status ?? '').toLowerCase()] ?? '#8c959f';
const titleOf = s => (lang === 'zh' ? (s.zh ?? s.en) : (s.en ?? s.zh)) ?? '';

export async function draw(container, list, start) {
  const cy = cytoscape({
    container,
    wheelSensitivity: 0.3,
    minZoom: 0.2,
    maxZoom: 1.6,
    style: [
      { selector: 'node', style: {
        'background-color': 'data(fill)', 'border-color': 'data(ring)', 'border-width': 4,
        label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4, color: '#1b1f24',
        'font-family': '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif', width: 22, height: 22,
        'text-background-color': '#fff', 'text-background-opacity': 0.8, 'text-background-padding': 1,
      } },
      { selector: 'node[?root]', style: { width: 34, height: 34, 'font-weight': 'bold', 'font-size': 12 } },
      { selector: 'node[?expanded]', style: { shape: 'round-rectangle' } },
      { selector: 'node[!known]', style: { 'border-style': 'dashed', 'border-color': '#8c959f' } },
      { selector: 'edge', style: {
        width: 1.5, 'line-color': '#8c959f', 'target-arrow-color': '#8c959f', 'target-arrow-shape': 'triangle', 'curve-style': 'bezier',
        label: 'data(label)', 'font-size': 9, color: '#57606a', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.8,
        'font-family': '"WenQuanYi Micro Hei", "Noto Sans CJK SC", sans-serif',
      } },
      { selector: 'edge[rel = "ADOPTS"]', style: { 'line-color': '#0969da', 'target-arrow-color': '#0969da', width: 2.5 } },
      { selector: 'edge[rel = "REPLACES"]', style: { 'line-color': '#bf8700', 'target-arrow-color': '#bf8700', 'line-style': 'dashed' } },
    ],
  });
  window.stdgraphGraph = cy; // for the browser tests and for curious users in the console

  const nodeData = s => ({
    id: s.code, label: s.code, fill: bodyColour(s.body), ring: statusColour(s.status), known: !!s.inCatalogue,
    title: titleOf(s), status: s.status ?? '',
  });

  // New nodes start around the node they were reached from, so a re-layout moves the picture little.
  const addNode = (s, extra = {}, near = null) => {
    const existing = cy.getElementById(s.code);
    if (existing.nonempty()) return existing;
    const from = near ? cy.getElementById(near) : null;
    const centre = from?.nonempty() ? from.position() : { x: 0, y: 0 };
    const angle = Math.random() * 2 * Math.PI;
    const position = { x: centre.x + 80 * Math.cos(angle), y: centre.y + 80 * Math.sin(angle) };
    return cy.add({ group: 'nodes', data: { ...nodeData(s), ...extra }, position });
  };

  const addEdge = (from, to, relation, degree) => {
    let source = from, target = to, rel = relation;
    if (FORWARD[relation]) { source = to; target = from; rel = FORWARD[relation]; }
    const id = `${source}|${rel}|${target}`;
    if (cy.getElementById(id).nonempty()) return;
    const label = t(LABEL_KEY[rel]) + (degree ? ` ${degree}` : '');
    cy.add({ group: 'edges', data: { id, source, target, rel, label } });
  };

  const relayout = () => cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, randomize: false, padding: 20, idealEdgeLength: () => 90 }).run();

  const expand = async code => {
    const node = cy.getElementById(code);
    if (node.nonempty() && node.data('expanded')) return;
    container.setAttribute('aria-busy', 'true');
    try {
      const data = await graphql(QUERY, { code, relations: RELATIONS, first: PER_EXPANSION });
      const s = data.standard;
      if (!s) return;
      cy.batch(() => {
        addNode(s).data('expanded', true);
        for (const r of s.related ?? []) {
          addNode(r.standard, {}, r.via.code);
          addEdge(r.via.code, r.standard.code, r.relation, r.degree);
        }
      });
      relayout();
      renderList();
      container.dataset.nodes = String(cy.nodes().length);
    } finally {
      container.removeAttribute('aria-busy');
      container.dataset.expansions = String((+container.dataset.expansions || 0) + 1);
    }
  };

  const renderList = () => {
    list.replaceChildren(...cy.nodes().sort((a, b) => a.id().localeCompare(b.id())).map(n => h('li', { 'data-code': n.id() },
      codeLink(n.id()), n.data('title') ? h('span', { class: 'muted' }, ' ', n.data('title')) : null,
      n.data('expanded') ? null : h('button', { type: 'button', 'aria-label': `${t('expand')} ${n.id()}`, onclick: () => expand(n.id()) }, t('expand')))));
  };

  cy.on('tap', 'node', e => expand(e.target.id()));
  cy.on('dbltap', 'node', e => { location.href = standardHref(e.target.id()); });
  cy.on('mouseover', 'node', e => { container.title = `${e.target.id()} ${e.target.data('title')}`; container.style.cursor = 'pointer'; });
  cy.on('mouseout', 'node', () => { container.title = ''; container.style.cursor = ''; });

  addNode(start, { root: true });
  await expand(start.code);
}
