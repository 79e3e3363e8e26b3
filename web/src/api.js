// Thin fetch wrapper for the newsgraph JSON API (docs/api.md). Errors come back as
// {"error": {"status", "code", "message"}}; they become ApiError so views can show the message.

import { getAnalyst, getToken } from './session.js';

export class ApiError extends Error {
  constructor(message, status, code) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** Build "/api/<path>?k=v" with every path part and value encoded; empty params are dropped. */
export function apiUrl(parts, params) {
  const path = '/api/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v !== null && v !== undefined && v !== '') search.set(k, String(v));
  }
  const qs = search.toString();
  return qs ? `${path}?${qs}` : path;
}

async function readAnswer(response, url) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    // Non-JSON answer (proxy error page etc.): fall through to the status check.
  }
  if (!response.ok) {
    const message = body && body.error && typeof body.error.message === 'string'
      ? body.error.message
      : `HTTP ${response.status} for ${url}`;
    throw new ApiError(message, response.status, body && body.error ? body.error.code : undefined);
  }
  if (body === null) throw new ApiError(`the server did not answer JSON for ${url}`, response.status, 'bad_json');
  return body;
}

/**
 * GET an API route and return its JSON. `parts` are path segments after /api, e.g.
 * ['entities', id, 'timeline']. `signal` aborts it when the user navigates away.
 */
export async function apiGet(parts, params, signal) {
  const url = apiUrl(parts, params);
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(`cannot reach the server (${url})`, 0, 'network');
  }
  return readAnswer(response, url);
}

/** Say what to do about a refused write, on top of the server's own message. */
function explainWriteError(err) {
  if (!(err instanceof ApiError)) return err;
  if (err.status === 403 && err.code === 'read_only') {
    return new ApiError('Writes are refused: this server is read-only. Start it with a token (newsgraph serve --token SECRET) to allow them.', err.status, err.code);
  }
  if (err.status === 401) {
    return new ApiError(`The server refused the token: check it on the Analyst page (#/analyst) (the server said: ${err.message})`, err.status, err.code);
  }
  return err;
}

/**
 * POST JSON to a write route with this tab's analyst token (session.js) in the Authorization
 * header, the only place the token ever goes, and the analyst's name in X-Analyst.
 */
export async function apiPost(parts, payload, signal) {
  const url = apiUrl(parts);
  const token = getToken();
  if (!token) throw new ApiError('No analyst token is set in this tab: set it on the Analyst page (#/analyst).', 0, 'no_token');
  const headers = { Accept: 'application/json', 'Content-Type': 'application/json', Authorization: `Bearer ${token}` };
  const who = getAnalyst();
  if (who) headers['X-Analyst'] = who;
  let response;
  try {
    response = await fetch(url, {
      method: 'POST', signal, headers, body: JSON.stringify(payload ?? {}), credentials: 'same-origin', cache: 'no-store',
    });
  } catch (err) {
    if (err.name === 'AbortError') throw err;
    throw new ApiError(`cannot reach the server (${url})`, 0, 'network');
  }
  try {
    return await readAnswer(response, url);
  } catch (err) {
    throw explainWriteError(err);
  }
}
