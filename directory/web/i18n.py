"""Locale selection for every request: URL prefix, then cookie, then Accept-Language."""
from __future__ import annotations

import functools

from flask import Flask, abort, g, request, url_for
from flask_babel import Babel, format_currency, format_date, format_time, get_locale, get_timezone

from .. import vocabulary
from ..i18n.detect import text_direction
from . import listing_words, template_gettext
from .cookies import cookie_flags
from ..i18n.locales import (BY_CODE, CATALOGUE_DIR, SITE_LOCALES, content_language, date_pattern, display_language_name,
                            html_lang_for, locale_for_slug, negotiate)

LOCALE_COOKIE = "locale"


def current_site_locale():
    """The SiteLocale of this request (set by the URL preprocessor or negotiated)."""
    if "site_locale" not in g:
        cookie = BY_CODE.get(request.cookies.get(LOCALE_COOKIE, ""))
        g.site_locale = cookie or negotiate(list(request.accept_languages))
    return g.site_locale


def same_page_in(site_locale) -> str:
    """This page in another language, query and all: switching language on a results page
    keeps the search (``q``, ``postcode``, filters, page), not just the page's address.

    Arguments starting with "_" are dropped: ``url_for`` reads ``_external`` or ``_scheme``
    as instructions, and the query string is the visitor's to write."""
    if request.endpoint is None:  # an unrouted address (404): that language's home page
        return url_for("public.home", lang=site_locale.slug)
    args = {name: values for name, values in request.args.lists() if not name.startswith("_")}
    args.update(request.view_args or {})
    args["lang"] = site_locale.slug
    return url_for(request.endpoint, **args)


def init_app(app: Flask) -> None:
    Babel(app, locale_selector=lambda: current_site_locale().babel_locale,
          default_translation_directories=str(CATALOGUE_DIR))
    template_gettext.install(app)

    @app.url_value_preprocessor
    def pick_locale_from_url(_endpoint, values):
        if values and "lang" in values:
            site_locale = locale_for_slug(values.pop("lang"))
            if site_locale is not None:
                g.site_locale = g.locale_from_url = site_locale
            else:
                g.unknown_locale = True

    @app.url_defaults
    def add_locale_to_urls(endpoint, values):
        if "lang" not in values and app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = current_site_locale().slug

    @app.after_request
    def remember_locale(response):
        """Remember a language the person chose (by URL), not one we merely guessed."""
        site_locale = g.get("locale_from_url")
        if site_locale is not None and request.cookies.get(LOCALE_COOKIE) != site_locale.code:
            response.set_cookie(LOCALE_COOKIE, site_locale.code, max_age=365 * 24 * 3600, **cookie_flags())
        return response

    @app.context_processor
    def locale_context():
        return {"site_locale": current_site_locale()}

    app.jinja_env.globals.update(site_locales=SITE_LOCALES, site_locales_by_code=BY_CODE,
                                 site_locale_codes=tuple(BY_CODE), html_lang_for=html_lang_for, vocabulary=vocabulary,
                                 content_language=content_language, text_direction=text_direction,
                                 same_page_in=same_page_in, list_of=listing_words.list_of,
                                 date_with_time=listing_words.date_with_time,
                                 cost_option_label=listing_words.cost_option_label,
                                 cost_option_kind=listing_words.cost_option_kind,
                                 schedule_summary=listing_words.schedule_summary)
    app.add_template_filter(listing_words.list_of, "list_of")
    app.add_template_filter(listing_words.vocabulary_label, "vocabulary_label")

    @app.template_filter("dateformat")
    def date_in_house_style(value, format: str = "medium") -> str:
        """Flask-Babel's ``dateformat``, with the site's own pattern where CLDR's differs."""
        locale = str(get_locale())
        return _formatted(format_date, locale, value, date_pattern(locale, format))

    @app.template_filter("timeformat")
    def time_in_locale(value, format: str = "medium") -> str:
        """Flask-Babel's ``timeformat``, remembered (see ``_formatted``)."""
        return _formatted(format_time, str(get_locale()), value, format)

    @app.template_filter("currencyformat")
    def currency_in_locale(number, currency, *args, **kwargs) -> str:
        """Flask-Babel's ``currencyformat``, remembered per locale, amount and currency (a
        results page prices each of its cards; the same few prices recur)."""
        if args or kwargs or number is None:
            return format_currency(number, currency, *args, **kwargs)
        return _remembered_format(format_currency, str(get_locale()), "", number, currency)

    @app.template_filter("language_name")
    def language_name(code: str) -> str:
        """A language's name in the reader's language ("gu" → "ગુજરાતી" for a Gujarati reader)."""
        return display_language_name(code, current_site_locale().code)


def _formatted(formatter, locale: str, value, format: str) -> str:
    """``formatter(value, format)`` in the current locale and time zone, remembered for each.

    Why: a results card formats its next session's day and time, and Babel took ~15 and
    ~33 µs for them, a fifth of a card; the same few days and opening times recur on every
    page. ``None`` (now) is never remembered."""
    if value is None:
        return formatter(value, format)
    return _remembered_format(formatter, locale, str(get_timezone()), value, format)


@functools.lru_cache(maxsize=16_384)
def _remembered_format(formatter, _locale: str, _timezone: str, value, format: str) -> str:
    # The locale and time zone are the caller's current ones: they are in the key because
    # the formatter reads them from the request.
    return formatter(value, format)


def refuse_unknown_locale() -> None:
    """404 for a page asked for in a language the site does not have (``/xx/…``): the
    blueprints whose every page is written in a locale call it before their views."""
    if g.get("unknown_locale"):
        abort(404)
