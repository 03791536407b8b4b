"""The ORUK 3.0 endpoints. Each view: parse the query, call domain code, render ORUK dicts."""
from __future__ import annotations

import json
import math
from contextlib import contextmanager

from flask import Blueprint, Response, jsonify, render_template, request, url_for
from sqlalchemy import func, select

from ...discovery import FoundActivity, find_activities, search_activities
from ...geography import InvalidLocation, Point, haversine_m
from ...i18n.locales import negotiate
from ...listings import VISIBLE_STATUSES
from ...models import Organization, Service, ServiceAtLocation, Taxonomy, TaxonomyTerm
from ...oruk import ids, publish
from ...oruk.export import FORMATS, export
from ...search import IndexMissing, InvalidSearch, SearchHit
from ...search.query import MAX_PER_PAGE
from ..context import db_session, search_engine
from ..i18n import current_site_locale
from ..links import base_url, external_url
from ..page_cache import shared
from . import params
from .openapi import ORUK_PROFILE, ORUK_VERSION, openapi_document
from .prepared import published, published_services
from .problems import ALLOWED_METHODS, ApiProblem, bad_parameter, install_error_handlers, problem_response

blueprint = Blueprint("api", __name__, url_prefix="/api")
install_error_handlers(blueprint)


@blueprint.before_request
def refuse_control_characters():
    """NUL and other control characters are never part of an id, a postcode or a search,
    and some databases refuse them outright: answer 400 before they reach any query."""
    values = [request.path, *(value for _name, value in request.args.items(multi=True))]
    if any(ch < " " and ch not in "\t\n\r" for value in values for ch in value):
        raise ApiProblem(400, "Invalid request", "the request contains control characters (such as NUL)")


@blueprint.after_request
def allow_any_origin(response: Response) -> Response:
    """Public, read-only data: any web page may read it (CORS)."""
    response.headers["Access-Control-Allow-Origin"] = "*"
    response.headers.setdefault("Access-Control-Allow-Methods", ALLOWED_METHODS)
    response.headers.setdefault("Access-Control-Allow-Headers", "Accept, Accept-Language")
    response.headers.setdefault("Vary", "Accept-Language")
    return response


def _not_found(kind: str, identifier: str) -> ApiProblem:
    return ApiProblem(404, "Not Found", f"no {kind} with id {identifier[:100]!r}")


def _envelope(contents: list, total: int, page: int, per_page: int) -> dict:
    total_pages = max(1, math.ceil(total / per_page))
    return {"total_items": total, "total_pages": total_pages, "page_number": page, "size": len(contents),
            "first_page": page == 1, "last_page": page >= total_pages, "empty": not contents, "contents": contents}


def _answer_locales() -> str:
    """What an answer's language depends on: Accept-Language (the listings' text, when no
    ``locale=`` is in the query string, which is part of the key anyway) and the site's
    locale (the docs page, problem documents)."""
    asked = negotiate(list(request.accept_languages)).code if request.headers.get("Accept-Language") else ""
    return f"{current_site_locale().code}|{asked}"


shared_answer = shared(_answer_locales)  # the same answer for every anonymous client


def _locale() -> str | None:
    return params.reader_locale(request.args, request.accept_languages if request.headers.get("Accept-Language")
                                else None)


# ---- meta -----------------------------------------------------------------------------------

@blueprint.get("/")
@shared_answer
def meta():
    return jsonify({"version": ORUK_VERSION, "profile": ORUK_PROFILE,
                    "openapi_url": external_url("api.openapi")})


@blueprint.get("/openapi.json")
@shared_answer
def openapi():
    return jsonify(openapi_document(base_url() + "/api"))


@blueprint.get("/docs")
@shared_answer
def docs():
    return render_template("api/docs.html", document=openapi_document(base_url() + "/api"))


# ---- services ---------------------------------------------------------------------------------

@contextmanager
def _engine_errors():
    """The engine's refusals as problem documents."""
    try:
        yield
    except InvalidSearch as error:
        raise ApiProblem(400, "Invalid search", str(error)) from None
    except IndexMissing:
        raise ApiProblem(503, "Search index not ready",
                         "the search index has not been built yet; run `directory reindex`") from None


