"""Sign in and out. Login attempts are rate-limited per address and per account; messages
never say which part was wrong, and an unknown address takes as long as a known one."""
from __future__ import annotations

from flask import Blueprint, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from ...models import Account
from ..context import db_session
from ..limits import limiter
from ..redirects import safe_next
from . import StaffUser, mark_seen
from .throttle import locked_for, record_failure, record_success, spend_password_check

blueprint = Blueprint("accounts", __name__, url_prefix="/<lang>/staff")


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[
        DataRequired(_l("Please enter your e-mail address.")), Length(max=255, message=_l("That is too long."))])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Please enter your password.")), Length(max=256, message=_l("That is too long."))])


def _sign_in(account: Account) -> None:
    """A fresh session: nothing from before sign-in survives, the CSRF token included
    (a token planted before sign-in must not be valid after it)."""
    session.clear()
    login_user(StaffUser(account))
    mark_seen()


@blueprint.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():
    form = LoginForm()
    error = None
    next_page = safe_next(request.args.get("next"))  # a CR or LF is a 400 before anything else
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        wait = locked_for(email)
        if wait:
            return _locked(form, wait)
        account = db_session().scalar(select(Account).where(func.lower(Account.email) == email))
        if account is None:
            spend_password_check(form.password.data)
        elif account.active and account.check_password(form.password.data):
            record_success(email)
            _sign_in(account)
            return redirect(next_page or _workspace_of(account))
        wait = record_failure(email)
        if wait:
            return _locked(form, wait)
        error = _l("That e-mail address and password do not match an account.")
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/login.html", form=form, error=error), status


def _locked(form, wait: int):
    """429 with Retry-After; the same answer whether or not the address has an account."""
    error = _("Too many attempts to sign in with this address. Please wait a few minutes and try again.")
    return render_template("accounts/login.html", form=form, error=error), 429, {"Retry-After": str(wait)}


@blueprint.post("/logout")
def logout():
    """Ends this session and every other session of the account (raising its epoch)."""
    if current_user.is_authenticated:
        account = db_session().get(Account, current_user.id)
        if account is not None:
            account.end_sessions()
            db_session().commit()
    logout_user()
    session.clear()
    return redirect(url_for("public.home"))


def _workspace_of(account: Account) -> str:
    """Where staff land after signing in: their own work, not the public home page
    (issue 17) — the moderation queue for a moderator, the connector workspace otherwise."""
    return url_for("moderate.queue") if account.role in ("moderator", "admin") else url_for("connect.workspace")
