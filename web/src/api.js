// Thin fetch wrapper for the newsgraph JSON API (docs/api.md). Errors come back as
// {"error": {"status", "code", "message"}}; they become ApiError so views can show the message.

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
