"""Headers every answer carries, and the Host check that keeps other web sites out.

The UI runs only its own bundled script: article text can never become code (no inline script, no
eval, no other origin), even if a view were to mis-render it. A server on loopback is still
reachable from any web page through DNS rebinding (evil.example resolving to 127.0.0.1), so
answers go only to requests whose Host header names this server.
"""

from __future__ import annotations

from collections.abc import Iterable

from starlette.responses import Response

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:;"
       " connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")


def secure(response: Response, path: str) -> Response:
    response.headers.update(HEADERS)
    if path.startswith("/api/"):
        response.headers["Cache-Control"] = "no-store"
    return response


def allowed_hosts(bind: str, extra: Iterable[str] = ()) -> set[str] | None:
    """Host names a request may address: the bound address, loopback names and ``extra``; None
    (any) when bound to every interface with no names given, since the public name is unknown."""
    hosts = set(extra)
    if bind in ("0.0.0.0", "::", "") and not hosts:
        return None
    return hosts | {bind, f"[{bind}]" if ":" in bind else bind} | set(LOOPBACK)


def host_allowed(host_header: str | None, hosts: set[str] | None) -> bool:
    if hosts is None:
        return True
    host = (host_header or "").strip().lower()
    if host.startswith("["):  # [::1]:8000
        name = host[: host.find("]") + 1]
    else:
        name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    return name in hosts
