// #/map?actor= — where events happened: an SVG world map (country outlines from the packaged
// world-atlas, no tile server) with one circle per place sized by its number of events.

import { geoGraticule10, geoNaturalEarth1, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';
import { apiGet } from '../api.js';
import { el, fill, muted, route, section, svg } from '../dom.js';
import { eventItem, pagedList, plural } from '../common.js';
import { showError } from '../errors.js';

const WIDTH = 960;
const HEIGHT = 500;
let atlas = null; // the country outlines, fetched once per page load

async function loadAtlas(signal) {
  if (!atlas) {
    const response = await fetch('/static/countries-110m.json', { signal });
    if (!response.ok) throw new Error(`cannot load the world outlines (HTTP ${response.status})`);
    atlas = await response.json();
  }
  return atlas;
}

function radius(events) {
  return 3 + Math.sqrt(Math.max(0, Number(events) || 0)) * 3;
}

export async function mapView(root, ctx) {
  const actor = (ctx.query.get('actor') || '').trim();
  const input = el('input', { type: 'search', name: 'actor', value: actor, placeholder: 'entity name or id', 'data-testid': 'map-actor', 'aria-label': 'actor' });
  const form = el('form', { class: 'toolbar', 'data-testid': 'map-filter' }, el('label', null, 'Only events of ', input), ' ',
    el('button', { type: 'submit' }, 'Filter'), actor ? [' ', el('a', { href: route('map') }, 'show all')] : null);
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    // Through the URL, so the filtered map can be bookmarked and goes back with the Back button.
    window.location.hash = route('map', { actor: input.value.trim() });
  });

  const [world, places] = await Promise.all([
    loadAtlas(ctx.signal),
    apiGet(['places'], { actor }, ctx.signal),
  ]);
  const rows = (Array.isArray(places) ? places : []).filter((p) => Number.isFinite(p.lat) && Number.isFinite(p.lon));

  const projection = geoNaturalEarth1().fitSize([WIDTH, HEIGHT], { type: 'Sphere' });
  const path = geoPath(projection);
  const countries = feature(world, world.objects.countries).features;
  const placeEvents = el('div', { 'data-testid': 'place-events' }, muted('Click a circle or a place to list its events.'));

  function select(place) {
    const list = pagedList({
      testid: 'place-event-list',
      load: (page) => apiGet(['events'], { place: place.name, actor, page, per_page: 20 }, ctx.signal),
      renderItem: eventItem,
      empty: 'No events.',
      ordered: true,
    });
    fill(placeEvents, el('h3', null, `Events at `, el('bdi', null, place.name), actor ? ' (filtered)' : ''), list.node);
    list.ready.catch(showError);
  }

  const circles = [...rows].sort((a, b) => (b.events || 0) - (a.events || 0)).map((p) => {
    const [x, y] = projection([p.lon, p.lat]) || [NaN, NaN];
    if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
    const c = svg('circle', { cx: x.toFixed(1), cy: y.toFixed(1), r: radius(p.events).toFixed(1), class: 'place', 'data-testid': 'place', tabindex: 0 },
      svg('title', null, `${p.name}${p.country ? ` (${p.country})` : ''}: ${plural(p.events, 'event')}`));
    c.addEventListener('click', () => select(p));
    c.addEventListener('keydown', (evt) => evt.key === 'Enter' && select(p));
    return c;
  });

  const map = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: 'map', 'data-testid': 'map', role: 'img', 'aria-label': 'world map of event places', 'data-places': circles.filter(Boolean).length },
    svg('path', { d: path({ type: 'Sphere' }), class: 'sphere' }),
    svg('path', { d: path(geoGraticule10()), class: 'graticule' }),
    svg('g', { class: 'countries' }, countries.map((f) => svg('path', { d: path(f) || '', class: 'country' }, svg('title', null, (f.properties && f.properties.name) || '')))),
    svg('g', { class: 'places' }, circles));

  const table = rows.length
    ? el('table', { 'data-testid': 'places' },
      el('thead', null, el('tr', null, el('th', null, 'Place'), el('th', null, 'Country'), el('th', null, 'Events'))),
      el('tbody', null, rows.map((p) => {
        const link = el('button', { type: 'button', class: 'linklike' }, el('bdi', null, p.name));
        link.addEventListener('click', () => select(p));
        return el('tr', null, el('td', null, link), el('td', null, p.country || ''), el('td', null, String(p.events ?? 0)));
      })))
    : muted('No event places with coordinates' + (actor ? ' for this actor.' : '.'));

  root.append(el('h1', null, 'Map'), form, el('div', { class: 'card map-card' }, map),
    el('div', { class: 'columns' }, section('Places', 'places-card', table), section('Events here', 'place-events-card', placeEvents)));
}
