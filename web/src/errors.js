// One visible error box (data-testid="error") for every failed request, cleared on navigation.

import { el } from './dom.js';
import { clearNotice } from './notice.js';

let box = null;

export function mountErrorBox(node) {
  box = node;
  box.hidden = true;
}

export function clearErrors() {
  if (!box) return;
  while (box.firstChild) box.removeChild(box.firstChild);
  box.hidden = true;
}

export function showError(err) {
  if (err && err.name === 'AbortError') return;
  const message = err && err.message ? err.message : String(err);
  console.error(err);
  clearNotice();
  if (!box) return;
  if (box.lastChild && box.lastChild.textContent === message) return; // same failure again: once is enough
  box.appendChild(el('p', { 'data-testid': 'error-message' }, message));
  box.hidden = false;
}

/** Run an async UI action, reporting failures instead of dropping them. */
export async function reporting(promise) {
  try {
    return await promise;
  } catch (err) {
    showError(err);
    return undefined;
  }
}