def _search(query: params.ServiceQuery) -> tuple[list[FoundActivity], int]:
    """(activities of the requested page, total) — nearest suitable first when located,
    each with its listing loaded (what the ORUK filters the engine does not know and the
    places of ``/service_at_locations`` need)."""
    if query.nothing:
        return [], 0
    session, engine = db_session(), search_engine()
    with _engine_errors():
        if not query.needs_all_hits:
            found = find_activities(session, engine, query.request, query.located)
            return found.activities, found.results.total
        wanted_page, wanted_size = query.request.page, query.request.per_page
        activities: list[FoundActivity] = []
        page = 1
        while True:
            query.request.page, query.request.per_page = page, MAX_PER_PAGE
            found = find_activities(session, engine, query.request, query.located)
            activities.extend(activity for activity in found.activities if query.keeps(activity.service))
            if page >= found.results.pages or page >= params.MAX_PAGE:
                break
            page += 1
        query.request.page, query.request.per_page = wanted_page, wanted_size
        if query.ndjson:
            return activities, len(activities)
        start = (wanted_page - 1) * wanted_size
        return activities[start:start + wanted_size], len(activities)


def _published_page(query: params.ServiceQuery) -> tuple[list[tuple[SearchHit, dict]], int]:
    """(hit, ORUK object) for the requested page, and the total. A page the engine can
    answer alone is shaped from prepared objects (``prepared.py``): no ORM when all are kept."""
    if query.nothing or query.needs_all_hits:
        activities, total = _search(query)
        return [(activity.hit, published(activity.service, query.locale, query.full))
                for activity in activities], total
    engine = search_engine()
    with _engine_errors():
        results = search_activities(engine, query.request, query.located)
        stamp = engine.catalogue_stamp()
    return published_services(db_session(), results.hits, query.locale, query.full, stamp), results.total


def _service_item(hit: SearchHit, published_service: dict, query: params.ServiceQuery) -> dict:
    item = dict(published_service)  # the prepared object is shared: add to a copy
    if query.located is not None and hit.distance_m is not None:
        item["distance"] = round(hit.distance_m, 1)
    if query.located is not None or query.request.text:
        item["explanation"] = hit.explanation.as_dict()
    return item


def _ndjson(items: list[dict]) -> Response:
    body = "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in items)
    return Response(body, mimetype="application/x-ndjson")


@blueprint.get("/services")
@shared_answer
def services():
    query = params.service_query(db_session(), request.args,
                                 request.accept_languages if request.headers.get("Accept-Language") else None)
    page, total = _published_page(query)
    items = [_service_item(hit, published_service, query) for hit, published_service in page]
    if query.ndjson:
        return _ndjson(items)
    return jsonify(_envelope(items, total, query.request.page, query.request.per_page))


@blueprint.get("/services/<service_id>")
@shared_answer
def service(service_id: str):
    listing = ids.find(db_session(), Service, service_id)  # the published id, or the id as stored
    if listing is None:
        raise _not_found("service", service_id)
    return jsonify(publish.service(listing, _locale()))


# ---- service at locations ---------------------------------------------------------------------

def _link_item(link: ServiceAtLocation, locale: str | None, distance: float | None) -> dict:
    item = publish.service_at_location_with_service(link, locale)
    if distance is not None:
        item["distance"] = round(distance, 1)
    return item


@blueprint.get("/service_at_locations")
@shared_answer
def service_at_locations():
    query = params.service_query(db_session(), request.args,
                                 request.accept_languages if request.headers.get("Accept-Language") else None)
    if query.ndjson:
        raise bad_parameter("format", "ndjson is offered by /services only")
    page, per_page = query.request.page, query.request.per_page
    activities, _total = _search_all(query)  # every hit: places are paginated, not services
    rows = []
    point = query.located.point if query.located else None
    radius = query.request.radius_m
    for activity in activities:
        for link in sorted(activity.service.service_at_locations, key=lambda item: item.id):
            distance = None
            if point is not None:
                location = link.location
                if location.latitude is None or location.longitude is None:
                    continue
                distance = haversine_m(point, Point(location.latitude, location.longitude))
                if radius is not None and distance > radius:
                    continue
            rows.append((distance, link))
    if point is not None:
        rows.sort(key=lambda row: (row[0], row[1].id))
    start = (page - 1) * per_page
    contents = [_link_item(link, query.locale, distance)
                for distance, link in rows[start:start + per_page]]
    return jsonify(_envelope(contents, len(rows), page, per_page))


def _search_all(query: params.ServiceQuery) -> tuple[list[FoundActivity], int]:
    query.ndjson = True  # every hit, unpaginated
    try:
        return _search(query)
    finally:
        query.ndjson = False


