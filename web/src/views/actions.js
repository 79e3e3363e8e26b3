// Analyst write actions on the entity page (merge, split) and the event page (reject). They show
// only when this tab holds the server's token (session.js); otherwise a hint links to #/analyst.
// Every write goes through apiPost (token in the Authorization header only); failures land in
// the error box. Nothing here asks window.confirm(): picking an entity or ticking a name, then
// pressing the button, is the confirmation, and every decision can be undone on #/analyst.

import { apiGet, apiPost } from '../api.js';
import { el, fill, muted, route, section } from '../dom.js';
import { showError } from '../errors.js';
import { flash } from '../notice.js';
import { go } from '../router.js';
import { hasToken } from '../session.js';
import { plural } from '../common.js';

/** A labelled form control: <label>Text <control></label>. */
export function field(label, control, hint) {
  return el('label', { class: 'field' }, el('span', { class: 'field-label' }, label), control, hint ? el('span', { class: 'muted small' }, hint) : null);
}

export function noteInput(testid) {
  return el('input', { type: 'text', maxlength: 2000, autocomplete: 'off', placeholder: 'why (kept in the audit log)', 'data-testid': testid });
}

/** The "set a token first" line shown instead of write controls. */
export function tokenHint(what) {
  return el('p', { class: 'hint small', 'data-testid': 'analyst-hint' },
    `${what} need the server's analyst token. `, el('a', { href: route('analyst') }, 'Set it on the Analyst page'), '.');
}

const analystLink = (text = 'Undo it on the Analyst page') => el('a', { href: route('analyst') }, text);

/** Run a write with its button disabled (no double submits); failures go to the error box. */
async function submitting(button, busyText, action) {
  const label = button.textContent;
  button.disabled = true;
  button.textContent = busyText;
  try {
    return await action();
  } catch (err) {
    showError(err);
    return undefined;
  } finally {
    button.textContent = label;
    button.disabled = false;
  }
}

function mergeBox(e, ctx) {
  const input = el('input', { type: 'search', autocomplete: 'off', placeholder: 'Search entities by name', 'aria-label': 'Entity to merge with', 'data-testid': 'merge-input' });
  const options = el('ul', { class: 'options', 'data-testid': 'merge-options' });
  const chosen = el('p', { class: 'small', 'data-testid': 'merge-selected' }, muted('Nothing picked yet.'));
  const note = noteInput('merge-note');
  const submit = el('button', { type: 'submit', class: 'primary', disabled: true, 'data-testid': 'merge-submit' }, 'Merge');
  let picked = null;
  let timer = null;
  let searching = null; // AbortController of the search in flight

  function pick(other) {
    picked = other;
    fill(options);
    fill(chosen, 'Merge ', el('strong', null, el('bdi', null, other.name || other.id)), ' into one entity with ', el('bdi', null, e.name || e.id), '.');
    submit.disabled = false;
  }

  async function search(q) {
    if (searching) searching.abort();
    searching = new AbortController();
    const { signal } = searching;
    try {
      const answer = await apiGet(['entities'], { q, per_page: 8 }, signal);
      const others = (Array.isArray(answer.items) ? answer.items : []).filter((x) => x && x.id && x.id !== e.id);
      fill(options, others.length
        ? others.map((x) => el('li', null, el('button', { type: 'button', class: 'option', 'data-testid': 'merge-option', 'data-entity-id': x.id },
          el('bdi', null, x.name || x.id), ' ',
          muted([x.kind, x.country, plural(x.event_count, 'event')].filter(Boolean).join(' · ')))))
        : el('li', { class: 'muted small' }, 'No other entity matches.'));
      for (const [i, button] of [...options.querySelectorAll('button')].entries()) button.addEventListener('click', () => pick(others[i]));
    } catch (err) {
      if (err.name !== 'AbortError') showError(err);
    }
  }

  input.addEventListener('input', () => {
    picked = null;
    submit.disabled = true;
    fill(chosen, muted('Nothing picked yet.'));
    clearTimeout(timer);
    const q = input.value.trim();
    if (!q) {
      if (searching) searching.abort();
      fill(options);
      return;
    }
    timer = setTimeout(() => search(q), 250);
  });
  ctx.onCleanup(() => {
    clearTimeout(timer);
    if (searching) searching.abort();
  });

  const form = el('form', { class: 'action-form', 'data-testid': 'merge-form' },
    el('h3', null, 'Merge with…'),
    el('p', { class: 'muted small' }, 'Pick the entity that is the same as this one; the two become one entity.'),
    field('Entity', input), options, chosen,
    field('Note', note), el('div', null, submit));
  form.addEventListener('submit', async (evt) => {
    evt.preventDefault();
    if (!picked) return;
    const other = picked;
    const payload = { ids: [e.id, other.id] };
    if (note.value.trim()) payload.note = note.value.trim();
    const answer = await submitting(submit, 'Merging…', () => apiPost(['entities', 'merge'], payload));
    if (!answer || !ctx.isCurrent()) return;
    flash(`Merged “${other.name || other.id}” and “${e.name || e.id}” (decision ${answer.decision}). `, analystLink());
    go(route('entity', answer.entity || e.id));
  });
  return form;
}

