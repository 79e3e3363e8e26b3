// Hash router: "#/entity/abc?x=1" -> the view registered for "entity", called with
// (root, ctx) where ctx = {params: ['abc'], query: URLSearchParams, signal, onCleanup, ...}.
// Each navigation aborts the previous view's requests and runs its cleanups (charts, graphs),
// and renders into a fresh root so a slow, stale answer can never draw over the new page.

import { el, fill } from './dom.js';
import { clearErrors, showError } from './errors.js';
import { showPendingNotice } from './notice.js';

const routes = new Map();
let current = null; // {controller, cleanups}
let mounted = null; // the outlet start() renders into

export function register(name, view) {
  routes.set(name, view);
}

export function parseHash(hash) {
  const raw = (hash || '').replace(/^#/, '') || '/';
  const q = raw.indexOf('?');
  const path = q === -1 ? raw : raw.slice(0, q);
  const query = new URLSearchParams(q === -1 ? '' : raw.slice(q + 1));
  const parts = path.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      return p; // malformed %-escape: keep the raw text, the API will answer not found
    }
  });
  return { name: parts[0] || '', params: parts.slice(1), query };
}

function teardown() {
  if (!current) return;
  current.controller.abort();
  for (const fn of current.cleanups.splice(0)) {
    try {
      fn();
    } catch (err) {
      console.error(err);
    }
  }
}

export async function navigate(outlet) {
  teardown();
  clearErrors();
  showPendingNotice();
  const { name, params, query } = parseHash(window.location.hash);
  const view = routes.get(name) || routes.get('404');
  const controller = new AbortController();
  const cleanups = [];
  current = { controller, cleanups };
  // data-state goes loading -> ready | error, so browser tests can wait on it.
  const root = el('div', { class: 'view', 'data-testid': 'view', 'data-view': routes.has(name) ? name || 'home' : '404', 'data-state': 'loading' });
  fill(outlet, root);
  const ctx = {
    params,
    query,
    signal: controller.signal,
    onCleanup: (fn) => cleanups.push(fn),
    isCurrent: () => current && current.controller === controller,
  };
  try {
    await view(root, ctx);
    if (ctx.isCurrent()) root.dataset.state = 'ready';
  } catch (err) {
    if (err.name === 'AbortError' || !ctx.isCurrent()) return;
    root.dataset.state = 'error';
    root.append(el('p', { class: 'muted' }, 'This page could not be loaded: see the message above. ', el('a', { href: '#/' }, 'Home')));
    showError(err);
  }
}

/**
 * Go to a hash route, rendering it afresh even when it is the page we are on (after a write
 * that changed what it shows, e.g. a merge that kept this entity's id).
 */
export function go(href) {
  if (window.location.hash === href && mounted) navigate(mounted);
  else window.location.hash = href;
}

export function start(outlet) {
  mounted = outlet;
  window.addEventListener('hashchange', () => navigate(outlet));
  navigate(outlet);
}
