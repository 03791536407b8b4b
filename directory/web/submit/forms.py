"""The forms groups and members of the public fill in. Every message is passed to its
validator explicitly, so Babel extracts it and the person reads it in their language.

Length limits are what the database holds (names 255) or what a volunteer could mean
(descriptions 5,000 characters); anything longer is refused beside the field, and what
was typed comes back so nothing is lost.

Choices are ``SelectChoice`` objects: WTForms 3.3 deprecates ``(value, label)`` tuples and
removes them in 3.4.
"""
from __future__ import annotations

import datetime as dt

from flask_babel import format_date
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField, DateField, DecimalField, FloatField, IntegerField, RadioField, SelectChoice, SelectField,
    SelectMultipleField, StringField, TextAreaField, TimeField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional, Regexp, ValidationError
from wtforms.widgets import CheckboxInput, ListWidget

from ... import vocabulary
from ...models.schedule import WEEKDAY_CODES
from ...submissions import TEXT_LOCALES
from ...submissions.plain_text import has_markup, normalise_text
from ...submissions.schedules import PATTERNS

TOO_LONG = _l("That is too long. Please keep it shorter.")
NAME_MAX, TEXT_MAX, NOTE_MAX = 255, 5000, 1000


class MultiCheckboxField(SelectMultipleField):
    """Several choices as checkboxes (works without JavaScript, unlike a multi-select)."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def select_choices(labels: dict) -> list[SelectChoice]:
    """One choice per (value: label) pair, in order; labels are translated when shown."""
    return [SelectChoice(value, label) for value, label in labels.items()]


def _vocabulary_choices(vocab: dict) -> list[SelectChoice]:
    return select_choices({code: _l(label) for code, label in vocab.items()})


def no_markup(form, field):
    """Refuse HTML tags, closed or not. Pages escape everything anyway; refusing here means
    a listing never carries markup into exports, printouts or other directories that read
    our ORUK feed. ("Ages <50" is not a tag and passes.)"""
    if has_markup(field.data):
        raise ValidationError(_l("Please write plain words, without HTML tags."))


def one_line(value):
    return normalise_text(value)


def several_lines(value):
    return normalise_text(value, multiline=True)


EARLIEST_DATE = dt.date(2000, 1, 1)
YEARS_AHEAD = 5


def sensible_date(form, field):
    """A first date between 2000 and five years from now: a date far in the future
    (9999-12-31) overflowed the schedule arithmetic, and none is meant."""
    if field.data is None:
        return
    today = dt.date.today()
    last = today.replace(year=today.year + YEARS_AHEAD, day=28 if today.month == 2 and today.day == 29 else today.day)
    if not EARLIEST_DATE <= field.data <= last:
        raise ValidationError(_("Please give a date between %(first)s and %(last)s.",
                                first=format_date(EARLIEST_DATE, "long"), last=format_date(last, "long")))


WEEKDAYS = select_choices({"MO": _l("Monday"), "TU": _l("Tuesday"), "WE": _l("Wednesday"), "TH": _l("Thursday"),
                           "FR": _l("Friday"), "SA": _l("Saturday"), "SU": _l("Sunday")})
assert [choice.value for choice in WEEKDAYS] == list(WEEKDAY_CODES)
WEEKS_OF_MONTH = select_choices({"1": _l("first"), "2": _l("second"), "3": _l("third"), "4": _l("fourth"),
                                 "-1": _l("last")})
PATTERN_CHOICES = select_choices({"weekly": _l("Every week"), "fortnightly": _l("Every other week (fortnightly)"),
                                  "monthly": _l("Once a month")})
assert [choice.value for choice in PATTERN_CHOICES] == list(PATTERNS)
COST_CHOICES = select_choices({"free": _l("Free"), "donation": _l("Free, donations welcome"),
                               "paid": _l("A charge per session")})
SPOKEN_LANGUAGES = ("en", "gu", "pa", "hi", "ur", "bn", "pl", "zh", "yue", "so", "ar", "ta")
"""Languages most often spoken in Leicester's groups (2021 census); shown by name in the
reader's language."""
TEXT_LOCALE_NAMES = {"en": "English", "gu": "ગુજરાતી", "pl": "Polski", "zh_Hans": "简体中文", "zh_Hant": "繁體中文",
                     "ur": "اردو"}


