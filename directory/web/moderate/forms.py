"""Moderators' decisions. A rejection needs a reason: the group sees it on its edit link."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm

from ..submit.forms import NOTE_MAX, optional_text, required_text


class DecisionForm(FlaskForm):
    """Approve, mark checked, revoke links: a button and a CSRF token."""


class RejectForm(FlaskForm):
    reason = required_text(_l("Reason (the group will see this)"), _l("Please give a reason."), NOTE_MAX, area=True)


class ResolveForm(FlaskForm):
    resolution = optional_text(_l("What was done (optional)"), NOTE_MAX, area=True)
