"""The signposting sheet on A4 (issue 17, point 5): three activities on three pages or fewer,
each note on the page of its activity, nothing under 14 pt, each column in its own script's
font and date order, a Gujarati listing read in English on a Chinese sheet, and a stale
listing's "ring first" on the sheet and on the large-print page."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from io import BytesIO
from xml.etree import ElementTree

import pytest

from directory.models import Service

from .test_find_and_sheet import ARTEFACTS, PLAN, compact

LUNCH_CLUB = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"  # written in Gujarati, with an English version
NOTES = ["Meena will ring the coordinator on Monday to say you are coming.",
         "Bring a cardigan: the hall can be cold in the morning, and ask for Hansaben at the door.",
         "The minibus can collect you if you ring the day before; tell them you use a walking frame."]


@pytest.fixture
def pdf_pages():
    """The PDF's text runs page by page: [[(text, size in pt, font name), ...], ...]."""
    from directory.connect.pdf import pdf_available

    if not pdf_available():
        pytest.skip("WeasyPrint/Pango are not installed: PDF tests SKIPPED (run scripts/install-pdf-deps.sh)")
    from pypdf import PdfReader

    def read(data: bytes) -> list[list[tuple[str, float, str]]]:
        pages = []
        for page in PdfReader(BytesIO(data)).pages:
            runs = []

            def visit(text, cm, tm, font, size, runs=runs):
                scale = (abs(tm[0] * cm[0] + tm[1] * cm[2]) ** 2 + abs(tm[0] * cm[1] + tm[1] * cm[3]) ** 2) ** 0.5
                if text.strip():
                    runs.append((text, round(size * scale, 1), str((font or {}).get("/BaseFont", ""))))
            page.extract_text(visitor_text=visit)
            pages.append(runs)
        return pages

    return read


def three_activities(indexed) -> list[str]:
    """The Gujarati lunch club and two more, the last one stale (never confirmed by its group)."""
    with indexed.session() as session:
        others = [service.id for service in session.query(Service).order_by(Service.id)
                  if service.id != LUNCH_CLUB and service.listing_status == "active"][:2]
        session.get(Service, others[-1]).last_verified = dt.date.today() - dt.timedelta(days=400)
    return [LUNCH_CLUB, *others]


def sheet(connector, ids, locale):
    for service_id in ids:
        assert connector.post("/en/connect/shortlist/add", data={"service_id": service_id}).status_code == 303
    notes = {f"note-{service_id}": note for service_id, note in zip(ids, NOTES)}
    response = connector.post("/en/connect/sheet", data=dict(PLAN, sheet_locale=locale, format="pdf", **notes))
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    return response.data


def page_of(pages, text: str) -> int:
    found = [number for number, runs in enumerate(pages) if compact(text) in compact("".join(r[0] for r in runs))]
    assert found, f"{text!r} is on no page"
    return found[0]


# A word of each note that pypdf keeps whole even where it reorders an Urdu page's English runs.
NOTE_WORDS = ["coordinator", "cardigan", "minibus"]


@pytest.mark.parametrize("locale", ["gu", "ur", "zh_Hans"])
def test_three_activities_with_notes_fit_three_pages(connector, indexed, pdf_pages, backend, locale):
    if backend != "sqlite":
        pytest.skip("PDF rendering is checked on SQLite only")
    pdf = sheet(connector, three_activities(indexed), locale)
    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    (ARTEFACTS / f"sheet-three-activities-{locale}.pdf").write_bytes(pdf)  # to look at when it fails
    pages = pdf_pages(pdf)
    assert len(pages) <= 3, f"{len(pages)} pages"


@pytest.mark.parametrize("locale", ["gu", "ur", "zh_Hans"])
def test_each_note_is_on_its_activitys_page_and_nothing_is_under_14pt(connector, indexed, pdf_pages, backend, locale):
    if backend != "sqlite":
        pytest.skip("PDF rendering is checked on SQLite only")
    ids = three_activities(indexed)
    pages = pdf_pages(sheet(connector, ids, locale))
    with indexed.session() as session:
        names = [session.get(Service, service_id).text_in("en")[0] for service_id in ids]
    for name, note, word in zip(names, NOTES, NOTE_WORDS):
        note_page = page_of(pages, word) if locale == "ur" else page_of(pages, note)
        assert note_page == page_of(pages, name), f"the note for {name!r} is on another page"
    runs = [run for page in pages for run in page]
    text = compact("".join(run[0] for run in runs))
    if locale != "ur":  # (pypdf reorders English runs on an Urdu page)
        assert not any(compact(":" + note) in text for note in NOTES)  # no stray ": " before a note
        assert compact("Not checked for a while: please ring before you go.") in text
    smallest = min(run[1] for run in runs)
    assert smallest >= 13.9, f"text at {smallest} pt"


