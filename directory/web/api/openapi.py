"""The OpenAPI 3.1 document of ``/api/``, built from the same field lists the API renders.

ORUK 3.0's own document (uk-profile ``schema/openapi.json``) is followed for paths,
parameters and the page envelope; schemas are spelt out here (no remote ``$ref``) and
include our documented extensions, so a client or a test can validate every response.
"""
from __future__ import annotations

import copy
from functools import lru_cache

from ... import vocabulary
from ...oruk import formats
from ...oruk.export import FORMATS
from ...search.query import MAX_PER_PAGE, MAX_RADIUS_M
from .params import DEFAULT_PER_PAGE, ENGINE_FILTERS, MAX_PAGE

ORUK_VERSION = "3.0"
ORUK_PROFILE = "https://openreferraluk.org/"
# As the UK profile types them: an absent value is left out, never null (directory/oruk/publish.py).
ID = {"type": "string", "format": "uuid"}
TEXT = {"type": "string"}
INTEGER = {"type": "integer"}
NUMBER = {"type": "number"}
DATE = {"type": "string", "format": "date", "description": "YYYY-MM-DD"}
EMAIL = {"type": "string", "format": "email"}
URI = {"type": "string", "format": "uri"}
REQUIRED_TEXT = {"type": "string", "description": "Required by the UK profile; empty when not known."}


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _object(properties: dict, required: list[str] | None = None, description: str | None = None,
            closed: bool = True) -> dict:
    """An object of ``properties`` of which only ``required`` are always present (default: id)."""
    schema = {"type": "object", "properties": properties,
              "required": list(required) if required is not None else ["id"]}
    if closed:
        schema["additionalProperties"] = False
    if description:
        schema["description"] = description
    return schema


def _array(item: dict) -> dict:
    return {"type": "array", "items": item}


def _enum(values) -> dict:
    return {"type": "string", "enum": list(values)}


PHONE = _object({"id": ID, "number": TEXT, "extension": TEXT, "type": TEXT, "description": TEXT}, ["id", "number"])
ORGANIZATION_FIELDS = {"id": ID, "name": TEXT, "alternate_name": TEXT, "description": REQUIRED_TEXT, "email": EMAIL,
                       "website": URI, "logo": TEXT, "uri": URI}
ORGANIZATION_REQUIRED = ["id", "name", "description"]
ADDRESS = _object({"id": ID, "location_id": ID, "attention": TEXT, "address_1": TEXT, "address_2": TEXT, "city": TEXT,
                   "region": TEXT, "state_province": REQUIRED_TEXT, "postal_code": TEXT, "country": TEXT,
                   "address_type": _enum(formats.LOCATION_TYPES)},
                  ["id", "address_1", "city", "state_province", "postal_code", "country", "address_type"])
ACCESSIBILITY = _object({"id": ID, "location_id": ID, "description": TEXT, "details": TEXT, "url": URI})
LOCATION_FIELDS = {
    "id": ID, "location_type": _enum(formats.LOCATION_TYPES), "url": URI, "organization_id": ID, "name": TEXT,
    "alternate_name": TEXT, "description": TEXT, "transportation": TEXT,
    "latitude": {"type": "number", "minimum": -90, "maximum": 90},
    "longitude": {"type": "number", "minimum": -180, "maximum": 180},
    "external_identifier": TEXT, "external_identifier_type": TEXT,
}
SCHEDULE = _object({
    "id": ID, "service_id": ID, "valid_from": DATE, "valid_to": DATE, "dtstart": DATE,
    "timezone": TEXT, "until": DATE, "count": INTEGER, "wkst": TEXT,
    "freq": dict(_enum(formats.UK_FREQUENCIES), description="The UK profile's WEEKLY or MONTHLY: a daily session is "
                                                            "WEEKLY on every day (byday MO,TU,WE,TH,FR,SA,SU)."),
    "interval": INTEGER, "byday": TEXT, "byweekno": TEXT, "bymonthday": TEXT, "byyearday": TEXT, "description": TEXT,
    "opens_at": {"type": "string", "description": "HH:MM (local time)"},
    "closes_at": {"type": "string", "description": "HH:MM (local time)"},
    "schedule_link": URI, "attending_type": TEXT, "notes": TEXT,
})
LANGUAGE = _object({"id": ID, "service_id": ID, "name": TEXT, "code": TEXT, "note": TEXT})
COST_OPTION = _object({"id": ID, "service_id": ID, "valid_from": DATE, "valid_to": DATE,
                       "option": TEXT, "currency": TEXT, "amount": NUMBER, "amount_description": TEXT})
