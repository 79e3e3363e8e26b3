// #/search?q= — entity matches and sentence matches side by side.

import { apiGet } from '../api.js';
import { el, muted, section } from '../dom.js';
import { evidenceLink, pagedList, snippet } from '../common.js';
import { entityItem } from './home.js';

function sentenceItem(hit) {
  // The link text is the snippet, with the matched words in bold.
  return el('li', { class: 'sentence-hit', 'data-testid': 'sentence-item' },
    evidenceLink(hit, snippet(hit.snippet || hit.text || '')),
    el('div', { class: 'muted small' }, el('bdi', null, hit.title || hit.doc_id || ''), hit.published ? ` · ${hit.published}` : ''));
}

export async function searchView(root, ctx) {
  const q = (ctx.query.get('q') || '').trim();
  const input = document.querySelector('[data-testid="search-input"]');
  if (input && input.value !== q) input.value = q;
  root.append(el('h1', null, 'Search ', q ? el('bdi', { 'data-testid': 'search-query' }, `“${q}”`) : null));
  const results = el('div', { class: 'columns', 'data-testid': 'search-results' });
  root.append(results);
  if (!q) {
    results.append(muted('Type a name or words in the search box.'));
    return;
  }
  const entities = pagedList({
    testid: 'entity-results',
    load: (page) => apiGet(['entities'], { q, page, per_page: 20 }, ctx.signal),
    renderItem: entityItem,
    empty: 'No entity matches.',
  });
  const sentences = pagedList({
    testid: 'sentence-results',
    load: (page) => apiGet(['search'], { q, page, per_page: 20 }, ctx.signal),
    renderItem: sentenceItem,
    empty: 'No sentence matches.',
  });
  results.append(section('Entities', 'entity-results-card', entities.node),
    section('Sentences', 'sentence-results-card', sentences.node));
  await Promise.all([entities.ready, sentences.ready]);
}
