"""Moderators' decisions. A rejection needs a reason: the group sees it on its edit link."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import StringField
from wtforms.validators import Length, Optional, Regexp

from ..submit.forms import NAME_MAX, NOTE_MAX, TOO_LONG, one_line, optional_text, required_text


class DecisionForm(FlaskForm):
    """Approve, mark checked, revoke links: a button and a CSRF token."""


class RejectForm(FlaskForm):
    reason = required_text(_l("Reason (the group will see this)"), _l("Please give a reason."), NOTE_MAX, area=True)


class ResolveForm(FlaskForm):
    resolution = optional_text(_l("What was done (optional)"), NOTE_MAX, area=True)


class KeeperForm(FlaskForm):
    """Who keeps the listing: the address reminders go to (empty: the listing's own)."""

    email = StringField(_l("E-mail address for reminders"), filters=[one_line], validators=[
        Optional(), Length(max=NAME_MAX, message=TOO_LONG),
        Regexp(r"^[^@\s<>,;]+@[^@\s<>,;]+\.[^@\s<>,;.]+$",
               message=_l("Please enter an e-mail address like name@example.org."))])