CONTACT = _object({"id": ID, "service_id": ID, "name": TEXT, "title": TEXT, "department": TEXT,
                   "email": EMAIL, "phones": _array(_ref("Phone"))}, ["id", "phones"])
SERVICE_AREA = _object({"id": ID, "service_id": ID, "name": TEXT, "description": TEXT,
                        "extent": {"type": "string", "description": "GeoJSON text"}, "extent_type": TEXT, "uri": URI})
TERM_FIELDS = {"id": ID, "code": TEXT, "name": TEXT, "description": REQUIRED_TEXT, "parent_id": ID, "taxonomy": TEXT,
               "taxonomy_id": ID, "language": TEXT, "term_uri": URI}
TERM_REQUIRED = ["id", "name", "description"]
TERM_TRANSLATION = _object({"name": TEXT, "description": TEXT, "synonyms": _array(TEXT)}, ["name", "synonyms"])
ATTRIBUTE = _object({"id": ID, "link_id": ID, "link_type": TEXT, "link_entity": TEXT, "taxonomy_term_id": ID,
                     "value": TEXT, "label": TEXT, "taxonomy_term": _ref("TaxonomyTerm")},
                    ["id", "link_id", "link_entity", "taxonomy_term_id", "taxonomy_term"])
TAXONOMY = _object({"id": ID, "name": TEXT, "description": REQUIRED_TEXT, "uri": URI, "version": TEXT},
                   ["id", "name", "description"])
EXPLANATION = _object({
    "matched": _array(TEXT), "matched_categories": _array(TEXT),
    "distance_m": NUMBER, "comes_to_you": {"type": "boolean"},
    "languages": _array(TEXT), "access": _array(TEXT), "free": {"type": "boolean"},
    "stale": {"type": "boolean"}, "status": _enum(vocabulary.LISTING_STATUS),
}, required=["status"], description="Extension: why a result was suggested (only the reasons that apply).")

SERVICE_SUMMARY_FIELDS = {
    "id": ID, "organization_id": ID, "name": TEXT,
    "alternate_name": TEXT, "description": TEXT, "url": URI, "email": EMAIL,
    "status": _enum(formats.SERVICE_STATUSES),
    "interpretation_services": TEXT, "application_process": TEXT, "fees_description": TEXT,
    "eligibility_description": TEXT, "minimum_age": INTEGER, "maximum_age": INTEGER, "alert": TEXT,
    "assured_date": DATE, "last_modified": {"type": "string", "format": "date-time"},
    # --- extensions (seed_data/README.md) ---
    "locale": {"type": "string", "description": "Extension: the language name and description are written in."},
    "translations": {"type": "object", "description": "Extension: name and description in other locales.",
                     "additionalProperties": _object({"name": TEXT, "description": TEXT}, ["name"])},
    "gender": _enum(vocabulary.GENDER), "faith_setting": _enum(vocabulary.FAITH_SETTING),
    "food": _array(_enum(vocabulary.FOOD)), "how_to_join": _enum(vocabulary.HOW_TO_JOIN),
    "transport_provided": {"type": "boolean"}, "carers_welcome": {"type": "boolean"},
    "listing_status": _enum(vocabulary.LISTING_STATUS), "last_verified": DATE,
}
SERVICE_SUMMARY_REQUIRED = ["id", "organization_id", "name", "status", "locale", "translations", "gender",
                            "faith_setting", "food", "how_to_join", "transport_provided", "carers_welcome",
                            "listing_status"]
SEARCH_FIELDS = {
    "text_locale": {"type": "string", "description": "Extension: the locale name/description are given in "
                                                     "(present when a locale was asked for)."},
    "distance": {"type": "number", "description": "Extension: metres from the searched point (present when a "
                                                  "location was given and the place has coordinates)."},
    "explanation": _ref("Explanation"),
}
SERVICE_NESTED_FIELDS = {
    "organization": _ref("Organization"), "service_at_locations": _array(_ref("ServiceAtLocation")),
    "schedules": _array(_ref("Schedule")), "languages": _array(_ref("Language")),
    "cost_options": _array(_ref("CostOption")), "contacts": _array(_ref("Contact")),
    "phones": _array(_ref("Phone")), "service_areas": _array(_ref("ServiceArea")),
    "attributes": _array(_ref("Attribute")),
}
PROBLEM = _object({"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                   "detail": {"type": "string"}, "instance": {"type": "string"},
                   "invalid_params": _array(_object({"name": {"type": "string"}, "reason": {"type": "string"}},
                                                    ["name", "reason"]))},
                  required=["type", "title", "status", "detail"], description="RFC 9457 problem details.")
