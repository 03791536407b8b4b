"""Sheets and newsletters as HTML (for the screen and the browser's print) or PDF.

The same template makes both: ``for_pdf`` leaves out the screen-only parts and the web
font file (WeasyPrint uses the system's Noto fonts, which sheet.css names).
"""
from __future__ import annotations

from pathlib import Path

from flask import current_app, render_template
from flask_babel import force_locale
from markupsafe import Markup

from ...connect.render_pool import render_pool
from ...i18n.locales import babel_locale

SHEET_CSS = "css/sheet.css"


def in_locale(locale: str, macro, *args, **kwargs) -> Markup:
    """Call a template macro with gettext and date formats in ``locale`` — how the sheet
    prints the participant's language and English side by side from one macro."""
    with force_locale(babel_locale(locale)):
        return macro(*args, **kwargs)


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
