// #/ — store totals and the most active entities. The search box lives in the page header.

import { apiGet } from '../api.js';
import { el, muted, route, section } from '../dom.js';
import { pagedList, plural, typeBadge } from '../common.js';

export function entityItem(entity) {
  return el('li', { class: 'entity-item', 'data-testid': 'entity-item', 'data-entity-id': entity.id },
    el('a', { href: route('entity', entity.id), 'data-testid': 'entity-link' }, el('bdi', null, entity.name || entity.id)),
    ' ',
    muted([entity.kind, entity.country, entity.sector].filter(Boolean).join(' · ')),
    ' ',
    el('span', { class: 'count' }, `${plural(entity.event_count, 'event')}, ${plural(entity.mention_count, 'mention')}`));
}

function statsCard(stats) {
  const keys = ['documents', 'sentences', 'entities', 'events', 'reports', 'relations'];
  const byType = stats.by_type && typeof stats.by_type === 'object' ? Object.entries(stats.by_type) : [];
  return section('Store', 'stats',
    el('div', { class: 'stat-grid' }, keys.map((k) => el('div', { class: 'stat', 'data-testid': `stat-${k}` },
      el('strong', null, String(stats[k] ?? 0)), el('span', null, k)))),
    byType.length
      ? el('ul', { class: 'type-counts', 'data-testid': 'stats-by-type' },
        byType.map(([type, n]) => el('li', null, typeBadge(type), ` ${n}`)))
      : null);
}

export async function homeView(root, ctx) {
  root.append(el('h1', null, 'newsgraph'),
    el('p', { class: 'lead' }, 'Actors, events and relations read from news articles, each tied to the sentences that state it. ',
      el('a', { href: route('map') }, 'Map of event places'), '.'));
  const stats = await apiGet(['stats'], null, ctx.signal);
  root.append(statsCard(stats));
  const top = pagedList({
    testid: 'entity-list',
    load: (page) => apiGet(['entities'], { page, per_page: 20 }, ctx.signal),
    renderItem: entityItem,
    empty: 'No entities in this store yet.',
  });
  root.append(section('Most active entities', 'top-entities', top.node));
  await top.ready;
}