PAGE_FIELDS = {
    "total_items": {"type": "integer", "minimum": 0, "description": "How many items match, on every page."},
    "total_pages": {"type": "integer", "minimum": 1}, "page_number": {"type": "integer", "minimum": 1},
    "size": {"type": "integer", "minimum": 0, "description": "How many items are on this page."},
    "first_page": {"type": "boolean"}, "last_page": {"type": "boolean"}, "empty": {"type": "boolean"},
}
LINK_FIELDS = {"id": ID, "service_id": ID, "location_id": ID, "description": TEXT}
LINK_REQUIRED = ["id", "service_id", "location_id", "location"]


def _page(item_schema: str) -> dict:
    fields = dict(PAGE_FIELDS, contents=_array(_ref(item_schema)))
    return _object(fields, list(fields))


SCHEMAS = {
    "Problem": PROBLEM,
    "Phone": PHONE,
    "Organization": _object(dict(ORGANIZATION_FIELDS, phones=_array(_ref("Phone"))),
                            ORGANIZATION_REQUIRED + ["phones"]),
    "OrganizationSummary": _object(ORGANIZATION_FIELDS, ORGANIZATION_REQUIRED),
    "OrganizationFull": _object(dict(ORGANIZATION_FIELDS, phones=_array(_ref("Phone")),
                                     services=_array(_ref("ServiceSummary"))),
                                ORGANIZATION_REQUIRED + ["phones", "services"]),
    "PhysicalAddress": ADDRESS,
    "Accessibility": ACCESSIBILITY,
    "Location": _object(dict(LOCATION_FIELDS, addresses=_array(_ref("PhysicalAddress")),
                             accessibility=_array(_ref("Accessibility"))),
                        ["id", "location_type", "addresses", "accessibility"]),
    "ServiceAtLocation": _object(dict(LINK_FIELDS, location=_ref("Location")), LINK_REQUIRED),
    "ServiceAtLocationListItem": _object(dict(LINK_FIELDS, service=_ref("ServiceSummary"), location=_ref("Location"),
                                              distance=SEARCH_FIELDS["distance"]), LINK_REQUIRED + ["service"]),
    "ServiceAtLocationFull": _object(dict(LINK_FIELDS, location=_ref("Location"), service=_ref("Service")),
                                     LINK_REQUIRED + ["service"]),
    "Schedule": SCHEDULE,
    "Language": LANGUAGE,
    "CostOption": COST_OPTION,
    "Contact": CONTACT,
    "ServiceArea": SERVICE_AREA,
    "Taxonomy": TAXONOMY,
    "TaxonomyTerm": _object(TERM_FIELDS, TERM_REQUIRED),
    "TaxonomyTermFull": _object(dict(TERM_FIELDS, translations={
        "type": "object", "additionalProperties": _ref("TaxonomyTermTranslation"),
        "description": "Extension: the term's name, description and synonyms in each locale."}),
        TERM_REQUIRED + ["translations"]),
    "TaxonomyTermTranslation": TERM_TRANSLATION,
    "Attribute": ATTRIBUTE,
    "Explanation": EXPLANATION,
    "ServiceSummary": _object(dict(SERVICE_SUMMARY_FIELDS, **SEARCH_FIELDS), required=SERVICE_SUMMARY_REQUIRED,
                              description="A service's one-to-one fields (and extensions)."),
    "Service": _object(dict(SERVICE_SUMMARY_FIELDS, **SERVICE_NESTED_FIELDS, **SEARCH_FIELDS),
                       required=SERVICE_SUMMARY_REQUIRED + list(SERVICE_NESTED_FIELDS),
                       description="A fully nested ORUK 3.0 service with the Community Signpost extensions."),
    # A full service is also a summary with more keys, so the items are "any of" the two.
    "ServicePage": _object(dict(PAGE_FIELDS, contents=_array({"anyOf": [_ref("Service"), _ref("ServiceSummary")]})),
                           list(PAGE_FIELDS) + ["contents"]),
    "ServiceAtLocationPage": _page("ServiceAtLocationListItem"),
    "TaxonomyPage": _page("Taxonomy"),
    "TaxonomyTermPage": _page("TaxonomyTerm"),
    "OrganizationPage": _page("OrganizationSummary"),
}

