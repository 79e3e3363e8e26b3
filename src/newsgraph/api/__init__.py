"""The HTTP API and the web UI: a thin FastAPI layer over :class:`newsgraph.workspace.Workspace`.

The only package that imports FastAPI (ruff bans it elsewhere). One router per resource under
``routers/``; shared request plumbing (paging, the write token, the error shape) in ``deps.py``
and ``errors.py``. See docs/api.md for the routes.
"""

from newsgraph.api.app import create_app

__all__ = ["create_app"]
