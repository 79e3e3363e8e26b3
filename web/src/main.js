// Entry point: the header search box, the error box and the hash routes.

import { el, route } from './dom.js';
import { mountErrorBox } from './errors.js';
import { mountNotice } from './notice.js';
import { register, start } from './router.js';
import { analystView } from './views/analyst.js';
import { docView } from './views/doc.js';
import { dyadView } from './views/dyad.js';
import { entityView } from './views/entity.js';
import { eventView } from './views/event.js';
import { homeView } from './views/home.js';
import { mapView } from './views/map.js';
import { searchView } from './views/search.js';

function notFound(root) {
  root.append(el('h1', null, 'Not found'), el('p', null, 'No page here. ', el('a', { href: route() }, 'Home')));
}

function mountSearch() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-input');
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    const q = input.value.trim();
    if (q) window.location.hash = route('search', { q });
  });
}

register('', homeView);
register('search', searchView);
register('entity', entityView);
register('event', eventView);
register('dyad', dyadView);
register('doc', docView);
register('map', mapView);
register('analyst', analystView);
register('404', notFound);

mountErrorBox(document.getElementById('error'));
mountNotice(document.getElementById('notice'));
mountSearch();
start(document.getElementById('app'));