def _param(name: str, description: str, schema: dict | None = None, location: str = "query",
           required: bool = False) -> dict:
    return {"name": name, "in": location, "required": required, "description": description,
            "schema": schema or {"type": "string"}}


PAGE_PARAMS = [
    _param("page", "Page number of paginated result (from 1).", {"type": "integer", "minimum": 1, "maximum": MAX_PAGE}),
    _param("per_page", f"Number of results in a page (default {DEFAULT_PER_PAGE}, at most {MAX_PER_PAGE}).",
           {"type": "integer", "minimum": 1, "maximum": MAX_PER_PAGE}),
]
LOCALE_PARAM = _param("locale", "Extension: give names and descriptions in this locale where a translation exists "
                                "(otherwise the Accept-Language header decides; without either, as written).",
                      {"type": "string", "enum": list(vocabulary.LOCALES)})
SEARCH_PARAMS = [
    _param("search", "Full text search, in any of the directory's languages (cross-lingual)."),
    _param("text", "Extension: the same as search."),
    *PAGE_PARAMS,
    _param("taxonomy_term_id", "Services tagged with this taxonomy term (id or code) or any of its sub-terms; "
                               "comma-separated for any of several."),
    _param("taxonomy_id", "Services with any term of this taxonomy."),
    _param("minimum_age", "Services whose minimum age is at least this.", {"type": "number", "minimum": 0,
                                                                            "maximum": 200}),
    _param("maximum_age", "Services whose maximum age is at most this.", {"type": "number", "minimum": 0,
                                                                          "maximum": 200}),
    _param("start_time", "Services with a session opening at or after this time (HH:MM)."),
    _param("end_time", "Services with a session closing at or before this time (HH:MM)."),
    _param("day", "Services running on this day: MO…SU or monday…sunday; comma-separated for any of several."),
    _param("modified_after", "Services modified at or after this date-time (ISO 8601)."),
    _param("postcode", "Extension: centre the search on this UK postcode (or postcode district); results come "
                       "nearest suitable first, each with distance and explanation."),
    _param("proximity", f"Extension: only within this many metres of the postcode or point (default 8000, "
                        f"at most {MAX_RADIUS_M}).", {"type": "number", "exclusiveMinimum": 0,
                                                      "maximum": MAX_RADIUS_M}),
    _param("lat", "Extension: latitude of the searcher (with lon), WGS84.",
           {"type": "number", "minimum": -90, "maximum": 90}),
    _param("lon", "Extension: longitude of the searcher (with lat), WGS84.",
           {"type": "number", "minimum": -180, "maximum": 180}),
    _param("language", "Extension: only services where this language (ISO 639 code) is spoken in the session; "
                       "comma-separated for any of several."),
    _param("age", "Extension: the searcher's age; only services open to it.",
           {"type": "integer", "minimum": 0, "maximum": 130}),
    *[_param(name, f"Extension: search-engine filter '{name}' (comma-separated values).")
      for name in ENGINE_FILTERS],
    LOCALE_PARAM,
]
SERVICE_PARAMS = [
    *SEARCH_PARAMS,
    _param("full", "Return fully nested services (as /services/{id}) in contents.", {"type": "boolean"}),
    _param("format", "json (default, paginated) or ndjson (every result, one service per line, unpaginated).",
           {"type": "string", "enum": ["json", "ndjson"]}),
]


def _json(schema: str, description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref(schema)}}}


def _problems(*codes: int) -> dict:
    reasons = {400: "A query parameter is not valid (the problem names it), or the request holds control "
                    "characters such as NUL.", 404: "No such item.",
               503: "The search index has not been built yet."}
    return {str(code): {"description": reasons[code],
                        "content": {"application/problem+json": {"schema": _ref("Problem")}}} for code in codes}


def _by_id(kind: str, schema: str, summary: str, with_locale: bool = False) -> dict:
    operation = {"summary": summary, "operationId": f"get{schema}ById",
                 "responses": {"200": _json(schema, summary), **_problems(400, 404)}}
    if with_locale:
        operation["parameters"] = [LOCALE_PARAM]
    return {"parameters": [_param("id", f"The id of the {kind}.", location="path", required=True)],
            "get": operation}


