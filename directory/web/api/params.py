"""Query parameters of the API, parsed strictly: anything malformed is a 400 problem that
names the parameter, never a 500 and never silently ignored."""
from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session
from werkzeug.datastructures import MultiDict

from ... import vocabulary
from ...discovery import Located, locate
from ...geography import InvalidLocation
from ...i18n.locales import negotiate
from ...models import Taxonomy, TaxonomyTerm
from ...oruk import ids
from ...search import SearchRequest
from ...search.query import MAX_PER_PAGE, MAX_RADIUS_M
from ...search.schema import FACET_FIELDS
from .problems import ApiProblem, bad_parameter

DEFAULT_PER_PAGE = 20
MAX_PAGE = 10_000
DAY_CODES = {"mo": "mo", "tu": "tu", "we": "we", "th": "th", "fr": "fr", "sa": "sa", "su": "su",
             "monday": "mo", "tuesday": "tu", "wednesday": "we", "thursday": "th", "friday": "fr",
             "saturday": "sa", "sunday": "su"}
ENGINE_FILTERS = tuple(name for name in FACET_FIELDS if name not in ("day", "language"))
"""Search-engine filters offered as query parameters as they are (``day`` and ``language``
are parsed separately)."""


def integer(args: MultiDict, name: str, default: int | None, low: int, high: int) -> int | None:
    raw = args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise bad_parameter(name, f"{raw!r} is not a whole number") from None
    if not low <= value <= high:
        raise bad_parameter(name, f"must be from {low} to {high}")
    return value


def number(args: MultiDict, name: str, low: float, high: float) -> float | None:
    raw = args.get(name)
    if raw is None or raw == "":
        return None
    try:
        value = float(raw.strip())
    except ValueError:
        raise bad_parameter(name, f"{raw!r} is not a number") from None
    if not math.isfinite(value) or not low <= value <= high:
        raise bad_parameter(name, f"must be a number from {low:g} to {high:g}")
    return value


def boolean(args: MultiDict, name: str) -> bool:
    raw = (args.get(name) or "").strip().lower()
    if raw in ("", "false", "0", "no"):
        return False
    if raw in ("true", "1", "yes"):
        return True
    raise bad_parameter(name, "must be true or false")


def time_of_day(args: MultiDict, name: str) -> dt.time | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return None
    try:
        value = dt.time.fromisoformat(raw.removesuffix("Z"))
    except ValueError:
        raise bad_parameter(name, f"{raw!r} is not a time (HH:MM)") from None
    return value.replace(tzinfo=None)


def moment(args: MultiDict, name: str) -> dt.datetime | None:
    raw = (args.get(name) or "").strip()
    if not raw:
        return None
    try:
        value = dt.datetime.fromisoformat(raw.replace("Z", "+00:00").replace(" ", "+"))
    except ValueError:
        raise bad_parameter(name, f"{raw!r} is not a date-time (e.g. 2026-01-31T09:00:00Z)") from None
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC).replace(tzinfo=None)
    return value


def words(args: MultiDict, name: str) -> list[str]:
    """Comma-separated and/or repeated values: ``food=halal,vegetarian`` or ``food=halal&food=vegan``."""
    values = []
    for raw in args.getlist(name):
        values.extend(part.strip() for part in raw.split(",") if part.strip())
    return values[:20]


def page_args(args: MultiDict) -> tuple[int, int]:
    return (integer(args, "page", 1, 1, MAX_PAGE),
            integer(args, "per_page", DEFAULT_PER_PAGE, 1, MAX_PER_PAGE))


def reader_locale(args: MultiDict, accept_languages) -> str | None:
    """``locale=`` or else the Accept-Language header; None means "as written"."""
    raw = (args.get("locale") or "").strip()
    if raw:
        if raw not in vocabulary.LOCALES:
            raise bad_parameter("locale", f"must be one of {', '.join(vocabulary.LOCALES)}")
        return raw
    if accept_languages:
        return negotiate(list(accept_languages)).code
    return None


def located(session: Session, args: MultiDict) -> Located | None:
    postcode = (args.get("postcode") or "").strip()
    lat, lon = (args.get("lat") or "").strip(), (args.get("lon") or "").strip()
    if not postcode and bool(lat) != bool(lon):
        raise bad_parameter("lat" if not lat else "lon", "lat and lon must be given together")
    try:
        return locate(session, postcode or None, lat or None, lon or None)
    except InvalidLocation as error:
        raise bad_parameter("postcode" if postcode else "lat", str(error)) from None


