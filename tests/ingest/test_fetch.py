"""Fetching a posted URL: only http(s), and never the server's own network unless allowed,
whether the address is written plainly, wrapped in IPv6, or reached through a redirect."""

from __future__ import annotations

import http.server
import ipaddress
import threading
from collections.abc import Iterator
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.ingest import fetch as fetch_module
from newsgraph.ingest.fetch import check_url, fetch

PAGE = b"<html><body><article><p>" + b"A page with words enough for an article. " * 5 + b"</p></article></body></html>"


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/x", "gopher://x", "http://", "javascript:1"])
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(InputError, match="only http"):
        check_url(url, allow_private=True)


@pytest.mark.parametrize("url", [
    "http://127.0.0.1/", "http://localhost:8000/", "http://10.0.0.8/", "http://192.168.1.1/",
    "http://169.254.169.254/latest/meta-data", "http://[::1]/", "http://0.0.0.0/",
    "http://[::ffff:127.0.0.1]/",        # IPv4-mapped
    "http://[64:ff9b::7f00:1]/",         # NAT64 of 127.0.0.1
    "http://[2002:7f00:1::]/",           # 6to4 of 127.0.0.1
])
def test_private_and_wrapped_addresses_are_refused(url: str) -> None:
    with pytest.raises(InputError, match="--fetch-private"):
        check_url(url)
    check_url(url, allow_private=True)  # allowed on request


class Site(http.server.BaseHTTPRequestHandler):
    """/page answers an article; /hop redirects to the URL in the query string; /loop to itself."""

    def do_GET(self) -> None:  # noqa: N802 (the handler's API)
        if self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
            return
        if self.path.startswith("/hop?"):
            self.send_response(302)
            self.send_header("Location", self.path.split("?", 1)[1])
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(PAGE)

    def log_message(self, *a: Any) -> None:
        pass


@pytest.fixture()
def site() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.2", 0), Site)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.2:{httpd.server_address[1]}"
    httpd.shutdown()


@pytest.fixture()
def public_127_0_0_2(monkeypatch: pytest.MonkeyPatch) -> None:
    """We cannot reach a public web server here: let 127.0.0.2 stand for one (the network edge)."""
    real = fetch_module._inner

    def classify(address: Any) -> Any:
        return ipaddress.ip_address("93.184.216.34") if str(address) == "127.0.0.2" else real(address)

    monkeypatch.setattr(fetch_module, "_inner", classify)


def test_a_public_page_is_fetched_and_a_redirect_inward_is_refused(site: str, public_127_0_0_2: None) -> None:
    assert fetch(site + "/page") == PAGE
    assert fetch(f"{site}/hop?{site}/page") == PAGE  # a redirect to another public page is followed
    with pytest.raises(InputError, match="loopback"):
        fetch(f"{site}/hop?http://127.0.0.1:9/admin")
    with pytest.raises(InputError, match="only http|not allowed"):
        fetch(f"{site}/hop?file:///etc/passwd")


def test_endless_redirects_stop(site: str, public_127_0_0_2: None) -> None:
    with pytest.raises(InputError, match="cannot fetch|answered"):
        fetch(f"{site}/loop")
