"""One JSON error shape for every failure: ``{"error": {"status", "code", "message"}}``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException

from newsgraph.api.security import secure
from newsgraph.errors import InputError, NewsgraphError, NotAllowed, NotFound, StoreError

log = logging.getLogger("newsgraph.api")

_STATUS: dict[type[NewsgraphError], int] = {NotFound: 404, NotAllowed: 403, InputError: 400, StoreError: 500}
_HTTP_CODES = {400: "bad_input", 401: "unauthorized", 403: "read_only", 404: "not_found", 405: "method_not_allowed",
               413: "too_large", 422: "bad_input", 500: "internal"}


class Unauthorized(NewsgraphError):
    """A write without the server's token, or with a wrong one."""

    code = "unauthorized"


_STATUS[Unauthorized] = 401


def error_response(status: int, code: str, message: str) -> JSONResponse:
    return JSONResponse({"error": {"status": status, "code": code, "message": message}}, status_code=status)


def install(app: FastAPI) -> None:
    """Route every exception to the JSON error shape with the status that fits it."""

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, err: NewsgraphError) -> JSONResponse:
        status = next((s for cls, s in _STATUS.items() if isinstance(err, cls)), 400)
        if status >= 500:
            log.error("%s %s: %s", request.method, request.url.path, err)
        return error_response(status, err.code, str(err))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> JSONResponse:
        parts = []
        for e in err.errors():
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("query", "body", "path"))
            parts.append(f"{where or 'request'}: {e.get('msg', 'invalid')}")
        return error_response(422, "bad_input", "; ".join(parts) or "invalid request")

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> JSONResponse:
        message = err.detail if isinstance(err.detail, str) else "request failed"
        if err.status_code == 404 and message == "Not Found":
            message = f"no route {request.url.path}"
        return error_response(err.status_code, _HTTP_CODES.get(err.status_code, "error"), message)

    @app.exception_handler(Exception)
    async def crash(request: Request, err: Exception) -> JSONResponse:
        log.exception("%s %s failed", request.method, request.url.path)
        response = error_response(500, "internal", f"internal error ({type(err).__name__}); see the server log")
        secure(response, request.url.path)  # this handler runs outside the app's middleware
        return response
