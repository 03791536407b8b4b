"""Between the listing form and the domain: categories to choose from, the form as a
draft and back, where the place is, and the ORUK payload a submission stores.

Shared by the group's pages (submit, edit) and the moderator's "edit then approve".
"""
from __future__ import annotations

import datetime as dt

from flask_babel import force_locale, gettext as _
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased
from wtforms import SelectChoice

from ...geography import InvalidLocation, Point, normalise_postcode
from ...i18n.locales import SITE_LOCALES, display_language_name
from ...models import Service, TaxonomyTerm, TaxonomyTermTranslation
from ...oruk.read import InvalidRecord, read_service
from ...postcodes import locate_postcode
from ...submissions import draft_from_payload, payload_from_draft
from ..i18n import current_site_locale
from .forms import ListingForm

FORM_ONLY_FIELDS = {"csrf_token", "homepage"}


def category_choices(session: Session, locale: str) -> list[SelectChoice]:
    """Every taxonomy term, sub-categories after their parent ("Food and meals › Lunch club").

    Plain rows (code, parent, English name, name in ``locale``), not ORM terms with every
    translation: this runs on each view and POST of the form, and building a few hundred
    objects per request was half the cost of sending a listing."""
    translated = aliased(TaxonomyTermTranslation)
    rows = session.execute(
        select(TaxonomyTerm.id, TaxonomyTerm.code, TaxonomyTerm.parent_id, TaxonomyTerm.name, translated.name)
        .outerjoin(translated, (translated.term_id == TaxonomyTerm.id) & (translated.locale == locale))
        .where(TaxonomyTerm.code.is_not(None)))
    terms = {term_id: (code, parent_id, local_name or name) for term_id, code, parent_id, name, local_name in rows}

    def label(parent_id: str | None, name: str) -> str:
        parent = terms.get(parent_id)
        return f"{parent[2]} › {name}" if parent else name

    return sorted((SelectChoice(code, label(parent_id, name)) for code, parent_id, name in terms.values()),
                  key=lambda choice: choice.label.casefold())


def listing_form(session: Session, draft: dict | None = None, formdata=None) -> ListingForm:
    """The form, with this reader's category names; filled from ``draft`` when given.

    A blank form assumes the group writes in the language of the page it is reading: a
    Polish group on the Polish form writes Polish, and defaulting to English published
    Polish text under "not yet available in Polish"."""
    locale = current_site_locale().code
    options = {"categories": category_choices(session, locale),
               "language_names": lambda code: display_language_name(code, locale)}
    if draft is not None:
        return ListingForm(formdata=None, data=_form_values(draft), **options)
    if formdata is not None:
        return ListingForm(formdata=formdata, **options)
    return ListingForm(text_locale=locale, **options)


def _form_values(draft: dict) -> dict:
    values = dict(draft)
    for key in ("opens_at", "closes_at"):
        values[key] = dt.time.fromisoformat(draft[key]) if draft.get(key) else None
    return values


def draft_from_form(form: ListingForm) -> dict:
    """The form's answers as plain data (times as HH:MM, the postcode tidied)."""
    draft = {key: value for key, value in form.data.items() if key not in FORM_ONLY_FIELDS}
    for key in ("opens_at", "closes_at"):
        draft[key] = draft[key].strftime("%H:%M") if draft.get(key) else None
    draft["amount"] = float(draft["amount"]) if draft.get("amount") is not None else None
    try:
        draft["postcode"] = normalise_postcode(draft["postcode"])
    except InvalidLocation:
        pass
    return draft


def locate_place(session: Session, form: ListingForm) -> Point | None:
    """The point on the map the group chose, else their postcode's; errors go beside the field."""
    if form.latitude.data is not None and form.longitude.data is not None:
        try:
            return Point.parse(form.latitude.data, form.longitude.data)
        except InvalidLocation:
            form.latitude.errors = list(form.latitude.errors) + [_("Please choose a point on the map.")]
            return None
    try:
        return locate_postcode(session, form.postcode.data or "")[0]
    except InvalidLocation:
        form.postcode.errors = list(form.postcode.errors) + [
            _("We could not find that postcode. Please check it, or choose the place on the map.")]
        return None


def term_time_label(locale: str) -> str:
    """'Term time only' in the listing's language (it is shown on the listing in that language)."""
    with force_locale(locale):
        return _("Term time only")


def term_time_labels() -> set[str]:
    return {term_time_label(site_locale.code) for site_locale in SITE_LOCALES}


def build_payload(session: Session, form: ListingForm, base: dict | None = None) -> tuple[dict | None, Service | None]:
    """(ORUK payload, transient Service for the preview), or (None, None) with errors on the form."""
    point = locate_place(session, form)
    if point is None:
        return None, None
    draft = draft_from_form(form)
    payload = payload_from_draft(draft, point, dt.date.today(), term_time_label(draft["text_locale"]), base)
    try:
        return payload, read_service(session, payload)
    except InvalidRecord as error:  # the form's validators should make this unreachable
        form.form_errors.append(str(error.message))
        return None, None


def draft_for_listing(payload: dict) -> dict:
    return draft_from_payload(payload, term_time_labels())
