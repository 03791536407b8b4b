"""Controlled vocabularies for the fields the ORUK standard lacks.

The codes are what the database, the index, the API and the seed files store; the labels
here are English source strings that the Babel catalogues translate (they are marked with
``lazy_gettext``-compatible ``N_`` so extraction finds them without importing Flask).
DOMAIN.md lists why each exists: cultural fit, access and how-to-join are barriers a
search must answer to.
"""
from __future__ import annotations


def N_(text: str) -> str:
    """Mark a string for translation without translating it here (gettext convention)."""
    return text


LOCALES = ("en", "gu", "pl", "zh_Hans", "zh_Hant", "ur")
"""Locales every listing and taxonomy term may be written in (issue: at least these)."""

GENDER = {
    "mixed": N_("Everyone welcome"),
    "women_only": N_("Women only"),
    "men_only": N_("Men only"),
}

FAITH_SETTING = {
    "none": N_("No faith setting"),
    "church": N_("Church"),
    "mosque": N_("Mosque"),
    "gurdwara": N_("Gurdwara"),
    "temple": N_("Temple"),
    "synagogue": N_("Synagogue"),
    "other": N_("Other faith setting"),
}

FOOD = {
    "halal": N_("Halal food"),
    "vegetarian": N_("Vegetarian food"),
    "vegan": N_("Vegan food"),
}

HOW_TO_JOIN = {
    "drop_in": N_("Just turn up"),
    "ring_first": N_("Ring first"),
    "referral": N_("Referral needed"),
    "waiting_list": N_("Waiting list"),
}

LISTING_STATUS = {
    "active": N_("Running"),
    "paused": N_("Paused"),
    "full": N_("Full"),
    "closed": N_("Closed"),
}

ACCESSIBILITY = {
    "step_free": N_("Step-free access"),
    "accessible_toilet": N_("Accessible toilet"),
    "hearing_loop": N_("Hearing loop"),
    "parking": N_("Parking"),
    "bus_route": N_("On a bus route"),
    "large_print": N_("Large print available"),
    "seating": N_("Seating available"),
}

# ORUK 3.0 service.status values, derived from our richer listing status on export.
ORUK_STATUS_FOR_LISTING = {
    "active": "active",
    "paused": "temporarily closed",
    "full": "active",
    "closed": "defunct",
}

VOCABULARIES = {
    "gender": GENDER,
    "faith_setting": FAITH_SETTING,
    "food": FOOD,
    "how_to_join": HOW_TO_JOIN,
    "listing_status": LISTING_STATUS,
    "accessibility": ACCESSIBILITY,
}


class UnknownVocabularyTerm(ValueError):
    """A value outside a controlled vocabulary (a bad seed or import row)."""


def check_term(vocabulary: str, code: str | None) -> str | None:
    """Return ``code`` if it belongs to ``vocabulary`` (None passes), else raise."""
    if code is None or code in VOCABULARIES[vocabulary]:
        return code
    raise UnknownVocabularyTerm(f"{code!r} is not a known {vocabulary.replace('_', ' ')}")