def _listing(schema: str, summary: str, parameters: list, codes=(400,)) -> dict:
    return {"get": {"summary": summary, "operationId": f"list{schema}", "parameters": parameters,
                    "responses": {"200": _json(schema, summary), **_problems(*codes)}}}


PATHS = {
    "/": {"get": {"summary": "Information about this API and its relationship with ORUK/HSDS.",
                  "operationId": "getAPIMetaInformation",
                  "responses": {"200": {"description": "About this API.", "content": {"application/json": {
                      "schema": _object({"version": TEXT, "profile": URI, "openapi_url": URI},
                                        ["version", "profile", "openapi_url"])}}}, **_problems(400)}}},
    "/services": {"get": {
        "summary": "Paginated services (one-to-one fields, or fully nested with full=true); with a postcode or "
                   "lat/lon, the nearest suitable first.",
        "operationId": "getPaginatedListOfServices", "parameters": SERVICE_PARAMS,
        "responses": {"200": {"description": "A page of services, or with format=ndjson one service per line.",
                              "content": {"application/json": {"schema": _ref("ServicePage")},
                                          "application/x-ndjson": {"schema": {"type": "string"}}}},
                      **_problems(400, 503)}}},
    "/services/{id}": _by_id("service", "Service", "A fully nested service with all related data.", True),
    "/service_at_locations": _listing("ServiceAtLocationPage", "Paginated places where services happen; with a "
                                      "postcode or lat/lon, nearest first within proximity.", SEARCH_PARAMS,
                                      (400, 503)),
    "/service_at_locations/{id}": _by_id("service_at_location", "ServiceAtLocationFull",
                                         "A service at a location, with the location and the full service.", True),
    "/taxonomies": _listing("TaxonomyPage", "Paginated taxonomies.", PAGE_PARAMS),
    "/taxonomies/{id}": _by_id("taxonomy", "Taxonomy", "A taxonomy."),
    "/taxonomy_terms": _listing("TaxonomyTermPage", "Paginated taxonomy terms (name in the reader's locale).", [
        *PAGE_PARAMS, _param("taxonomy_id", "Only terms of this taxonomy."),
        _param("parent_id", "Only the sub-terms of this term."), LOCALE_PARAM]),
    "/taxonomy_terms/{id}": _by_id("taxonomy_term", "TaxonomyTermFull",
                                   "A taxonomy term with its names in every locale.", True),
    "/organizations": _listing("OrganizationPage", "Paginated organizations.", PAGE_PARAMS),
    "/organizations/{id}": _by_id("organization", "OrganizationFull",
                                  "An organization with its phones and its published services.", True),
    "/export/{format}": {
        "parameters": [_param("format", "oruk-json, csv, geojson or ics.", {"type": "string", "enum": list(FORMATS)},
                              location="path", required=True)],
        "get": {"summary": "Extension: the published directory as one file (closed listings left out).",
                "operationId": "exportDirectory",
                "parameters": [_param("area", "Only services with a place in this postcode district (e.g. LE4).")],
                "responses": {"200": {"description": "The file (Content-Disposition: attachment).", "content": {
                    "application/json": {"schema": {"type": "array", "items": _ref("Service")}},
                    "text/csv": {"schema": {"type": "string"}},
                    "application/geo+json": {"schema": {"type": "object"}},
                    "text/calendar": {"schema": {"type": "string"}}}},
                    **_problems(400, 404)}}},
}


@lru_cache(maxsize=8)
def _document(server: str) -> dict:
    return {
        "openapi": "3.1.0",
        "info": {"title": "Community Signpost — Open Referral UK API", "version": ORUK_VERSION,
                 "description": "Open Referral UK 3.0 API of the Community Signpost directory, with documented "
                                "extensions (marked 'Extension'). Read-only; any origin may read it (CORS). "
                                "Errors are RFC 9457 problem documents.",
                 "license": {"name": "MIT", "identifier": "MIT"}},
        "jsonSchemaDialect": "https://spec.openapis.org/oas/3.1/dialect/base",
        "servers": [{"url": server}],
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }


def openapi_document(server: str = "/api") -> dict:
    """The document, with ``server`` as its base URL (a fresh copy callers may change)."""
    return copy.deepcopy(_document(server))


__all__ = ["ORUK_PROFILE", "ORUK_VERSION", "SCHEMAS", "openapi_document"]
