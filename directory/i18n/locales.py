"""The site's locales: their URL slugs, names in their own script and text direction.

Babel identifiers (``zh_Hans``) are what catalogues and listing translations use; the
URL carries a lowercase BCP 47 tag (``/zh-hans/``) because that is what people and
search engines expect to see.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

CATALOGUE_DIR = Path(__file__).resolve().parent / "translations"  # <code>/LC_MESSAGES/messages.po and .mo


@dataclass(frozen=True)
class SiteLocale:
    code: str          # Babel / catalogue identifier
    slug: str          # URL prefix
    html_lang: str     # BCP 47 for <html lang>
    native_name: str   # shown in the language switcher, in its own script
    direction: str = "ltr"
    formats: str = ""  # Babel locale for dates, times and numbers when it is not ``code``

    @property
    def babel_locale(self) -> str:
        return self.formats or self.code


SITE_LOCALES = (
    SiteLocale("en", "en", "en-GB", "English", formats="en_GB"),  # a UK site: "Thursday 3 December 2026"
    SiteLocale("gu", "gu", "gu", "ગુજરાતી"),
    SiteLocale("pl", "pl", "pl", "Polski"),
    SiteLocale("zh_Hans", "zh-hans", "zh-Hans", "简体中文"),
    SiteLocale("zh_Hant", "zh-hant", "zh-Hant", "繁體中文"),
    SiteLocale("ur", "ur", "ur", "اردو", "rtl"),
)
BY_SLUG = {locale.slug: locale for locale in SITE_LOCALES}
BY_CODE = {locale.code: locale for locale in SITE_LOCALES}
DEFAULT = BY_CODE["en"]


def locale_for_slug(slug: str | None) -> SiteLocale | None:
    return BY_SLUG.get((slug or "").lower())


def babel_locale(code: str) -> str:
    """The Babel locale that formats dates, numbers and plurals for a site locale ("en" →
    "en_GB": plain "en" is CLDR's American English, "December 3, 2026" and "12/2/26")."""
    site_locale = BY_CODE.get(code)
    return site_locale.babel_locale if site_locale else code


# Where a UK reader expects other than CLDR's pattern: GOV.UK style writes "Thursday 3
# December 2026", without CLDR en_GB's comma after the day's name.
DATE_PATTERNS = {("en_GB", "full"): "EEEE d MMMM y"}


def date_pattern(babel_code: str, format: str) -> str:
    """The Babel date format to use for ``format`` ("full", "long", or a pattern) in a locale."""
    return DATE_PATTERNS.get((babel_code, format), format)


def html_lang_for(code: str) -> str:
    """BCP 47 tag for a content locale (listing text may be in a locale the UI lacks)."""
    site_locale = BY_CODE.get(code)
    return site_locale.html_lang if site_locale else code.replace("_", "-")


@functools.lru_cache(maxsize=4096)
def display_language_name(code: str, reader_locale: str) -> str:
    """Name of a spoken language (ISO 639 code) in the reader's language, via Babel's CLDR data.

    Kept per (code, locale): a results page names each language of every card and facet, and
    Babel's parse and lookup cost ~10 µs a name, ~250 times a page."""
    from babel import Locale, UnknownLocaleError

    try:
        return Locale.parse(reader_locale).languages.get(code.replace("-", "_").split("_")[0]) or code
    except (UnknownLocaleError, ValueError):
        return code


def negotiate(accept_languages: list[tuple[str, float]]) -> SiteLocale:
    """Pick a site locale from Accept-Language (best first); zh-TW/HK/MO mean Traditional."""
    for tag, _quality in accept_languages:
        tag = tag.lower().replace("_", "-")
        if tag.startswith("zh"):
            traditional = any(part in tag for part in ("hant", "-tw", "-hk", "-mo"))
            return BY_CODE["zh_Hant" if traditional else "zh_Hans"]
        primary = tag.split("-")[0]
        if primary in BY_CODE:
            return BY_CODE[primary]
    return DEFAULT


def content_language(text: str | None, listing_locale: str) -> str:
    """BCP 47 tag for a piece of listing text whose language was not declared.

    ORUK's free-text fields (how to apply, fees, schedule notes, bus routes) have no
    language of their own; groups often write them in English even when the listing is in
    Gujarati. The script tells most of it: Latin text in a Latin-script listing is in the
    listing's language, otherwise Latin text is taken as English, and Gujarati, Han or Arabic
    script text as that script's language.
    """
    from ..search.scripts import detect_query_languages, detect_script

    script = detect_script(text or "")
    listing_script = detect_script({"en": "a", "pl": "a"}.get(listing_locale.split("_")[0], "")) if listing_locale else ""
    if script == "latin":
        return html_lang_for(listing_locale if listing_script == "latin" else "en")
    if script == "han" and listing_locale.startswith("zh"):
        return html_lang_for(listing_locale)
    if script in ("other", ""):
        return html_lang_for(listing_locale)
    return html_lang_for(detect_query_languages(text)[0])
