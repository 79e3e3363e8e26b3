// #/event/{id} — one merged event and every article's report of it.

import { apiGet } from '../api.js';
import { el, muted, orNone, section } from '../dom.js';
import { eventActions } from './actions.js';
import { dateText, docRoute, entityLink, evidenceLink, facts, plural, typeBadge } from '../common.js';

function placeText(place) {
  if (!place) return null;
  const parts = [place.name, place.country].filter(Boolean).join(', ');
  const coords = typeof place.lat === 'number' && typeof place.lon === 'number' ? ` (${place.lat.toFixed(2)}, ${place.lon.toFixed(2)})` : '';
  return el('bdi', null, parts + coords);
}

function dateNode(date) {
  if (!date) return null;
  const extra = [date.text && date.text !== date.value ? `“${date.text}”` : null, date.precision].filter(Boolean).join(', ');
  return el('span', null, dateText(date), extra ? muted(` (${extra})`) : null);
}

function quantityList(list) {
  if (!list.length) return null;
  return el('ul', { class: 'inline' }, list.map((q) => el('li', { 'data-testid': 'quantity' },
    `${q.value ?? ''} ${q.unit ?? ''}`.trim(), q.text ? muted(` “${q.text}”`) : null)));
}

function report(r) {
  const evidence = Array.isArray(r.evidence) ? r.evidence : [];
  return el('li', { class: 'report', 'data-testid': 'event-report', 'data-report-id': r.report_id ?? r.id },
    el('div', { class: 'report-head' },
      el('strong', { dir: 'auto' }, r.title || 'Untitled article'),
      muted(` · ${[r.outlet, r.published].filter(Boolean).join(' · ') || 'unknown outlet'}`),
      r.primary ? el('span', { class: 'pill' }, 'primary') : null),
    el('div', { class: 'small' }, entityLink(r.source), ' → ', entityLink(r.target), ' · ', dateText(r.date),
      r.modality ? muted(` · ${r.modality}`) : null),
    evidence.length
      ? el('ul', { class: 'evidence-list' }, evidence.map((ev) => el('li', null, evidenceLink(ev))))
      : muted('no evidence sentence'),
    evidence[0] && evidence[0].doc_id ? el('a', { href: docRoute(evidence[0].doc_id), class: 'small' }, 'whole article') : null);
}

export async function eventView(root, ctx) {
  const ev = await apiGet(['events', ctx.params[0]], null, ctx.signal);
  const reports = Array.isArray(ev.report_list) ? ev.report_list : [];
  root.append(
    el('header', null,
      el('h1', { 'data-testid': 'event-title' }, typeBadge(ev.type), ' ', entityLink(ev.source), ' → ', entityLink(ev.target)),
      facts([
        ['Type', orNone(ev.type), 'event-type-name'],
        ['Mode', orNone(ev.mode), 'event-mode'],
        ['Context', orNone(ev.context)],
        ['Modality', orNone(ev.modality), 'event-modality'],
        ['Confidence', typeof ev.confidence === 'number' ? ev.confidence.toFixed(2) : null],
        ['Source', entityLink(ev.source), 'event-source'],
        ['Target', entityLink(ev.target), 'event-target'],
        ['Date', dateNode(ev.date), 'event-date'],
        ['Place', placeText(ev.place), 'event-place'],
        ['Quantities', quantityList(Array.isArray(ev.quantities) ? ev.quantities : []), 'event-quantities'],
        ['Coverage', `${plural(ev.reports ?? reports.length, 'report')} in ${plural(ev.articles, 'article')} from ${plural(ev.sources, 'source')}`],
      ])),
    eventActions(ev, ctx, root),
    section('Reports', 'event-reports-card',
      el('ul', { class: 'list', 'data-testid': 'event-reports' }, reports.length ? reports.map(report) : el('li', { class: 'muted' }, 'No reports.'))),
  );
}
