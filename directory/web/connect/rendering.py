"""Sheets and newsletters as HTML (for the screen and the browser's print) or PDF.

The same template makes both: ``for_pdf`` leaves out the screen-only parts and the web
font file (WeasyPrint uses the system's Noto fonts, which sheet.css names).
"""
from __future__ import annotations

from pathlib import Path

import datetime as dt
import re

from babel import Locale
from babel.dates import format_datetime, format_skeleton, match_skeleton
from flask import current_app, render_template
from flask_babel import force_locale, get_locale
from markupsafe import Markup

from ...connect.render_pool import render_pool
from ...i18n.locales import babel_locale

SHEET_CSS = "css/sheet.css"


def in_locale(locale: str, macro, *args, **kwargs) -> Markup:
    """Call a template macro with gettext and date formats in ``locale`` — how the sheet
    prints the participant's language and English side by side from one macro."""
    with force_locale(babel_locale(locale)):
        return macro(*args, **kwargs)


def day_and_date(moment: dt.datetime) -> str:
    """"Wednesday 2 December" in the order and words of the current locale (a CLDR
    pattern, not a fixed one: Chinese reads "12月2日星期三", not "星期三 2 12月").
    The sheet is printed in Leicester, so plain English is British English."""
    locale = _printed_locale()
    pattern = locale.datetime_skeletons[match_skeleton("MMMMEd", locale.datetime_skeletons)].pattern
    return format_datetime(moment, re.sub("E+", "EEEE", pattern), locale=locale)  # the weekday in full


def clock_time(moment: dt.datetime) -> str:
    """"14:00": the 24-hour clock British timetables use, in the current locale's digits."""
    return format_skeleton("Hm", moment, locale=_printed_locale())


def _printed_locale() -> Locale:
    """The current locale as the site formats it (``babel_locale``: plain English is en_GB)."""
    return Locale.parse(babel_locale(str(get_locale() or "en")))


def _stylesheet() -> Path:
    return Path(current_app.static_folder) / SHEET_CSS


def render_printable(template: str, for_pdf: bool = False, standalone: bool = False, **context) -> str:
    """The page; ``standalone`` puts the stylesheet inside it, for a file saved to disk."""
    inline_css = Markup(_stylesheet().read_text(encoding="utf-8")) if standalone else None
    return render_template(template, for_pdf=for_pdf, inline_css=inline_css, **context)


def printable_pdf(template: str, **context) -> bytes:
    """The PDF, made in the render pool (raises PdfBusy, PdfTooSlow or PdfUnavailable)."""
    html = render_printable(template, for_pdf=True, **context)
    config = current_app.config
    pool = render_pool(config.get("PDF_PROCESSES", 1), config.get("PDF_QUEUE", 4), config.get("PDF_TIMEOUT", 60))
    return pool.render(html, [_stylesheet()], base_url=current_app.static_folder)
