// #/analyst — the analyst's desk: this tab's token and name (sessionStorage only), adding an
// article, the analyst decisions (each undoable) and the audit log of every write.

import { apiGet, apiPost } from '../api.js';
import { el, fill, muted, route, section } from '../dom.js';
import { showError } from '../errors.js';
import { flash } from '../notice.js';
import { go } from '../router.js';
import { forgetSession, getAnalyst, hasToken, saveSession } from '../session.js';
import { pagedList, plural } from '../common.js';
import { field, noteInput, tokenHint } from './actions.js';

/** "2026-11-23T14:24:45+00:00" -> "2026-11-23 14:24:45 UTC" (the API writes UTC). */
function when(at) {
  if (typeof at !== 'string' || !at) return '—';
  return at.replace('T', ' ').replace(/(\.\d+)?(\+00:00|Z)$/, ' UTC');
}

function shortJson(value, max = 240) {
  let text;
  try {
    text = JSON.stringify(value);
  } catch {
    text = String(value);
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A link to what a decision or audit row is about, by its kind. */
function targetLink(kind, target, detail) {
  if (target === null || target === undefined || target === '') return muted('—');
  const id = String(target);
  switch (kind) {
    case 'merge':
    case 'split':
      return el('a', { href: route('entity', id), 'data-testid': 'entity-link' }, `entity ${id}`);
    case 'reject':
      return el('a', { href: route('event', id), 'data-testid': 'event-link' }, `event ${id}`);
    case 'ingest':
      return el('a', { href: route('doc', id), 'data-testid': 'doc-link' }, `article ${id}`);
    case 'undo':
      return el('span', null, `decision ${detail && detail.decision !== undefined ? detail.decision : id}`);
    default:
      return el('span', null, id);
  }
}

// ---- session -----------------------------------------------------------------------------

function sessionCard() {
  const token = el('input', {
    type: 'password', autocomplete: 'off', spellcheck: 'false', 'data-testid': 'analyst-token',
    placeholder: hasToken() ? 'set for this tab — type a new one to replace it' : 'the token the server was started with',
  });
  const name = el('input', { type: 'text', autocomplete: 'off', maxlength: 80, placeholder: 'your name for the audit log', 'data-testid': 'analyst-name' });
  name.value = getAnalyst();
  const save = el('button', { type: 'submit', class: 'primary', 'data-testid': 'analyst-save' }, 'Save for this tab');
  const forget = el('button', { type: 'button', 'data-testid': 'analyst-forget', disabled: !hasToken() }, 'Forget');
  const status = el('p', { class: 'small', 'data-testid': 'analyst-status', 'data-token': hasToken() ? 'set' : 'unset' },
    hasToken()
      ? [el('strong', null, 'A token is set for this tab'), getAnalyst() ? ['; writes are logged as ', el('bdi', null, getAnalyst())] : '; writes are logged as “analyst”', '.']
      : 'No token set: the pages are read-only here.');
  // No name attributes: even if this form were ever submitted natively, it would carry nothing.
  const form = el('form', { class: 'action-form', autocomplete: 'off', 'data-testid': 'analyst-form' },
    el('div', { class: 'field-row' }, field('Token', token), field('Analyst name', name)),
    el('div', { class: 'buttons' }, save, forget), status,
    el('p', { class: 'muted small' }, 'Writes need the token the server was started with (newsgraph serve --token SECRET). ',
      'It is kept in this tab’s sessionStorage until the tab closes, and sent only in the Authorization header of write requests.'));
  form.addEventListener('submit', (evt) => {
    evt.preventDefault();
    try {
      saveSession({ token: token.value, name: name.value });
    } catch (err) {
      showError(err);
      return;
    }
    token.value = '';
    flash('Saved for this tab.');
    go(route('analyst'));
  });
  forget.addEventListener('click', () => {
    forgetSession();
    flash('Token and name forgotten.');
    go(route('analyst'));
  });
  return section('This tab', 'analyst-session', form);
}

// ---- adding an article -------------------------------------------------------------------

function ingestResult(answer, title) {
  const docs = Array.isArray(answer.documents) ? answer.documents.filter((d) => typeof d === 'string' && d) : [];
  const warnings = Array.isArray(answer.warnings) ? answer.warnings : [];
  return [
    el('p', null, answer.ingested
      ? `Added ${plural(answer.ingested, 'article')} with ${plural(answer.events, 'event')}.`
      : answer.skipped ? 'Already stored: this article was ingested before, so nothing was added.' : 'Nothing was added.'),
    docs.length ? el('ul', { class: 'list' }, docs.map((id) => el('li', null,
      el('a', { href: route('doc', id), 'data-testid': 'ingest-doc-link' }, docs.length === 1 && title ? el('bdi', null, title) : `article ${id}`)))) : null,
    warnings.length ? el('ul', { class: 'list small muted' }, warnings.map((w) => el('li', null, String(w)))) : null,
  ];
}

function ingestCard(refresh) {
  if (!hasToken()) return section('Add an article', 'ingest', tokenHint('Adding articles'));
  const title = el('input', { type: 'text', maxlength: 1000, autocomplete: 'off', 'data-testid': 'ingest-title' });
  const published = el('input', { type: 'date', 'data-testid': 'ingest-published' });
  const text = el('textarea', { rows: 8, 'data-testid': 'ingest-text', placeholder: 'Paste the article text' });
  const url = el('input', { type: 'url', maxlength: 2000, autocomplete: 'off', placeholder: 'https://…', 'data-testid': 'ingest-url' });
  const submit = el('button', { type: 'submit', class: 'primary', 'data-testid': 'ingest-submit' }, 'Add article');
  const result = el('div', { class: 'ingest-result', 'data-testid': 'ingest-result', role: 'status', hidden: true });
  const form = el('form', { class: 'action-form', novalidate: true, 'data-testid': 'ingest-form' },
    el('div', { class: 'field-row' }, field('Title', title), field('Published', published)),
    field('Text', text),
    field('or URL', url, 'With no text, the server fetches the article from this URL (title from the page). With text, it is kept as the article’s link.'),
    el('div', { class: 'buttons' }, submit), result);

  form.addEventListener('submit', async (evt) => {
    evt.preventDefault();
    const payload = {};
    const body = text.value;
    if (body.trim()) {
      payload.text = body;
      if (title.value.trim()) payload.title = title.value.trim();
    }
    if (url.value.trim()) payload.url = url.value.trim();
    if (published.value) payload.published = published.value;
    if (!payload.text && !payload.url) {
      showError(new Error('Give the article’s text, or a URL to fetch it from.'));
      return;
    }
    const sentTitle = payload.title;
    submit.disabled = true;
    submit.textContent = payload.text ? 'Adding…' : 'Fetching…';
    result.hidden = true;
    try {
      const answer = await apiPost(['documents'], payload);
      fill(result, ingestResult(answer, sentTitle));
      result.hidden = false;
      if (answer.ingested) for (const input of [title, published, text, url]) input.value = '';
      await refresh();
    } catch (err) {
      showError(err);
    } finally {
      submit.disabled = false;
      submit.textContent = 'Add article';
    }
  });
  return section('Add an article', 'ingest', form);
}

// ---- decisions ---------------------------------------------------------------------------

function keysText(keys) {
  const flat = (Array.isArray(keys) ? keys : []).flat(Infinity).map(String);
  if (!flat.length) return null;
  return el('div', { class: 'muted small keys' }, `keys: ${flat.slice(0, 8).join(', ')}${flat.length > 8 ? ` … (${flat.length})` : ''}`);
}

function decisionRow(d, onUndo) {
  const active = !d.undone_at;
  const undo = active && hasToken()
    ? el('button', { type: 'button', class: 'small-button', 'data-testid': 'decision-undo', 'data-decision-id': d.id }, 'Undo')
    : null;
  if (undo) undo.addEventListener('click', () => onUndo(d, undo));
  return el('li', { class: ['decision', active ? null : 'undone'], 'data-testid': 'decision-row', 'data-decision-id': d.id, 'data-kind': d.kind, 'data-active': active ? 'true' : 'false' },
    el('div', { class: 'row-head' },
      el('strong', null, `#${d.id} ${d.kind || '?'}`), ' ', targetLink(d.kind, d.target, null),
      muted(` · by ${d.who || '?'} · ${when(d.at)}`), ' ', undo),
    d.note ? el('div', { class: 'note', dir: 'auto' }, `“${d.note}”`) : null,
    keysText(d.keys),
    active ? null : el('div', { class: 'small muted', 'data-testid': 'decision-undone' }, `undone ${when(d.undone_at)} by ${d.undone_by || '?'}`));
}

function decisionsCard(ctx, refresh) {
  const undoNote = hasToken() ? noteInput('undo-note') : null;
  const list = el('ul', { class: 'list decisions', 'data-testid': 'decisions' });
  const info = el('p', { class: 'muted small', 'data-testid': 'decisions-info' });

  async function onUndo(d, button) {
    button.disabled = true;
    button.textContent = 'Undoing…';
    try {
      const payload = undoNote && undoNote.value.trim() ? { note: undoNote.value.trim() } : {};
      await apiPost(['decisions', d.id, 'undo'], payload);
      if (undoNote) undoNote.value = '';
      await refresh();
    } catch (err) {
      showError(err);
      button.disabled = false;
      button.textContent = 'Undo';
    }
  }

  async function load() {
    // newest first; the 200 most recent (the API pages them), and how many are in force overall
    const answer = await apiGet(['decisions'], { per_page: 200 }, ctx.signal);
    const all = Array.isArray(answer.items) ? answer.items : [];
    const inForce = await apiGet(['decisions'], { active: true, per_page: 1 }, ctx.signal);
    const active = inForce.total ?? all.filter((d) => !d.undone_at).length;
    fill(list, all.length ? all.map((d) => decisionRow(d, onUndo)) : el('li', { class: 'muted' }, 'No analyst decisions yet.'));
    list.dataset.total = String(answer.total ?? all.length);
    list.dataset.active = String(active);
    info.textContent = `${plural(all.length, 'decision')}, ${active} in force; newest first.`;
  }

  const node = section('Decisions', 'decisions-card',
    el('p', { class: 'muted small' }, 'Merges, splits and rejections. Undoing one appends an undo; the resolver applies what is in force every time it runs.'),
    undoNote ? field('Note for an undo', undoNote) : null,
    info, list);
  return { node, load };
}

// ---- audit log ---------------------------------------------------------------------------

function detailText(detail) {
  if (!detail || typeof detail !== 'object') return detail ? el('div', { class: 'small muted' }, String(detail)) : null;
  const { note, ...rest } = detail;
  return [
    typeof note === 'string' && note ? el('div', { class: 'note', dir: 'auto' }, `“${note}”`) : null,
    Object.keys(rest).length ? el('div', { class: 'small muted detail' }, shortJson(rest)) : null,
  ];
}

function auditRow(row) {
  return el('li', { class: 'audit-row', 'data-testid': 'audit-row', 'data-audit-id': row.id, 'data-action': row.action },
    el('div', { class: 'row-head' },
      el('span', { class: 'date' }, when(row.at)), ' ',
      el('strong', null, row.action || '?'), ' ', targetLink(row.action, row.target, row.detail),
      muted(' · by '), el('bdi', null, row.who || '?')),
    detailText(row.detail));
}

function auditCard(ctx) {
  const node = section('Audit log', 'audit-card', el('p', { class: 'muted small' }, 'Every write, newest first.'));
  const slot = el('div');
  node.append(slot);
  async function load() {
    const list = pagedList({
      testid: 'audit-log',
      load: (page) => apiGet(['audit'], { page, per_page: 20 }, ctx.signal),
      renderItem: auditRow,
      empty: 'No writes yet.',
    });
    fill(slot, list.node);
    await list.ready;
  }
  return { node, load };
}

export async function analystView(root, ctx) {
  const decisions = decisionsCard(ctx, () => refresh());
  const audit = auditCard(ctx);
  async function refresh() {
    await Promise.all([decisions.load(), audit.load()]);
  }
  root.append(
    el('h1', null, 'Analyst'),
    el('p', { class: 'lead' }, 'Add articles and correct what newsgraph read: merge or split entities from an entity’s page, reject an event from its page. Every change is logged and can be undone here.'),
    sessionCard(),
    ingestCard(refresh),
    decisions.node,
    audit.node,
  );
  await refresh();
}
