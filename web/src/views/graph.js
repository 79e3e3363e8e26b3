// The network around one entity (cytoscape): neighbours as nodes, one edge per (pair, event
// type) coloured by type. Type checkboxes and since/until re-query /api/entities/{id}/graph.
// Labels are drawn on a canvas by cytoscape, so untrusted names never become markup.

import cytoscape from 'cytoscape';
import { apiGet } from '../api.js';
import { el, fill, muted, route, section } from '../dom.js';
import { plural, typeColor } from '../common.js';
import { showError } from '../errors.js';

const DATE_PREFIX = /^\d{4}(-\d{2}(-\d{2})?)?$/;

function elements(graph) {
  const nodes = Array.isArray(graph.nodes) ? graph.nodes : [];
  const ids = new Set(nodes.map((n) => String(n.id)));
  const out = nodes.map((n) => ({
    group: 'nodes',
    data: { id: String(n.id), label: String(n.name ?? n.id), events: Number(n.events) || 0, center: String(n.id) === String(graph.center) },
  }));
  for (const e of Array.isArray(graph.edges) ? graph.edges : []) {
    // An edge to a node the answer left out would make cytoscape throw; skip it.
    if (!ids.has(String(e.source)) || !ids.has(String(e.target))) continue;
    out.push({
      group: 'edges',
      data: {
        id: `${e.source}|${e.target}|${e.type}`,
        source: String(e.source),
        target: String(e.target),
        type: String(e.type),
        weight: Number(e.weight) || 1,
        color: typeColor(e.type),
      },
    });
  }
  return out;
}

const STYLE = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 11,
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'ellipsis',
      'text-max-width': 120,
      color: '#222',
      'background-color': '#6b7a8f',
      width: 'mapData(events, 0, 30, 18, 46)',
      height: 'mapData(events, 0, 30, 18, 46)',
    },
  },
  { selector: 'node[?center]', style: { 'background-color': '#1a1a2e', 'font-weight': 'bold' } },
  {
    selector: 'edge',
    style: {
      'curve-style': 'bezier', // parallel edges (several types per pair) fan out
      'line-color': 'data(color)',
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      width: 'mapData(weight, 1, 10, 1.5, 8)',
      opacity: 0.85,
    },
  },
];

/** Types offered as filters: those in the first (unfiltered) answer plus the entity's own counts. */
function typeList(graph, eventCounts) {
  const types = new Set(Object.keys(eventCounts || {}));
  for (const e of graph.edges || []) types.add(String(e.type));
  return [...types].sort();
}

