"""Parse the search form's query string into a SearchRequest — every value is hostile.

Bad values never reach the engine: numbers are parsed defensively, unknown filters are
dropped, and a malformed postcode or absurd distance becomes a ``SearchFormError`` that the
page shows, translated, beside the form (with what the person typed still filled in).
"""
from __future__ import annotations

from dataclasses import dataclass, field

from flask_babel import lazy_gettext as _l
from werkzeug.datastructures import MultiDict

from ...geography import METRES_PER_MILE
from ...search.schema import FACET_FIELDS

DISTANCE_CHOICES_MILES = (0.5, 1, 2, 3, 5, 10, 20)
DEFAULT_DISTANCE_MILES = 3
MAX_TEXT = 200


@dataclass
class SearchForm:
    text: str = ""
    postcode: str = ""
    latitude: str = ""
    longitude: str = ""
    here: bool = False  # the point came from "Use my location", not from a click on the map
    distance_miles: float = DEFAULT_DISTANCE_MILES
    filters: dict[str, list[str]] = field(default_factory=dict)
    page: int = 1
    errors: dict[str, str] = field(default_factory=dict)  # field name -> translated message

    @property
    def has_location(self) -> bool:
        return bool(self.postcode or (self.latitude and self.longitude))

    @property
    def radius_m(self) -> float:
        return self.distance_miles * METRES_PER_MILE

    def is_checked(self, fieldname: str, value: str) -> bool:
        return value in self.filters.get(fieldname, [])

    def query_args(self, **changes) -> dict:
        """The form as URL arguments (for pagination and "widen the search" links)."""
        args = {"q": self.text, "postcode": self.postcode, "lat": self.latitude, "lon": self.longitude,
                "here": "1" if self.here else "", "distance": _format_miles(self.distance_miles), "page": self.page}
        args.update({name: values for name, values in self.filters.items()})
        args.update(changes)
        return {key: value for key, value in args.items() if value not in ("", None, [])}


def _format_miles(miles: float) -> str:
    return f"{miles:g}"


def _text(args: MultiDict, name: str, limit: int) -> str:
    value = args.get(name, "", type=str) or ""
    return value.strip()[:limit]


def parse_search_form(args: MultiDict) -> SearchForm:
    form = SearchForm(text=_text(args, "q", MAX_TEXT), postcode=_text(args, "postcode", 16),
                      latitude=_text(args, "lat", 32), longitude=_text(args, "lon", 32),
                      here=_text(args, "here", 1) == "1")
    distance = _text(args, "distance", 8)
    if distance:
        try:
            form.distance_miles = float(distance)
        except ValueError:
            form.errors["distance"] = _l("Please choose how far you can travel from the list.")
            form.distance_miles = DEFAULT_DISTANCE_MILES
        else:
            if not 0 < form.distance_miles <= 60:  # also rejects nan and inf
                form.errors["distance"] = _l("Please choose a distance between half a mile and 60 miles.")
                form.distance_miles = DEFAULT_DISTANCE_MILES
    form.page = page_number(args)
    form.filters = {name: [value[:64] for value in args.getlist(name)[:20] if value]
                    for name in FACET_FIELDS if args.getlist(name)}
    return form


def page_number(args) -> int:
    """``?page=``: a page from 1 to 1,000; anything else (text, 0, "²", a huge number) is page 1."""
    page = _text(args, "page", 6)
    return int(page) if page.isascii() and page.isdigit() and 0 < int(page) <= 1000 else 1