function splitBox(e, ctx) {
  const names = [...new Set([e.name, ...(Array.isArray(e.aliases) ? e.aliases : [])].filter((n) => typeof n === 'string' && n))];
  const form = el('form', { class: 'action-form', 'data-testid': 'split-form' },
    el('h3', null, 'Split off names…'),
    el('p', { class: 'muted small' }, 'Tick the names that belong to someone else: they (and the actor keys behind them) move to an entity of their own.'));
  if (names.length < 2) {
    form.append(el('p', { class: 'muted small' }, 'This entity has only one name: there is nothing to split off.'));
    return form;
  }
  // A split moves whole actor keys: offer one box per key's names when the API says how they group
  // ("Ukraine" and "Ukrainian" come together), else one per name.
  const groups = Array.isArray(e.name_groups) && e.name_groups.length ? e.name_groups : names.map((n) => [n]);
  if (groups.length < 2) {
    form.append(el('p', { class: 'muted small' }, 'All these names came with one actor key: there is nothing to split off.'));
    return form;
  }
  const boxes = groups.map((group) => el('input', { type: 'checkbox', value: group[0], 'data-testid': 'split-name',
    'data-names': group.join(' · ') }));
  const note = noteInput('split-note');
  const submit = el('button', { type: 'submit', class: 'primary', disabled: true, 'data-testid': 'split-submit' }, 'Split off');
  const ticked = () => boxes.filter((b) => b.checked).map((b) => b.value);
  for (const box of boxes) box.addEventListener('change', () => { submit.disabled = ticked().length === 0; });
  form.append(
    el('fieldset', { class: 'names' }, el('legend', null, 'Names'),
      boxes.map((box) => el('label', { class: 'name-option' }, box, ' ', el('bdi', null, box.dataset.names)))),
    field('Note', note), el('div', null, submit));
  form.addEventListener('submit', async (evt) => {
    evt.preventDefault();
    const chosen = ticked();
    if (!chosen.length) return;
    const payload = { names: chosen };
    if (note.value.trim()) payload.note = note.value.trim();
    const answer = await submitting(submit, 'Splitting…', () => apiPost(['entities', e.id, 'split'], payload));
    if (!answer || !ctx.isCurrent()) return;
    flash(`Split ${chosen.map((n) => `“${n}”`).join(', ')} off `,
      el('a', { href: route('entity', answer.entity || e.id) }, el('bdi', null, e.name || e.id)),
      ` into this entity (decision ${answer.decision}). `, analystLink());
    go(route('entity', answer.split || answer.entity || e.id));
  });
  return form;
}

/** The entity page's analyst card: merge and split, or a hint when no token is set. */
export function entityActions(e, ctx) {
  if (!hasToken()) return tokenHint('Merging and splitting entities');
  return section('Analyst actions', 'entity-actions', el('div', { class: 'columns' }, mergeBox(e, ctx), splitBox(e, ctx)));
}

/** The event page's analyst card: reject with a note, then say so in place (the event is gone from reads). */
export function eventActions(ev, ctx, root) {
  if (!hasToken()) return tokenHint('Rejecting events');
  const note = noteInput('reject-note');
  const submit = el('button', { type: 'submit', class: 'danger', 'data-testid': 'reject-submit' }, 'Reject event');
  const form = el('form', { class: 'action-form inline-form', 'data-testid': 'reject-form' },
    field('Note', note), submit);
  const card = section('Analyst actions', 'event-actions',
    el('p', { class: 'muted small' }, 'Rejecting hides this event and all its reports from every read and export. It can be undone on the Analyst page.'),
    form);
  form.addEventListener('submit', async (evt) => {
    evt.preventDefault();
    const payload = note.value.trim() ? { note: note.value.trim() } : {};
    const answer = await submitting(submit, 'Rejecting…', () => apiPost(['events', ev.id, 'reject'], payload));
    if (!answer || !ctx.isCurrent()) return;
    const reports = Array.isArray(answer.reports) ? answer.reports.length : null;
    root.classList.add('rejected');
    fill(card, el('h2', null, 'Analyst actions'),
      el('div', { class: 'rejected-box', role: 'status', 'data-testid': 'event-rejected', 'data-decision-id': answer.decision },
        el('strong', null, 'Rejected'),
        ` (decision ${answer.decision}): this event${reports ? ` and its ${plural(reports, 'report')}` : ''} no longer appear in any read or export. `,
        analystLink()));
  });
  return card;
}