@blueprint.get("/service_at_locations/<link_id>")
@shared_answer
def service_at_location(link_id: str):
    link = ids.find(db_session(), ServiceAtLocation, link_id)
    if link is None:
        raise _not_found("service_at_location", link_id)
    return jsonify(publish.service_at_location_with_service(link, _locale(), full=True))


# ---- taxonomies, terms, organisations -----------------------------------------------------------

def _paged(statement, render) -> Response:
    page, per_page = params.page_args(request.args)
    session = db_session()
    total = session.scalar(select(func.count()).select_from(statement.subquery()))
    rows = session.scalars(statement.offset((page - 1) * per_page).limit(per_page)).all()
    return jsonify(_envelope([render(row) for row in rows], total, page, per_page))


@blueprint.get("/taxonomies")
@shared_answer
def taxonomies():
    return _paged(select(Taxonomy).order_by(Taxonomy.name, Taxonomy.id), publish.taxonomy)


@blueprint.get("/taxonomies/<taxonomy_id>")
@shared_answer
def taxonomy(taxonomy_id: str):
    found = ids.find(db_session(), Taxonomy, taxonomy_id)
    if found is None:
        raise _not_found("taxonomy", taxonomy_id)
    return jsonify(publish.taxonomy(found))


@blueprint.get("/taxonomy_terms")
@shared_answer
def taxonomy_terms():
    locale = _locale()
    statement = select(TaxonomyTerm).order_by(TaxonomyTerm.name, TaxonomyTerm.id)
    taxonomy_id = (request.args.get("taxonomy_id") or "").strip()
    if taxonomy_id:
        taxonomy = ids.find(db_session(), Taxonomy, taxonomy_id)
        statement = statement.where(TaxonomyTerm.taxonomy_id == (taxonomy.id if taxonomy else taxonomy_id))
    parent_id = (request.args.get("parent_id") or "").strip()
    if parent_id:
        parent = ids.find(db_session(), TaxonomyTerm, parent_id)
        statement = statement.where(TaxonomyTerm.parent_id == (parent.id if parent else parent_id))
    return _paged(statement, lambda term: publish.term(term, locale))


@blueprint.get("/taxonomy_terms/<term_id>")
@shared_answer
def taxonomy_term(term_id: str):
    found = ids.find(db_session(), TaxonomyTerm, term_id)
    if found is None:
        raise _not_found("taxonomy_term", term_id)
    return jsonify(publish.term(found, _locale(), with_translations=True))


@blueprint.get("/organizations")
@shared_answer
def organizations():
    return _paged(select(Organization).order_by(Organization.name, Organization.id),
                  lambda organization: publish.organization(organization, full=False))


@blueprint.get("/organizations/<organization_id>")
@shared_answer
def organization(organization_id: str):
    session = db_session()
    found = ids.find(session, Organization, organization_id)
    if found is None:
        raise _not_found("organization", organization_id)
    locale = _locale()
    visible = session.scalars(select(Service).where(Service.organization_id == found.id,
                                                    Service.listing_status.in_(VISIBLE_STATUSES))
                              .order_by(Service.name, Service.id))
    return jsonify(dict(publish.organization(found),
                        services=[publish.service_summary(item, locale) for item in visible]))


# ---- exports ------------------------------------------------------------------------------------

@blueprint.get("/export/<file_format>")
def export_file(file_format: str):
    if file_format not in FORMATS:
        raise ApiProblem(404, "Not Found", f"unknown export format {file_format[:40]!r}; use one of {', '.join(FORMATS)}")
    try:
        exported = export(db_session(), file_format, (request.args.get("area") or "").strip() or None)
    except InvalidLocation as error:
        raise bad_parameter("area", str(error)) from None
    response = Response(exported.body, content_type=exported.content_type)
    response.headers["Content-Disposition"] = f'attachment; filename="{exported.filename}"'
    return response


# ---- anything else under /api/ ------------------------------------------------------------------

@blueprint.route("/<path:anything>", methods=["GET"])
def unknown(anything: str):
    raise ApiProblem(404, "Not Found", f"there is no /api/{anything[:100]}; see {url_for('api.docs')}")


@blueprint.route("/", methods=["POST", "PUT", "PATCH", "DELETE"])
@blueprint.route("/<path:anything>", methods=["POST", "PUT", "PATCH", "DELETE"])
def read_only(anything: str = ""):
    return problem_response(405, "Method Not Allowed", "this API is read-only: use GET",
                            headers={"Allow": ALLOWED_METHODS})
