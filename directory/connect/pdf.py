"""HTML to PDF with WeasyPrint, which shapes Gujarati and Chinese through Pango/HarfBuzz.

WeasyPrint needs Pango from the operating system (``scripts/install-pdf-deps.sh``); where
it is missing, ``PdfUnavailable`` says so and the pages offer the browser's own
"print to PDF" instead. Fonts come from the system's Noto packages, named in sheet.css.
"""
from __future__ import annotations

from pathlib import Path


class PdfUnavailable(RuntimeError):
    """WeasyPrint or the system libraries it needs (Pango) are not installed."""


def _weasyprint():
    try:
        import weasyprint
    except (ImportError, OSError) as error:  # OSError: the Pango shared libraries are missing
        raise PdfUnavailable(f"WeasyPrint cannot run here ({error}); run scripts/install-pdf-deps.sh") from error
    return weasyprint


def pdf_problem() -> str | None:
    """Why PDFs cannot be made here, with the fix; None when they can."""
    try:
        _weasyprint()
    except PdfUnavailable as error:
        return str(error)
    return None


def pdf_available() -> bool:
    return pdf_problem() is None


def html_to_pdf(html: str, stylesheets: list[Path], base_url: str | None = None) -> bytes:
    """Render ``html`` with ``stylesheets`` (local files) to PDF bytes. Nothing is fetched
    from the network: the pages link no remote resource, and images are data: URIs."""
    weasyprint = _weasyprint()
    document = weasyprint.HTML(string=html, base_url=base_url)
    return document.write_pdf(stylesheets=[weasyprint.CSS(filename=str(path)) for path in stylesheets])