def optional_text(label, max_length=NAME_MAX, area=False):
    field = TextAreaField if area else StringField
    return field(label, filters=[several_lines if area else one_line],
                 validators=[Optional(), Length(max=max_length, message=TOO_LONG), no_markup])


def required_text(label, message, max_length=NAME_MAX, area=False):
    field = TextAreaField if area else StringField
    return field(label, filters=[several_lines if area else one_line],
                 validators=[DataRequired(message), Length(max=max_length, message=TOO_LONG), no_markup])


class ListingForm(FlaskForm):
    """A listing in seven steps; the fieldsets in the template follow the same order."""

    # 1. The group and how to contact it
    organization_name = required_text(_l("Name of your group or organisation"),
                                      _l("Please tell us the name of your group."))
    contact_name = optional_text(_l("Name of the person to contact"))
    phone = StringField(_l("Telephone number"), validators=[
        Optional(), Length(max=32, message=TOO_LONG),
        Regexp(r"^\+?[0-9 ()-]{6,}$", message=_l("Please enter a telephone number using digits, like 0116 496 0123."))])
    email = StringField(_l("E-mail address"), validators=[
        Optional(), Length(max=NAME_MAX, message=TOO_LONG),
        Regexp(r"^[^@\s<>]+@[^@\s<>]+\.[^@\s<>]+$", message=_l("Please enter an e-mail address like name@example.org."))])
    website = StringField(_l("Website (if you have one)"), validators=[
        Optional(), Length(max=512, message=TOO_LONG),
        Regexp(r"^https?://[^\s<>\"]+$", message=_l("Please enter a web address starting with https://"))])

    # 2. What happens
    text_locale = SelectField(_l("The language you are writing in"), choices=select_choices(TEXT_LOCALE_NAMES),
                              default="en")
    name = required_text(_l("Name of the activity"), _l("Please give the activity a name."))
    description = required_text(_l("What happens there, in plain words"),
                                _l("Please describe what happens, in a sentence or two."), TEXT_MAX, area=True)
    category = SelectField(_l("Which kind of activity is it?"),
                           validators=[InputRequired(_l("Please choose the kind of activity."))])

    # 3. When
    pattern = RadioField(_l("How often"), choices=PATTERN_CHOICES, default="weekly")
    weekday = SelectField(_l("Day"), choices=WEEKDAYS, default="MO")
    week_of_month = SelectField(_l("Which one in the month"), choices=WEEKS_OF_MONTH, default="1")
    opens_at = TimeField(_l("Starts at"), validators=[InputRequired(_l("Please give the start time, like 10:00."))])
    closes_at = TimeField(_l("Finishes at"), validators=[Optional()])
    starts_on = DateField(_l("First date (if it has not started yet)"), validators=[Optional(), sensible_date])
    term_time_only = BooleanField(_l("Term time only (not in school holidays)"))
    schedule_notes = optional_text(_l("Anything else about when (for example: not in August)"), NOTE_MAX)

    # 4. Where
    venue_name = optional_text(_l("Name of the place (for example: Belgrave Neighbourhood Centre)"))
    address_1 = required_text(_l("Street address"), _l("Please give the street address."))
    city = optional_text(_l("Town or city"))
    postcode = StringField(_l("Postcode"), validators=[
        DataRequired(_l("Please give the postcode.")), Length(max=10, message=TOO_LONG)])
    latitude = FloatField(_l("Latitude"), validators=[Optional(), NumberRange(-90, 90, message=_l("Please choose a point on the map."))])
    longitude = FloatField(_l("Longitude"), validators=[Optional(), NumberRange(-180, 180, message=_l("Please choose a point on the map."))])

    # 5. Cost
    cost = RadioField(_l("Cost"), choices=COST_CHOICES, default="free")
    amount = DecimalField(_l("Amount per session, in pounds"), places=2, validators=[
        Optional(), NumberRange(0, 1000, message=_l("Please give an amount between £0 and £1,000."))])
    cost_details = optional_text(_l("Anything else about cost (for example: concessions, tea included)"), NOTE_MAX)

    # 6. Who it suits: languages, access, cultural fit
    languages = MultiCheckboxField(_l("Languages spoken in the session"))
    access = MultiCheckboxField(_l("Access"), choices=_vocabulary_choices(vocabulary.ACCESSIBILITY))
    access_details = optional_text(_l("More about access (for example: ramp at the side door)"), NOTE_MAX)
    carers_welcome = BooleanField(_l("People can bring a carer"))
    transport_provided = BooleanField(_l("We can provide transport"))
    gender = RadioField(_l("Who can come"), choices=_vocabulary_choices(vocabulary.GENDER), default="mixed")
    faith_setting = SelectField(_l("Faith setting"), choices=_vocabulary_choices(vocabulary.FAITH_SETTING), default="none")
    food = MultiCheckboxField(_l("Food"), choices=_vocabulary_choices(vocabulary.FOOD))
    minimum_age = IntegerField(_l("Minimum age (if any)"), validators=[
        Optional(), NumberRange(0, 120, message=_l("Please give an age between 0 and 120."))])

    # 7. How to join
    how_to_join = RadioField(_l("How to join"), choices=_vocabulary_choices(vocabulary.HOW_TO_JOIN), default="drop_in")
    join_details = optional_text(_l("Anything else people should know before they come"), NOTE_MAX)

    # A field people never see: bots fill every input they find.
    homepage = StringField(_l("Leave this empty"))

    def __init__(self, *args, categories: list[SelectChoice] = (), language_names=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.category.choices = [SelectChoice("", _l("Choose one")), *categories]
        self.languages.choices = [SelectChoice(code, language_names(code) if language_names else code)
                                  for code in SPOKEN_LANGUAGES]

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        return self._check_combinations() and valid

    def _check_combinations(self) -> bool:
        """Rules that involve two fields; each error is shown beside the field to fix."""
        checks = [
            (not self.phone.data and not self.email.data, self.phone,
             _l("Please give a telephone number or an e-mail address, so people can ask before they come.")),
            (self.cost.data == "paid" and self.amount.data is None, self.amount, _l("Please give the amount.")),
            (bool(self.opens_at.data and self.closes_at.data and self.closes_at.data <= self.opens_at.data),
             self.closes_at, _l("The finishing time must be after the starting time.")),
        ]
        for failed, field, message in checks:
            if failed:
                field.errors = list(field.errors) + [message]
        return not any(failed for failed, _field, _message in checks)


for _code in TEXT_LOCALES:
    setattr(ListingForm, f"name_{_code}", optional_text(_l("Name in %(language)s", language=TEXT_LOCALE_NAMES[_code])))
    setattr(ListingForm, f"description_{_code}", optional_text(
        _l("Description in %(language)s", language=TEXT_LOCALE_NAMES[_code]), TEXT_MAX, area=True))


PROBLEM_CHOICES = select_choices({"closed": _l("It has closed or stopped running"),
                                  "wrong_time": _l("The day or time is wrong"),
                                  "wrong_place": _l("The place or address is wrong"), "other": _l("Something else")})
STATUS_CHOICES = select_choices({"active": _l("Running as usual"), "paused": _l("Paused for now"),
                                 "full": _l("Full: not taking new people"),
                                 "waiting_list": _l("Full, but people can join a waiting list"),
                                 "closed": _l("Closed for good")})


class ReportForm(FlaskForm):
    """'Report a problem with this listing': anonymous; goes to the moderation queue."""

    problem = RadioField(_l("What is wrong?"), choices=PROBLEM_CHOICES,
                         validators=[InputRequired(_l("Please choose what is wrong."))])
    details = optional_text(_l("Tell us more (optional)"), NOTE_MAX, area=True)
    homepage = StringField(_l("Leave this empty"))


class StatusForm(FlaskForm):
    status = RadioField(_l("How is the group doing?"), choices=STATUS_CHOICES,
                        validators=[InputRequired(_l("Please choose one."))])


class ConfirmForm(FlaskForm):
    """'Still running, nothing changed' — a button with a CSRF token and nothing else."""
