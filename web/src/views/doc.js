// #/doc/{id}?start=S&end=E — an article's full text with its annotated spans marked and the
// sentence S..E highlighted and scrolled into view. The text is untrusted: it is only ever
// inserted as text nodes inside <mark> elements we build.

import { apiGet } from '../api.js';
import { el, externalLink, fill, muted, route } from '../dom.js';
import { facts, typeBadge } from '../common.js';

const KINDS = new Set(['event', 'relation', 'mention']);

/**
 * The API counts offsets in Unicode code points (Python str indices); JS strings index UTF-16
 * units, which differ once the text holds characters outside the BMP (emoji, some scripts).
 * Returns a function from code-point offset to UTF-16 offset, clamped to the text.
 */
export function utf16Offsets(text) {
  const units = [];
  let i = 0;
  for (const ch of text) {
    units.push(i);
    i += ch.length;
  }
  units.push(i);
  return (cp) => units[Math.max(0, Math.min(units.length - 1, cp))];
}

function toInt(value) {
  if (value === null || value === undefined || !/^\d+$/.test(String(value))) return null;
  return Number(value);
}

/**
 * Split the text at every span edge into segments, each knowing which spans cover it, and build
 * the marked-up nodes. Overlapping spans become adjacent <mark>s, never nested markup from data;
 * the active range is one wrapping <mark data-testid="mark-active">.
 */
export function markedText(text, spans, active) {
  const toUnit = utf16Offsets(text);
  const ranges = [];
  for (const s of spans) {
    const start = toInt(s.start);
    const end = toInt(s.end);
    if (start === null || end === null || end <= start) continue;
    ranges.push({ start: toUnit(start), end: toUnit(end), kind: KINDS.has(s.kind) ? s.kind : 'other' });
  }
  let act = active ? { start: toUnit(active.start), end: toUnit(active.end) } : null;
  if (act) {
    // Sentences carry their trailing blank lines; highlighting those draws an empty yellow bar.
    while (act.end > act.start && /\s/.test(text[act.end - 1])) act.end -= 1;
    while (act.start < act.end && /\s/.test(text[act.start])) act.start += 1;
    if (act.start === act.end) act = null;
  }
  const cuts = new Set([0, text.length]);
  for (const r of ranges) cuts.add(r.start).add(r.end);
  if (act) cuts.add(act.start).add(act.end);
  const edges = [...cuts].sort((a, b) => a - b);

  const out = document.createDocumentFragment();
  let activeMark = null;
  for (let k = 0; k + 1 < edges.length; k++) {
    const a = edges[k];
    const b = edges[k + 1];
    if (a === b) continue;
    const piece = text.slice(a, b);
    const kinds = [...new Set(ranges.filter((r) => r.start <= a && r.end >= b).map((r) => r.kind))].sort();
    const node = kinds.length
      ? el('mark', { class: ['span', ...kinds.map((x) => `kind-${x}`)], 'data-testid': 'mark', 'data-kinds': kinds.join(' '), title: kinds.join(', ') }, piece)
      : document.createTextNode(piece);
    const inside = act && a >= act.start && b <= act.end;
    if (inside) {
      if (!activeMark) {
        activeMark = el('mark', { class: 'active', 'data-testid': 'mark-active', id: 'active-sentence' });
        out.appendChild(activeMark);
      }
      activeMark.appendChild(node);
    } else {
      out.appendChild(node);
    }
  }
  return { fragment: out, activeMark };
}

/** The events and entities the article's spans point at, once each, by their labels. */
function refsList(spans) {
  const byRef = (kind) => {
    const seen = new Map();
    for (const s of spans) if (s.kind === kind && s.ref && !seen.has(String(s.ref))) seen.set(String(s.ref), s.label);
    return [...seen];
  };
  const events = byRef('event');
  const entities = byRef('mention');
  if (!events.length && !entities.length) return null;
  return el('section', { class: 'card', 'data-testid': 'doc-refs' }, el('h2', null, 'Read in this article'),
    events.length ? el('p', null, 'Events: ', events.map(([id, label]) => [
      el('a', { href: route('event', id), 'data-testid': 'event-link' }, typeBadge(label)), ' '])) : null,
    entities.length ? el('p', null, 'Entities: ', entities.map(([id, label], i) => [i ? ' · ' : '',
      el('a', { href: route('entity', id), 'data-testid': 'entity-link' }, el('bdi', null, label || id))])) : null);
}

export async function docView(root, ctx) {
  const doc = await apiGet(['documents', ctx.params[0]], null, ctx.signal);
  const text = typeof doc.text === 'string' ? doc.text : '';
  const spans = Array.isArray(doc.spans) ? doc.spans : [];
  const start = toInt(ctx.query.get('start'));
  const end = toInt(ctx.query.get('end'));
  const active = start !== null && end !== null && end > start ? { start, end } : null;

  const body = el('div', { class: 'doc-text', 'data-testid': 'doc-text', dir: 'auto' });
  const { fragment, activeMark } = markedText(text, spans, active);
  body.appendChild(fragment);

  root.append(
    el('header', null,
      el('h1', { 'data-testid': 'doc-title', dir: 'auto' }, doc.title || 'Untitled article'),
      facts([
        ['Outlet', doc.outlet ? el('bdi', null, doc.outlet) : null, 'doc-outlet'],
        ['Published', doc.published || null, 'doc-published'],
        ['URL', doc.url ? externalLink(doc.url) || el('span', { class: 'muted' }, `${doc.url} (not a web link)`) : null, 'doc-url'],
        ['Source', doc.source ? el('bdi', { class: 'muted small' }, doc.source) : null],
      ]),
      el('p', { class: 'legend small' },
        el('mark', { class: 'span kind-event' }, 'event'), ' ',
        el('mark', { class: 'span kind-relation' }, 'relation'), ' ',
        el('mark', { class: 'span kind-mention' }, 'mention'), ' ',
        active ? el('mark', { class: 'active' }, 'the sentence you came from') : null)),
    el('article', { class: 'card' }, text ? body : fill(body, muted('This article has no text.'))),
    refsList(spans),
  );
  if (activeMark) {
    // After layout, so the browser knows where the mark is.
    requestAnimationFrame(() => activeMark.scrollIntoView({ block: 'center' }));
  }
}
