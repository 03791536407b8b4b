"""What a participant needs, as the connector records it, and the searches that answer it.

The needs form is parsed defensively (every value is hostile) into ``ParticipantNeeds``;
``searches_for`` turns it into engine requests. "How far can they get" is the barrier
DOMAIN.md puts first after cost: a ten-minute walk, a bus ride, or not at all without
transport — in which case only groups that provide transport or come to the person fit.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from werkzeug.datastructures import MultiDict

from ..search import SearchRequest
from ..vocabulary import ACCESSIBILITY, FAITH_SETTING

# Metres a participant can get: ~10 minutes at an older person's walking pace, a city bus
# ride, and (with transport provided) anywhere across the city.
REACH_METRES = {"walk": 800, "bus": 5_000, "transport": 12_000}
REACH_CHOICES = tuple(REACH_METRES)
# A participant who cannot travel is suited by either of these (the engine ANDs features,
# so each is its own search and the results are merged).
NEEDS_TRANSPORT_FEATURES = ("transport_provided", "comes_to_you")
DAYS = ("mo", "tu", "we", "th", "fr", "sa", "su")
TIMES = ("morning", "afternoon", "evening")
BUDGETS = ("any", "low", "free")
GENDER_CHOICES = ("any", "women_only", "men_only")
SPOKEN_LANGUAGES = ("en", "gu", "pa", "hi", "ur", "bn", "pl", "zh", "yue", "so", "ar")
MAX_CHOICES = 12
# ParticipantNeeds field → the needs form's field name (one checkbox per value).
FORM_NAMES = {"latitude": "lat", "longitude": "lon", "languages": "language", "interests": "interest",
              "days": "day", "times": "time"}


class NeedsError(ValueError):
    """A needs form that cannot be searched (no location given, unknown reach)."""


@dataclass
class ParticipantNeeds:
    """Only codes and a postcode: short enough to live in a signed cookie, never stored."""

    postcode: str = ""
    latitude: str = ""
    longitude: str = ""
    reach: str = "bus"
    languages: list[str] = field(default_factory=list)
    interests: list[str] = field(default_factory=list)
    days: list[str] = field(default_factory=list)
    times: list[str] = field(default_factory=list)
    budget: str = "any"
    access: list[str] = field(default_factory=list)
    gender: str = "any"
    faith: list[str] = field(default_factory=list)

    @property
    def has_location(self) -> bool:
        return bool(self.postcode or (self.latitude and self.longitude))

    def as_dict(self) -> dict:
        return {key: value for key, value in asdict(self).items() if value not in ("", [])}

    @classmethod
    def from_dict(cls, data: dict | None) -> "ParticipantNeeds":
        """Rebuild from cookie data, checked again as if typed (a cookie is input too)."""
        data = data if isinstance(data, dict) else {}
        return parse_needs(MultiDict([(FORM_NAMES.get(key, key), item) for key, value in data.items()
                                      for item in (value if isinstance(value, list) else [value])]))


def _choices(form: MultiDict, name: str, allowed) -> list[str]:
    values = [str(value)[:64] for value in form.getlist(name)[:MAX_CHOICES * 2]]
    return list(dict.fromkeys(value for value in values if value in allowed))[:MAX_CHOICES]


def _one(form: MultiDict, name: str, allowed, default: str) -> str:
    value = str(form.get(name, default) or default)
    return value if value in allowed else default


def parse_needs(form: MultiDict, categories=None) -> ParticipantNeeds:
    """The needs form as a ParticipantNeeds; unknown codes are dropped, not trusted.

    ``categories`` is the set of taxonomy codes an interest may name (None: any short code).
    """
    interests = [str(value)[:64] for value in form.getlist("interest")[:MAX_CHOICES * 2] if value]
    if categories is not None:
        interests = [code for code in interests if code in categories]
    return ParticipantNeeds(
        postcode=str(form.get("postcode", "") or "").strip()[:16],
        latitude=str(form.get("lat", "") or "").strip()[:32],
        longitude=str(form.get("lon", "") or "").strip()[:32],
        reach=_one(form, "reach", REACH_CHOICES, "bus"),
        languages=_choices(form, "language", SPOKEN_LANGUAGES),
        interests=list(dict.fromkeys(interests))[:MAX_CHOICES],
        days=_choices(form, "day", DAYS),
        times=_choices(form, "time", TIMES),
        budget=_one(form, "budget", BUDGETS, "any"),
        access=_choices(form, "access", ACCESSIBILITY),
        gender=_one(form, "gender", GENDER_CHOICES, "any"),
        faith=_choices(form, "faith", FAITH_SETTING),
    )


def _filters(needs: ParticipantNeeds) -> dict[str, list[str]]:
    filters = {"category": needs.interests, "language": needs.languages, "day": needs.days, "time": needs.times,
               "access": needs.access, "faith": needs.faith,
               "cost": [needs.budget] if needs.budget != "any" else [],
               "gender": [needs.gender] if needs.gender != "any" else [],
               # Paused, full and closed groups are no use to someone looking for company now.
               "status": ["active"]}
    return {name: values for name, values in filters.items() if values}


def searches_for(needs: ParticipantNeeds, locale: str, per_page: int = 30) -> list[SearchRequest]:
    """The engine requests that together answer these needs (one, or one per way a group
    can reach a participant who cannot travel)."""
    if not needs.has_location:
        raise NeedsError("a postcode or a point on the map is needed")
    base = _filters(needs)
    routes = [[feature] for feature in NEEDS_TRANSPORT_FEATURES] if needs.reach == "transport" else [[]]
    return [SearchRequest(radius_m=REACH_METRES[needs.reach], filters=dict(base, **({"feature": route} if route else {})),
                          languages=list(needs.languages), locale=locale, per_page=per_page, with_facets=False)
            for route in routes]