@dataclass
class ServiceQuery:
    """A parsed ``/services`` (or ``/service_at_locations``) query."""

    request: SearchRequest
    located: Located | None
    locale: str | None
    full: bool = False
    ndjson: bool = False
    nothing: bool = False                 # an unknown taxonomy: the answer is an empty page
    minimum_age: float | None = None       # ORUK: services whose minimum age is at least this
    maximum_age: float | None = None       # ORUK: services whose maximum age is at most this
    start_time: dt.time | None = None
    end_time: dt.time | None = None
    modified_after: dt.datetime | None = None
    post_filters: list = field(default_factory=list)

    @property
    def needs_all_hits(self) -> bool:
        return bool(self.ndjson or self.minimum_age is not None or self.maximum_age is not None
                    or self.start_time or self.end_time or self.modified_after)

    def keeps(self, service) -> bool:
        """The ORUK filters the search engine does not know, applied to a loaded service."""
        if self.minimum_age is not None and (service.minimum_age is None or service.minimum_age < self.minimum_age):
            return False
        if self.maximum_age is not None and (service.maximum_age is None or service.maximum_age > self.maximum_age):
            return False
        if self.modified_after and (service.last_modified is None or service.last_modified < self.modified_after):
            return False
        if self.start_time or self.end_time:
            return any((self.start_time is None or (item.opens_at is not None and item.opens_at >= self.start_time))
                       and (self.end_time is None or (item.closes_at is not None and item.closes_at <= self.end_time))
                       for item in service.schedules)
        return True


def _term_codes(session: Session, args: MultiDict) -> tuple[list[str], bool]:
    """Category codes named by taxonomy_term_id (id or code) and taxonomy_id; (codes, unknown)."""
    codes: list[str] = []
    unknown = False
    for value in words(args, "taxonomy_term_id"):
        term = ids.find(session, TaxonomyTerm, value)
        term = term or session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == value))
        if term is None:
            unknown = True
        else:
            codes.append(term.code or term.id)
    taxonomy_id = (args.get("taxonomy_id") or "").strip()
    if taxonomy_id:
        taxonomy = ids.find(session, Taxonomy, taxonomy_id)
        terms = list(session.scalars(select(TaxonomyTerm).where(TaxonomyTerm.taxonomy_id == taxonomy.id))) \
            if taxonomy is not None else []
        if not terms:
            unknown = True
        codes.extend(term.code or term.id for term in terms)
    return list(dict.fromkeys(codes)), unknown


def service_query(session: Session, args: MultiDict, accept_languages=None) -> ServiceQuery:
    page, per_page = page_args(args)
    text = args.get("search") or args.get("text") or ""
    fmt = (args.get("format") or "json").strip().lower()
    if fmt not in ("json", "ndjson"):
        raise bad_parameter("format", "must be json or ndjson")
    filters: dict[str, list[str]] = {}
    for name in ENGINE_FILTERS:
        values = words(args, name)
        if values:
            filters[name] = values
    days = []
    for value in words(args, "day"):
        code = DAY_CODES.get(value.lower())
        if code is None:
            raise bad_parameter("day", f"{value!r} is not a day (MO…SU or monday…sunday)")
        days.append(code)
    if days:
        filters["day"] = days
    languages = [value.lower() for value in words(args, "language")]
    if languages:
        filters["language"] = languages
    codes, unknown = _term_codes(session, args)
    if codes:
        filters["category"] = filters.get("category", []) + codes
    radius = number(args, "proximity", 1, MAX_RADIUS_M)
    where = located(session, args)
    if radius is not None and where is None:
        raise bad_parameter("proximity", "needs postcode, or lat and lon")
    request = SearchRequest(text=text[:1000], radius_m=radius, filters=filters, languages=languages,
                            age=integer(args, "age", None, 0, 130), page=page, per_page=per_page, with_facets=False)
    query = ServiceQuery(
        request=request, located=where, locale=reader_locale(args, accept_languages), full=boolean(args, "full"),
        ndjson=fmt == "ndjson", nothing=unknown and not codes,
        minimum_age=number(args, "minimum_age", 0, 200), maximum_age=number(args, "maximum_age", 0, 200),
        start_time=time_of_day(args, "start_time"), end_time=time_of_day(args, "end_time"),
        modified_after=moment(args, "modified_after"))
    if query.locale:
        request.locale = query.locale
    return query


__all__ = ["ApiProblem", "DEFAULT_PER_PAGE", "ENGINE_FILTERS", "ServiceQuery", "page_args", "reader_locale",
           "service_query"]