export function graphSection(entity, ctx) {
  const container = el('div', { class: 'graph', 'data-testid': 'graph', 'data-state': 'loading' });
  const typeBoxes = el('fieldset', { class: 'type-filter', 'data-testid': 'graph-types' }, el('legend', null, 'Event types'));
  const since = el('input', { type: 'text', name: 'since', placeholder: 'since YYYY[-MM[-DD]]', size: 16, 'data-testid': 'graph-since', 'aria-label': 'since' });
  const until = el('input', { type: 'text', name: 'until', placeholder: 'until YYYY[-MM[-DD]]', size: 16, 'data-testid': 'graph-until', 'aria-label': 'until' });
  const form = el('form', { class: 'graph-filters', 'data-testid': 'graph-filters' },
    typeBoxes,
    el('div', { class: 'dates' }, since, until, el('button', { type: 'submit', 'data-testid': 'graph-apply' }, 'Apply')));
  const neighbours = el('ul', { class: 'list neighbours', 'data-testid': 'neighbours' });
  const cutNote = el('p', { class: 'muted small', 'data-testid': 'graph-cut' });
  const node = section('Network', 'network', form, container, cutNote,
    el('p', { class: 'muted small' }, 'Click a node to open it. Edge colour is the event type, width the number of events.'),
    el('h3', null, 'Neighbours'), neighbours);

  let cy = null;
  let types = null; // all offered types, fixed after the first answer
  let seq = 0;
  let pending = null;
  ctx.onCleanup(() => {
    if (pending) pending.abort();
    if (cy) cy.destroy();
  });

  function checkedTypes() {
    return [...typeBoxes.querySelectorAll('input[type=checkbox]')].filter((b) => b.checked).map((b) => b.value);
  }

  function drawCheckboxes() {
    for (const type of types) {
      const swatch = el('span', { class: 'swatch' });
      swatch.style.backgroundColor = typeColor(type);
      const box = el('input', { type: 'checkbox', value: type, checked: true, 'data-testid': 'graph-type' });
      box.addEventListener('change', () => reload());
      typeBoxes.append(el('label', { class: 'type-option' }, box, swatch, type));
    }
  }

  function drawNeighbours(graph) {
    const others = (graph.nodes || []).filter((n) => String(n.id) !== String(graph.center));
    fill(neighbours, others.length
      ? others.map((n) => el('li', { 'data-testid': 'neighbour', 'data-entity-id': n.id },
        el('a', { href: route('entity', n.id), 'data-testid': 'entity-link' }, el('bdi', null, n.name ?? n.id)),
        ' ', muted(plural(n.events, 'event')), ' · ',
        el('a', { href: route('dyad', entity.id, n.id), 'data-testid': 'dyad-link' }, 'dyad')))
      : el('li', { class: 'muted' }, 'No neighbours for these filters.'));
  }

  function draw(graph) {
    const els = elements(graph);
    if (cy) cy.destroy();
    cy = cytoscape({
      container,
      elements: els,
      style: STYLE,
      layout: { name: 'concentric', concentric: (n) => (n.data('center') ? 2 : 1), levelWidth: () => 1, minNodeSpacing: 70, spacingFactor: 1.3, animate: false },
      minZoom: 0.2,
      maxZoom: 1.6, // a small neighbourhood should not fill the box with giant labels
    });
    cy.on('tap', 'node', (evt) => {
      const id = evt.target.id();
      if (id !== String(graph.center)) window.location.hash = route('entity', id);
    });
    container.cy = cy; // a property, not an attribute: lets browser tests find node positions
    container.dataset.nodes = String(cy.nodes().length);
    container.dataset.edges = String(cy.edges().length);
    container.dataset.state = 'ready';
    // The API sends the heaviest edges only (max_edges): say when some were left out.
    const total = Number(graph.edges_total ?? (graph.edges || []).length);
    cutNote.textContent = total > (graph.edges || []).length
      ? `Showing the ${(graph.edges || []).length} heaviest of ${total} edges.` : '';
    drawNeighbours(graph);
  }

  async function load() {
    container.dataset.state = 'loading';
    const my = ++seq;
    if (pending) pending.abort();
    pending = new AbortController();
    const params = { since: since.value.trim(), until: until.value.trim() };
    for (const [k, v] of Object.entries(params)) {
      if (v && !DATE_PREFIX.test(v)) throw new Error(`${k}: expected YYYY, YYYY-MM or YYYY-MM-DD, got "${v}"`);
    }
    if (types) {
      const chosen = checkedTypes();
      if (chosen.length === 0) {
        // Nothing chosen: nothing to ask the server for.
        if (my === seq) draw({ center: entity.id, nodes: [{ id: entity.id, name: entity.name, events: entity.event_count }], edges: [] });
        return;
      }
      if (chosen.length < types.length) params.types = chosen.join(',');
    }
    const graph = await apiGet(['entities', entity.id, 'graph'], params, pending.signal);
    if (my !== seq || !ctx.isCurrent()) return; // a newer query is on its way
    if (!types) {
      types = typeList(graph, entity.event_counts);
      drawCheckboxes();
    }
    draw(graph);
  }

  // Enter in a date box fires both "change" and "submit"; coalesce them into one query.
  let timer = null;
  function reload() {
    container.dataset.state = 'loading';
    clearTimeout(timer);
    timer = setTimeout(() => {
      load().catch((err) => {
        if (err.name === 'AbortError') return;
        container.dataset.state = 'error';
        showError(err);
      });
    }, 30);
  }
  ctx.onCleanup(() => clearTimeout(timer));

  // Cytoscape caches where its box is on the page; the error box or late content above it can
  // move it without a resize, and then clicks would hit the wrong node. Re-measure first.
  container.addEventListener('pointerdown', () => cy && cy.resize(), true);

  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    reload();
  });
  since.addEventListener('change', reload);
  until.addEventListener('change', reload);

  return { node, ready: load() };
}
