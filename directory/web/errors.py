"""Error pages in the site's style and the reader's language; never a stack trace."""
from __future__ import annotations

from flask import Flask, abort, current_app, g, render_template
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException, InternalServerError

from ..db import UNAVAILABLE, unavailable_reason

RETRY_AFTER_SECONDS = 30

MESSAGES = {
    400: (_l("Something in that request was not right"),
          _l("Please check what you typed and try again.")),
    404: (_l("We could not find that page"),
          _l("The listing may have been removed, or the link may be mistyped.")),
    403: (_l("You do not have access to this page"),
          _l("Please sign in with an account that is allowed to see it.")),
    405: (_l("That is not allowed here"), _l("Please go back and try again.")),
    413: (_l("That was too much to send at once"), _l("Please send less text or a smaller file.")),
    429: (_l("Please wait a moment"),
          _l("There have been too many attempts from your connection. Please try again in a few minutes.")),
    503: (_l("Search is not available for a moment"),
          _l("The directory is being updated. Please try again in a minute.")),
    500: (_l("Something went wrong on our side"),
          _l("Please try again in a moment. If it keeps happening, let us know.")),
}


EXPIRED_FORM = (_l("This form has expired"),
                _l("For your safety, forms stop working after a while. Please go back, reload the page and try again. "
                   "What you typed may still be there."))


DATABASE_UNAVAILABLE = (_l("The directory is not available for a moment"),
                        _l("We cannot reach the directory's records just now. Nothing you did caused this. "
                           "Please try again in a minute."))


def render_error(error: HTTPException):
    code = error.code or 500
    title, advice = EXPIRED_FORM if isinstance(error, CSRFError) else MESSAGES.get(code, MESSAGES[400 if code < 500 else 500])
    return render_template("error.html", code=code, title=title, advice=advice), code


def database_unavailable(error: Exception):
    """The database is down or unreachable: a calm 503 that asks the reader to come back.

    The page must not touch the database itself: the signed-in account (which base.html
    shows) would be loaded from it, so this response treats the reader as signed out."""
    current_app.logger.warning("database unavailable: %s", unavailable_reason(error))
    login_manager = getattr(current_app, "login_manager", None)
    if login_manager is not None and "_login_user" not in g:
        g._login_user = login_manager.anonymous_user()
    title, advice = DATABASE_UNAVAILABLE
    page = render_template("error.html", code=503, title=title, advice=advice)
    return page, 503, {"Retry-After": str(RETRY_AFTER_SECONDS)}


def no_such_address_with_control_characters(_endpoint, values) -> None:
    """An id, code or slug in an address never holds a NUL or another control character
    (PostgreSQL refuses NUL in any text it is asked to compare): such an address names no
    page, so it is a 404 before any query runs, not a 500 from the database."""
    if values and any(isinstance(value, str) and any(ch < " " or ch == "\x7f" for ch in value)
                      for value in values.values()):
        abort(404)


def init_app(app: Flask) -> None:
    app.url_value_preprocessor(no_such_address_with_control_characters)
    app.register_error_handler(HTTPException, render_error)
    for error_class in UNAVAILABLE:
        app.register_error_handler(error_class, database_unavailable)

    @app.errorhandler(Exception)
    def unexpected(error):  # logged by Flask; the person sees a calm page
        app.logger.exception("unhandled error", exc_info=error)
        return render_error(InternalServerError())
