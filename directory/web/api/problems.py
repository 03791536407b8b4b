"""RFC 9457 problem details: every API error is JSON that says what was wrong."""
from __future__ import annotations

import json

from flask import Blueprint, Response, current_app, request
from werkzeug.exceptions import HTTPException

from ...db import UNAVAILABLE, unavailable_reason
from ..errors import RETRY_AFTER_SECONDS

PROBLEM_TYPE = "application/problem+json"
ALLOWED_METHODS = "GET, HEAD, OPTIONS"


class ApiProblem(Exception):
    """Raised by views and parameter parsing; rendered as a problem document."""

    def __init__(self, status: int, title: str, detail: str, **extra):
        super().__init__(detail)
        self.status, self.title, self.detail, self.extra = status, title, detail, extra


def bad_parameter(name: str, reason: str) -> ApiProblem:
    return ApiProblem(400, "Invalid query parameter", f"{name}: {reason}",
                      invalid_params=[{"name": name, "reason": reason}])


def problem_response(status: int, title: str, detail: str, headers: dict | None = None, **extra) -> Response:
    body = {"type": "about:blank", "title": title, "status": status, "detail": detail, "instance": request.path}
    body.update(extra)
    response = Response(json.dumps(body, ensure_ascii=False), status=status, mimetype=PROBLEM_TYPE)
    for name, value in (headers or {}).items():
        response.headers[name] = value
    return response


def install_error_handlers(blueprint: Blueprint) -> None:
    @blueprint.errorhandler(ApiProblem)
    def api_problem(error: ApiProblem):
        return problem_response(error.status, error.title, error.detail, **error.extra)

    @blueprint.errorhandler(HTTPException)
    def http_problem(error: HTTPException):
        headers = {"Allow": ALLOWED_METHODS} if error.code == 405 else None
        return problem_response(error.code or 500, error.name, error.description or error.name, headers)

    def database_unavailable(error: Exception):
        current_app.logger.warning("database unavailable: %s", unavailable_reason(error))
        return problem_response(503, "Service Unavailable", "The database cannot be reached just now; please retry.",
                                {"Retry-After": str(RETRY_AFTER_SECONDS)})

    for error_class in UNAVAILABLE:  # more specific than Exception below, so chosen first
        blueprint.register_error_handler(error_class, database_unavailable)

    @blueprint.errorhandler(Exception)
    def unexpected(error: Exception):  # logged; the client gets a problem document, never a trace
        current_app.logger.exception("unhandled API error", exc_info=error)
        return problem_response(500, "Internal Server Error", "Something went wrong on our side; please try again.")
