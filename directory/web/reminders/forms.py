"""The reminder pages' forms: one button (and its CSRF token) to confirm or open the edit
form, and the "stopped or paused" form with an optional reason and date."""
from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, RadioField
from wtforms.validators import InputRequired, Optional

from ..submit.forms import NOTE_MAX, optional_text, select_choices, sensible_date


class AnswerForm(FlaskForm):
    """"Still right" and "Change something": a button and a CSRF token."""


class StopForm(FlaskForm):
    choice = RadioField(_l("What has happened?"), choices=select_choices({
        "paused": _l("We have paused for a while"), "closed": _l("We have stopped for good")}),
        validators=[InputRequired(_l("Please choose one."))])
    paused_until = DateField(_l("Paused until (if you know)"), validators=[Optional(), sensible_date])
    reason = optional_text(_l("Anything you would like to tell us (optional)"), NOTE_MAX, area=True)
