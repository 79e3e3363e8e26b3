// Building blocks shared by the views: type badges, entity and evidence links, event rows, pagers.

import { el, bdi, fill, muted, route } from './dom.js';
import { showError } from './errors.js';

// PLOVER types: cooperative ones in greens/blues, conflictual ones in oranges/reds.
export const TYPE_COLORS = {
  AGREE: '#1b7f4c',
  CONSULT: '#2f6db5',
  SUPPORT: '#3a9d7a',
  CONCEDE: '#6aa84f',
  COOPERATE: '#1f9bb4',
  AID: '#45a047',
  RETREAT: '#8fb339',
  REQUEST: '#7b68c8',
  ACCUSE: '#d98a1c',
  REJECT: '#c9701a',
  THREATEN: '#d4552b',
  PROTEST: '#b8860b',
  SANCTION: '#b03a2e',
  MOBILIZE: '#a0522d',
  COERCE: '#c0392b',
  ASSAULT: '#8b0000',
};
const OTHER_COLOR = '#777777';

export function typeColor(type) {
  return Object.prototype.hasOwnProperty.call(TYPE_COLORS, type) ? TYPE_COLORS[type] : OTHER_COLOR;
}

export function typeBadge(type) {
  const badge = el('span', { class: 'badge', 'data-testid': 'event-type' }, type || '?');
  badge.style.backgroundColor = typeColor(type); // colour from our palette, never from the API
  return badge;
}

export function entityLink(actor) {
  if (!actor) return muted('—');
  if (!actor.id) return bdi(actor.name || '?');
  return el('a', { href: route('entity', actor.id), 'data-testid': 'entity-link' }, bdi(actor.name || actor.id));
}

function isOffset(n) {
  return Number.isInteger(n) && n >= 0;
}

/** "#/doc/ID?start=S&end=E": the article view with that sentence highlighted. */
export function docRoute(docId, start, end) {
  const query = isOffset(start) && isOffset(end) ? { start, end } : null;
  return query ? route('doc', docId, query) : route('doc', docId);
}

/** One evidence sentence linking to where it stands in its article; `content` overrides its text. */
export function evidenceLink(ev, content) {
  const body = content ?? (String((ev && ev.sentence) ?? '').trim() || '(sentence)');
  if (!ev || !ev.doc_id) return el('span', { dir: 'auto' }, body);
  return el('a', { href: docRoute(ev.doc_id, ev.start, ev.end), class: 'evidence', 'data-testid': 'evidence-link', dir: 'auto' }, body);
}

/** "1 event", "3 events". */
export function plural(n, word) {
  const count = Number(n) || 0;
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function dateText(date) {
  if (!date) return 'undated';
  return date.value || date.text || 'undated';
}

/** One event as a row: date, type, source → target, its first evidence sentence. */
export function eventItem(ev) {
  const evidence = (ev.evidence || [])[0];
  return el('li', { class: 'event', 'data-testid': 'timeline-item', 'data-event-id': ev.id },
    el('div', { class: 'event-head' },
      el('span', { class: 'date' }, dateText(ev.date)), ' ',
      typeBadge(ev.type), ' ',
      entityLink(ev.source), ' → ', entityLink(ev.target), ' ',
      el('a', { href: route('event', ev.id), class: 'more', 'data-testid': 'event-link' }, 'event'),
      ev.reports > 1 ? muted(` · ${ev.reports} reports`) : null),
    evidence ? el('div', { class: 'event-evidence' }, evidenceLink(evidence)) : null);
}

/** Definition list from [label, value] pairs; values are nodes or text. */
export function facts(pairs) {
  return el('dl', { class: 'facts' }, pairs.map(([label, value, testid]) => [
    el('dt', null, label),
    el('dd', testid ? { 'data-testid': testid } : null, value === null || value === undefined || value === '' ? muted('—') : value),
  ]));
}

/**
 * A paged list: `load(page)` answers the API's page {items, page, per_page, total, next}.
 * Returns {node, ready}; `ready` settles when the first page is drawn.
 */
export function pagedList({ testid, load, renderItem, empty = 'Nothing yet.', ordered = false }) {
  const list = el(ordered ? 'ol' : 'ul', { class: 'list', 'data-testid': testid });
  const info = el('span', { class: 'muted', 'data-testid': `${testid}-info` });
  const prev = el('button', { type: 'button', 'data-testid': `${testid}-prev` }, '← Previous');
  const next = el('button', { type: 'button', 'data-testid': `${testid}-next` }, 'Next →');
  const pager = el('div', { class: 'pager' }, prev, info, next);
  const node = el('div', { class: 'paged' }, list, pager);
  let page = 1;

  async function show(n) {
    prev.disabled = next.disabled = true;
    list.setAttribute('aria-busy', 'true');
    const answer = await load(n);
    page = answer.page || n;
    const items = Array.isArray(answer.items) ? answer.items : [];
    fill(list, items.length ? items.map(renderItem) : el('li', { class: 'muted' }, empty));
    list.removeAttribute('aria-busy');
    list.dataset.page = String(page);
    list.dataset.total = String(answer.total ?? items.length);
    const perPage = answer.per_page || items.length || 1;
    const pages = Math.max(1, Math.ceil((answer.total ?? items.length) / perPage));
    info.textContent = `page ${page} of ${pages} · ${answer.total ?? items.length} in all`;
    prev.disabled = page <= 1;
    next.disabled = !answer.next && page >= pages;
    pager.hidden = pages <= 1;
  }

  prev.addEventListener('click', () => show(page - 1).catch(showError));
  next.addEventListener('click', () => show(page + 1).catch(showError));
  return { node, ready: show(1) };
}

/** Render a search snippet whose matches the API marks as **word**, as <b> elements. */
export function snippet(text) {
  const parts = String(text ?? '').split('**');
  return el('span', { class: 'snippet', dir: 'auto' }, parts.map((part, i) => (i % 2 ? el('b', null, part) : part)));
}
