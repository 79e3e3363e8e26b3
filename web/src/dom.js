// DOM helpers. Everything the API sends is untrusted, so text only ever goes in through
// textContent / createTextNode, and links only ever point at our own hash routes or at
// http(s) article URLs. Nothing here parses HTML.

const SVG_NS = 'http://www.w3.org/2000/svg';

// Attributes that could execute or load something if fed untrusted data.
const FORBIDDEN_ATTR = /^(on|style$|srcdoc$|src$|formaction$|xlink:href$)/i;

function setAttrs(node, attrs) {
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (FORBIDDEN_ATTR.test(key)) throw new Error(`el(): attribute ${key} is not allowed`);
    if (key === 'class') node.setAttribute('class', Array.isArray(value) ? value.filter(Boolean).join(' ') : value);
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key === 'href') node.setAttribute('href', checkedHref(value));
    else node.setAttribute(key, value === true ? '' : String(value));
  }
}

function append(node, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    node.appendChild(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** el('a', {href: route('entity', id)}, name) — element with attributes and text/element children. */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

/** Same as el() for SVG elements (the map). */
export function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG_NS, tag);
  setAttrs(node, attrs);
  append(node, children);
  return node;
}

export function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
  return node;
}

/** Replace a node's children. */
export function fill(node, ...children) {
  clear(node);
  append(node, children);
  return node;
}

/** A hash route from path parts and query params, every part URL-encoded. */
export function route(...parts) {
  let query = null;
  if (parts.length && typeof parts[parts.length - 1] === 'object' && parts[parts.length - 1] !== null) {
    query = parts.pop();
  }
  let href = '#/' + parts.map((p) => encodeURIComponent(String(p))).join('/');
  if (query) {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query)) if (v !== null && v !== undefined && v !== '') params.set(k, String(v));
    const qs = params.toString();
    if (qs) href += '?' + qs;
  }
  return href;
}

/** An external URL if it is plain http(s), else null (no javascript:, data:, etc.). */
export function safeExternalUrl(value) {
  if (typeof value !== 'string') return null;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

// Every href set through el() goes through here: our own hash routes, or http(s) only.
function checkedHref(value) {
  const s = String(value);
  if (s.startsWith('#/')) return s;
  const external = safeExternalUrl(s);
  if (external) return external;
  throw new Error('el(): refusing href that is neither a hash route nor http(s)');
}

/** A link to an article's own URL, opened without handing it our window or referrer. */
export function externalLink(url, text) {
  const href = safeExternalUrl(url);
  if (!href) return null;
  return el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, text ?? href);
}

/** Untrusted names and sentences may carry RTL marks; <bdi> keeps them from reordering our layout. */
export function bdi(text) {
  return el('bdi', null, text ?? '');
}

export function muted(text) {
  return el('span', { class: 'muted' }, text);
}

export function section(title, testid, ...children) {
  return el('section', { class: 'card', 'data-testid': testid }, el('h2', null, title), ...children);
}

/** "a, b, c" or a muted placeholder when there is nothing. */
export function orNone(value, placeholder = '—') {
  if (value === null || value === undefined || value === '') return muted(placeholder);
  return bdi(String(value));
}
