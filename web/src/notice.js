// A one-shot notice (data-testid="notice") for the page a write action leads to, e.g.
// "Merged … — decision 3". flash() queues it; the router shows it on the next page and clears
// it on the one after. Children are nodes we build or plain text, never HTML.

import { fill } from './dom.js';

let box = null;
let pending = null;

export function mountNotice(node) {
  box = node;
  box.hidden = true;
}

export function flash(...children) {
  pending = children;
}

/** Called by the router on every navigation: show the queued notice, or hide the old one. */
export function showPendingNotice() {
  if (!box) return;
  if (pending) {
    fill(box, pending);
    box.hidden = false;
  } else {
    fill(box);
    box.hidden = true;
  }
  pending = null;
}

/** Hide the notice now (an error is about to be shown: a stale "saved" next to it would mislead). */
export function clearNotice() {
  if (!box) return;
  fill(box);
  box.hidden = true;
}
