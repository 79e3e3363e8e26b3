"""Fetching one article page over HTTP(S) for the HTTP API's "ingest this URL" (the network edge).

A URL posted to a server is untrusted: only http(s) is read (a ``file://`` URL must not read the
server's disk), and unless the caller allows it, no host that resolves to a loopback, private,
link-local or reserved address is contacted, at the first hop or after any redirect (a posted URL
must not reach the server's own network). Known limit: the name is resolved again when connecting,
so a DNS server that answers differently within milliseconds (rebinding) could still slip through.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

from newsgraph.errors import InputError

MAX_FETCH_BYTES = 5_000_000
FETCH_TIMEOUT = 20.0
MAX_REDIRECTS = 5
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_AGENT = "newsgraph (article fetch)"


def _inner(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    """The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), which is what it reaches."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            return address.ipv4_mapped
        if address in _NAT64:
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
        if address.sixtofour:
            return address.sixtofour
    return address


def check_url(url: str, allow_private: bool = False) -> None:
    """Raise InputError unless ``url`` is http(s) and (unless allowed) every address of its host is public."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http:// and https:// URLs can be fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError, ValueError) as err:
        raise InputError(url, f"cannot resolve {parts.hostname}: {err}") from None
    for info in infos:
        address = _inner(ipaddress.ip_address(str(info[4][0]).split("%")[0]))
        if not address.is_global:
            kind = "loopback" if address.is_loopback else "private or reserved"
            raise InputError(url, f"{parts.hostname} is a {kind} address; start the server with --fetch-private"
                                  " to allow it")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most MAX_REDIRECTS redirects, checking each new URL as the first was checked."""

    max_redirections = MAX_REDIRECTS

    def __init__(self, allow_private: bool) -> None:
        super().__init__()
        self.allow_private = allow_private

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str, headers: Any,
                         newurl: str) -> urllib.request.Request | None:
        check_url(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, allow_private: bool = False) -> bytes:
    """The bytes of an http(s) page, or InputError saying why not (see the module's rules)."""
    check_url(url, allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": _AGENT})
    try:
        with opener.open(request, timeout=FETCH_TIMEOUT) as response:
            data: bytes = response.read(MAX_FETCH_BYTES + 1)
    except urllib.error.HTTPError as err:
        raise InputError(url, f"the server answered {err.code} {err.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as err:
        reason = getattr(err, "reason", err)
        raise InputError(url, f"cannot fetch: {reason}") from None
    if len(data) > MAX_FETCH_BYTES:
        raise InputError(url, f"page is over {MAX_FETCH_BYTES:,} bytes")
    return data
