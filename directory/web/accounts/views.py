"""Sign in and out. Login attempts are rate-limited; messages never say which part was wrong."""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, redirect, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import login_user, logout_user
from flask_wtf import FlaskForm
from sqlalchemy import func, select
from wtforms import EmailField, PasswordField
from wtforms.validators import DataRequired, Length

from ...models import Account
from ..context import db_session
from . import StaffUser, limiter

blueprint = Blueprint("accounts", __name__, url_prefix="/<lang>/staff")


class LoginForm(FlaskForm):
    email = EmailField(_l("E-mail address"), validators=[
        DataRequired(_l("Please enter your e-mail address.")), Length(max=255, message=_l("That is too long."))])
    password = PasswordField(_l("Password"), validators=[
        DataRequired(_l("Please enter your password.")), Length(max=256, message=_l("That is too long."))])


def _safe_next(target: str | None) -> str | None:
    """Only same-site paths: a login link must not send people elsewhere."""
    if not target:
        return None
    parts = urlsplit(target)
    return target if not parts.scheme and not parts.netloc and target.startswith("/") and "\\" not in target else None


@blueprint.route("/login", methods=["GET", "POST"])
@limiter.limit("10 per minute", methods=["POST"])
def login():
    form = LoginForm()
    error = None
    if form.validate_on_submit():
        email = form.email.data.strip().lower()
        account = db_session().scalar(select(Account).where(func.lower(Account.email) == email))
        if account is not None and account.active and account.check_password(form.password.data):
            login_user(StaffUser(account))
            return redirect(_safe_next(request.args.get("next")) or url_for("public.home"))
        error = _l("That e-mail address and password do not match an account.")
    status = 400 if request.method == "POST" else 200
    return render_template("accounts/login.html", form=form, error=error), status


@blueprint.post("/logout")
def logout():
    logout_user()
    return redirect(url_for("public.home"))
