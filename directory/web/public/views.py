"""Public pages. Each view parses the request, calls a domain function and renders."""
from __future__ import annotations

import datetime as dt

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ...card_facts import CardListing
from ...discovery import InvalidLocation, load_result_services, locate, search_activities
from ...listing_view import ListingView, load_listing_view
from ...listings import UnknownTaxonomy, category_page, category_tree, get_term, term_names, term_names_by_id
from ...search import IndexMissing, SearchRequest
from ..context import db_session, search_engine
from ..cookies import cookie_flags
from ..i18n import current_site_locale, refuse_unknown_locale
from ..page_cache import shared
from ..redirects import safe_next
from . import presenters
from .listing_facts import listing_facts
from .cards import card_cache, map_markers, render_cards
from .search_params import DISTANCE_CHOICES_MILES, page_number, parse_search_form

RESULTS_PER_PAGE = 10
TEXT_SIZE_COOKIE = "text_size"

blueprint = Blueprint("public", __name__, url_prefix="/<lang>")


def _page_locale() -> str:
    return current_site_locale().code


shared_page = shared(_page_locale)  # the same page for every anonymous reader of the URL's language


@blueprint.app_context_processor
def text_size_context():
    return {"large_text": request.cookies.get(TEXT_SIZE_COOKIE) == "large"}


blueprint.before_request(refuse_unknown_locale)


def root():
    """``/`` sends people to their language's home page."""
    return redirect(url_for("public.home", lang=current_site_locale().slug))


@blueprint.get("/")
@shared_page
def home():
    return render_template("public/home.html", categories=category_tree(db_session(), search_engine().catalogue_stamp()), presenters=presenters,
                           distance_choices=DISTANCE_CHOICES_MILES)


@blueprint.get("/search")
@shared_page
def search():
    """Results for "what" and "where": nearest suitable first, with facets to narrow."""
    session = db_session()
    form = parse_search_form(request.args)
    site_locale = current_site_locale()
    located = None
    if not form.errors:
        try:
            located = locate(session, form.postcode, form.latitude or None, form.longitude or None)
        except InvalidLocation:
            form.errors["postcode"] = _("We could not find that postcode. Please check it, or try just the first "
                                        "part (for example LE4).")
    results = None
    cards: list = []
    now = dt.datetime.now()
    if not form.errors and (form.text or located or form.filters):
        search_request = SearchRequest(
            text=form.text, radius_m=form.radius_m if located else None, filters=form.filters,
            languages=[site_locale.code.split("_")[0]] if site_locale.code != "en" else [],
            locale=site_locale.code, page=form.page, per_page=RESULTS_PER_PAGE, with_card_facts=True)
        try:
            results = search_activities(search_engine(), search_request, located)
        except IndexMissing:
            abort(503)
        cards = _result_cards(session, results.hits, site_locale.code, now)
    terms = term_names(session, search_engine().catalogue_stamp())
    return render_template(
        "public/search.html", form=form, results=results, cards=cards, located=located, terms=terms, now=now,
        presenters=presenters, distance_choices=DISTANCE_CHOICES_MILES,
        markers=[marker for _hit, card in cards for marker in card.markers],
    ), 400 if form.errors else 200


def _result_cards(session, hits, locale: str, now: dt.datetime) -> list:
    """(hit, card) for each result whose listing still exists: cards this process has
    already rendered for the listing's current version; the rest rendered now from the
    card facts the index keeps with the hit, or, for a hit without them (a generation
    written before them), from the listing loaded through the ORM."""
    cache = card_cache()
    cards = {hit.service_id: cache.get(hit.service_id, hit.version, locale, now) for hit in hits}
    missing = [hit for hit in hits if cards[hit.service_id] is None]
    if missing:
        listings = {hit.service_id: listing for hit in missing
                    if (listing := CardListing.from_json(hit.card_facts)) is not None}
        unprepared = [hit.service_id for hit in missing if hit.service_id not in listings]
        listings.update(load_result_services(session, unprepared))
        rendered = render_cards(list(listings.values()), locale, now)
        for hit in missing:
            if hit.service_id in rendered:
                cards[hit.service_id] = rendered[hit.service_id]
                cache.put(hit.service_id, hit.version, locale, rendered[hit.service_id])
    return [(hit, cards[hit.service_id]) for hit in hits if cards[hit.service_id] is not None]


@blueprint.get("/categories/")
@shared_page
def categories():
    return render_template("public/categories.html",
                           categories=category_tree(db_session(), search_engine().catalogue_stamp()))


@blueprint.get("/categories/<code>")
@shared_page
def category(code: str):
    session = db_session()
    try:
        term = get_term(session, code)
    except UnknownTaxonomy:
        abort(404)
    listed = category_page(session, term, page=page_number(request.args))
    services = load_result_services(session, listed.service_ids)
    return render_template("public/category.html", term=term, listed=listed,
                           services=[services[i] for i in listed.service_ids if i in services], now=dt.datetime.now())


def _listing_or_404(service_id: str) -> ListingView:
    """The listing as its pages read it (``directory.listing_view``: rows, not ORM objects)."""
    session = db_session()
    listing = (load_listing_view(session, service_id, term_names_by_id(session, search_engine().catalogue_stamp()))
               if service_id and len(service_id) <= 36 else None)
    if listing is None:
        abort(404)
    return listing


@blueprint.get("/services/<service_id>")
@shared_page
def service(service_id: str):
    listing = _listing_or_404(service_id)
    today = dt.date.today()
    return render_template(
        "public/service.html", service=listing, now=dt.datetime.now(),
        stale=listing.is_stale(today, current_app.config["STALE_AFTER_DAYS"]),
        markers=map_markers(listing, current_site_locale().code),
        facts=listing_facts(listing, current_site_locale().code),
    )


@blueprint.get("/services/<service_id>/print")
@shared_page
def service_print(service_id: str):
    listing = _listing_or_404(service_id)
    return render_template("public/service_print.html", service=listing, now=dt.datetime.now(),
                           stale=listing.is_stale(dt.date.today(), current_app.config["STALE_AFTER_DAYS"]),
                           facts=listing_facts(listing, current_site_locale().code))


@blueprint.get("/text-size")
def text_size():
    """The larger-text toggle: a cookie, so it works without JavaScript."""
    size = "large" if request.args.get("size") == "large" else "normal"
    target = safe_next(request.args.get("next")) or url_for("public.home")
    response = redirect(target)
    response.set_cookie(TEXT_SIZE_COOKIE, size, max_age=365 * 24 * 3600, **cookie_flags())
    return response
