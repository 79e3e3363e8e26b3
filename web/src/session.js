// The analyst's credentials for write requests: the server's token and a name for the audit log.
// They live in this tab's sessionStorage only (gone when the tab closes; never localStorage,
// never the URL), and api.js puts the token in the Authorization header and nowhere else.

const TOKEN_KEY = 'newsgraph.analyst.token';
const NAME_KEY = 'newsgraph.analyst.name';

function storage() {
  try {
    return window.sessionStorage; // throws when storage is disabled
  } catch {
    return null;
  }
}

function read(key) {
  try {
    return storage()?.getItem(key) || '';
  } catch {
    return '';
  }
}

export function getToken() {
  return read(TOKEN_KEY);
}

export function hasToken() {
  return getToken() !== '';
}

export function getAnalyst() {
  return read(NAME_KEY);
}

/** Why a token cannot go in an HTTP header, or null when it can (visible ASCII, no spaces). */
export function tokenProblem(token) {
  if (!token) return 'the token is empty';
  if (!/^[\x21-\x7e]+$/.test(token)) return 'the token must be visible ASCII characters without spaces';
  if (token.length > 4096) return 'the token is too long';
  return null;
}

/** Why a name cannot go in the X-Analyst header, or null (printable Latin-1, at most 80 characters). */
export function nameProblem(name) {
  if (name.length > 80) return 'the analyst name is longer than 80 characters';
  if (!/^[\x20-\x7e\xa0-\xff]*$/.test(name)) return 'the analyst name may only use Latin-1 letters, digits and punctuation (it travels in an HTTP header)';
  return null;
}

/**
 * Keep the token (when one is given; an empty one keeps the current token) and the name for
 * this tab. Throws an Error saying what is wrong instead of storing a value a header cannot carry.
 */
export function saveSession({ token, name }) {
  const s = storage();
  if (!s) throw new Error('this browser does not allow sessionStorage, so the token cannot be kept for this tab');
  const t = (token || '').trim();
  const n = (name || '').trim();
  if (t) {
    const problem = tokenProblem(t);
    if (problem) throw new Error(problem);
  } else if (!getToken()) {
    throw new Error('enter the token the server was started with (newsgraph serve --token SECRET)');
  }
  const problem = nameProblem(n);
  if (problem) throw new Error(problem);
  if (t) s.setItem(TOKEN_KEY, t);
  if (n) s.setItem(NAME_KEY, n);
  else s.removeItem(NAME_KEY);
}

export function forgetSession() {
  const s = storage();
  if (!s) return;
  s.removeItem(TOKEN_KEY);
  s.removeItem(NAME_KEY);
}