def qr_boxes(pdf: bytes) -> list[list[tuple[float, float, float, float]]]:
    """Where each page draws its QR codes: (x0, y0, x1, y1) in points, origin top left. A code
    is an SVG, drawn as one path of hundreds of squares; nothing else on the sheet comes near."""
    from pypdf import PdfReader

    pages = []
    for page in PdfReader(BytesIO(pdf)).pages:
        height, boxes, points = float(page.mediabox.height), [], []

        def before(operator, operands, cm, tm, boxes=boxes, points=points, height=height):
            def place(x, y):
                points.append((x * cm[0] + y * cm[2] + cm[4], x * cm[1] + y * cm[3] + cm[5]))
            if operator in (b"m", b"l"):
                place(float(operands[0]), float(operands[1]))
            elif operator == b"re":
                x, y, width, tall = map(float, operands)
                place(x, y)
                place(x + width, y + tall)
            elif operator in (b"f", b"f*", b"B", b"B*", b"S", b"n"):  # the path is painted (or dropped)
                if len(points) > 200:
                    xs, ys = [x for x, _ in points], [y for _, y in points]
                    boxes.append((min(xs), height - max(ys), max(xs), height - min(ys)))
                points.clear()
        page.extract_text(visitor_operand_before=before)
        pages.append(boxes)
    return pages


def word_boxes(pdf: bytes, tmp_path) -> list[list[tuple[str, float, float, float, float]]]:
    """Each word and its box per page, as poppler lays the text out (pdftotext -bbox)."""
    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext (poppler-utils, scripts/install-pdf-deps.sh) is not installed")
    (tmp_path / "sheet.pdf").write_bytes(pdf)
    subprocess.run(["pdftotext", "-bbox", str(tmp_path / "sheet.pdf"), str(tmp_path / "sheet.html")], check=True)
    tree = ElementTree.parse(tmp_path / "sheet.html")
    return [[(word.text or "", *(float(word.get(k)) for k in ("xMin", "yMin", "xMax", "yMax")))
             for word in page.iter("{http://www.w3.org/1999/xhtml}word")]
            for page in tree.iter("{http://www.w3.org/1999/xhtml}page")]


@pytest.mark.parametrize("locale", ["gu", "ur"])
def test_no_word_is_printed_under_a_qr_code(connector, indexed, backend, locale, tmp_path):
    """The code once floated beside the facts' grid, which WeasyPrint does not flow around: it
    was printed over the venue's address ("Belgrave Neighbourhood Centr▩")."""
    if backend != "sqlite":
        pytest.skip("PDF rendering is checked on SQLite only")
    pdf = sheet(connector, three_activities(indexed), locale)
    codes, words = qr_boxes(pdf), word_boxes(pdf, tmp_path)
    assert sum(map(len, codes)) == 3, "one QR code per activity"
    under = [(number, word) for number, (boxes, page_words) in enumerate(zip(codes, words), 1)
             for word, x0, y0, x1, y1 in page_words for bx0, by0, bx1, by1 in boxes
             if x0 < bx1 - 0.5 and bx0 + 0.5 < x1 and y0 < by1 - 0.5 and by0 + 0.5 < y1]
    assert not under, f"words printed under a QR code: {under}"


def test_urdu_sheet_sets_its_english_column_in_a_latin_font(connector, indexed, pdf_pages, backend):
    if backend != "sqlite":
        pytest.skip("PDF rendering is checked on SQLite only")
    pages = pdf_pages(sheet(connector, three_activities(indexed), "ur"))
    english = [run for runs in pages for run in runs if "Senior Citizens" in run[0] or "Next dates" in run[0]]
    assert english and not any("Nastaliq" in font or "Arabic" in font for _text, _size, font in english)


def test_chinese_sheet_reads_dates_in_chinese_order_and_falls_back_to_english(connector, indexed, pdf_pages, backend):
    if backend != "sqlite":
        pytest.skip("PDF rendering is checked on SQLite only")
    pages = pdf_pages(sheet(connector, three_activities(indexed), "zh_Hans"))
    text = compact("".join(run[0] for runs in pages for run in runs))
    with indexed.session() as session:
        lunch = session.get(Service, LUNCH_CLUB)
        gujarati_name, english_name = lunch.name, lunch.text_in("en")[0]
        first = lunch.next_sessions(count=1)[0].starts
    assert compact(gujarati_name) not in text and text.count(compact(english_name)) == 2
    assert f"{first.month}月{first.day}日" in text


def test_large_print_page_says_ring_first_for_a_stale_listing(client, indexed):
    stale = three_activities(indexed)[-1]
    page = client.get(f"/en/services/{stale}/print").get_data(as_text=True)
    assert "Please ring before you go." in page
    fresh = client.get(f"/en/services/{LUNCH_CLUB}/print").get_data(as_text=True)
    assert "Please ring before you go." not in fresh
