// #/entity/{id} — who it is, what it did (timeline, counts, quantities), who it relates to
// (relations, network) and the sentences that say so.

import { apiGet } from '../api.js';
import { el, muted, orNone, route, section } from '../dom.js';
import { dateText, docRoute, entityLink, eventItem, evidenceLink, facts, pagedList, plural, typeBadge } from '../common.js';
import { entityActions } from './actions.js';
import { graphSection } from './graph.js';

const none = (text) => el('p', { class: 'muted' }, text);

function header(e) {
  const aliases = Array.isArray(e.aliases) ? e.aliases : [];
  return el('header', { class: 'entity-header' },
    el('h1', { 'data-testid': 'entity-name', dir: 'auto' }, e.name || e.id),
    (e.sanctions || []).length ? el('span', { class: 'flag', 'data-testid': 'sanctions-flag' }, 'On a sanctions list') : null,
    facts([
      ['Kind', orNone(e.kind), 'entity-kind'],
      ['Country', orNone(e.country), 'entity-country'],
      ['Sector', orNone(e.sector), 'entity-sector'],
      ['Aliases', aliases.length
        ? el('ul', { class: 'inline' }, aliases.map((a) => el('li', null, el('bdi', null, a))))
        : muted('none'), 'entity-aliases'],
      ['Activity', `${plural(e.event_count, 'event')}, ${plural(e.mention_count, 'mention')}`],
    ]));
}

function roles(list) {
  if (!list.length) return section('Roles', 'roles', none('No roles stated.'));
  return section('Roles', 'roles', el('table', null,
    el('thead', null, el('tr', null, el('th', null, 'Title'), el('th', null, 'Organisation'), el('th', null, 'Seen'), el('th', null, 'Article'))),
    el('tbody', null, list.map((r) => el('tr', { 'data-testid': 'role' },
      el('td', null, orNone(r.title)),
      el('td', null, orNone(r.organisation)),
      el('td', null, orNone(r.seen)),
      el('td', null, r.doc_id ? el('a', { href: docRoute(r.doc_id) }, 'article') : muted('—')))))));
}

function sanctions(list) {
  if (!list.length) return section('Sanctions lists', 'sanctions', none('No sanctions-list match.'));
  return section('Sanctions lists', 'sanctions', el('ul', { class: 'list' }, list.map((s) => el('li', { 'data-testid': 'sanction' },
    el('strong', null, s.list || '?'), ': ', el('bdi', null, s.party_name || s.party_id || '?'),
    s.party_id ? muted(` (${s.party_id})`) : null,
    typeof s.score === 'number' ? muted(` · score ${s.score.toFixed(2)}`) : null,
    s.explanation ? el('div', { class: 'small' }, s.explanation) : null))));
}

function relations(list) {
  if (!list.length) return section('Relations', 'relations', none('No relations stated.'));
  return section('Relations', 'relations', el('ul', { class: 'list' }, list.map((r) => {
    const evidence = Array.isArray(r.evidence) ? r.evidence : [];
    const seen = r.first_seen && r.last_seen && r.first_seen !== r.last_seen ? `${r.first_seen} – ${r.last_seen}` : r.first_seen || r.last_seen;
    return el('li', { class: 'relation', 'data-testid': 'relation' },
      el('div', null, entityLink(r.source), ' ', el('span', { class: 'relation-name' }, r.relation || '?'), ' ', entityLink(r.target),
        seen ? muted(` · seen ${seen}`) : null),
      evidence.length ? el('ul', { class: 'evidence-list' }, evidence.map((ev) => el('li', null, evidenceLink(ev)))) : null);
  })));
}

function eventCounts(counts) {
  const entries = Object.entries(counts || {}).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return section('Events by type', 'event-counts', none('No events.'));
  return section('Events by type', 'event-counts', el('ul', { class: 'type-counts' },
    entries.map(([type, n]) => el('li', { 'data-testid': 'event-count', 'data-type': type }, typeBadge(type), ` ${n}`))));
}

function quantities(list) {
  if (!list.length) return section('Key quantities', 'quantities', none('No quantities stated.'));
  return section('Key quantities', 'quantities', el('table', null,
    el('thead', null, el('tr', null, el('th', null, 'Quantity'), el('th', null, 'As written'), el('th', null, 'Event'), el('th', null, 'Date'))),
    el('tbody', null, list.map((q) => el('tr', { 'data-testid': 'quantity' },
      el('td', null, `${q.value ?? ''} ${q.unit ?? ''}`.trim() || muted('—')),
      el('td', null, orNone(q.text)),
      el('td', null, q.event_id ? el('a', { href: route('event', q.event_id), 'data-testid': 'event-link' }, typeBadge(q.type)) : typeBadge(q.type)),
      el('td', null, q.date && typeof q.date === 'object' ? dateText(q.date) : orNone(q.date)))))));
}

function evidence(list) {
  if (!list.length) return section('Sentences that mention it', 'evidence', none('No sentences.'));
  return section('Sentences that mention it', 'evidence', el('ul', { class: 'list evidence-list' },
    list.map((ev) => el('li', null, evidenceLink(ev)))));
}

export async function entityView(root, ctx) {
  const id = ctx.params[0];
  const e = await apiGet(['entities', id], null, ctx.signal);
  const arr = (v) => (Array.isArray(v) ? v : []);

  const timeline = pagedList({
    testid: 'timeline',
    load: (page) => apiGet(['entities', e.id, 'timeline'], { page, per_page: 20 }, ctx.signal),
    renderItem: eventItem,
    empty: 'No events.',
    ordered: true,
  });
  const graph = graphSection(e, ctx);

  root.append(
    header(e),
    entityActions(e, ctx),
    el('div', { class: 'columns' }, eventCounts(e.event_counts), sanctions(arr(e.sanctions))),
    graph.node,
    section('Timeline', 'timeline-card', timeline.node),
    relations(arr(e.relations)),
    el('div', { class: 'columns' }, roles(arr(e.roles)), quantities(arr(e.quantities))),
    evidence(arr(e.evidence)),
  );
  await Promise.all([timeline.ready, graph.ready]);
}
