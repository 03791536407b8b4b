"""The Urdu signposting sheet keeps phone numbers and times whole, in HTML and in the PDF.

In a right-to-left line the bidirectional algorithm reorders digits, spaces and commas by
their neighbours: two numbers printed "0116 ,0201 496 0116 / 0114 496" send a resident to
the wrong number. The PDF is checked through pypdf, which extracts text in drawing order.
"""
from __future__ import annotations

import re

import pytest

from .test_find_and_sheet import pdf_text  # noqa: F401  (the fixture)

LANGAR_ID = "6e87567d-d0ed-571b-b59d-6137eb27c8d3"  # Guru Amar Das Gurdwara: rings on 0116 496 0214 or 0115
NUMBERS = ("0116 496 0214", "0116 496 0115")
NOTE = "Ask for Meena at the door."  # the connector's words, in English on an Urdu sheet


def urdu_sheet(connector, fmt: str):
    assert connector.post("/en/connect/shortlist/add", data={"service_id": LANGAR_ID}).status_code == 303
    form = {"sheet_locale": "ur", "format": fmt, f"note-{LANGAR_ID}": NOTE}
    response = connector.post("/en/connect/sheet", data=form)
    assert response.status_code == 200
    return response


def test_urdu_sheet_isolates_each_phone_number_and_time_range(connector):
    html = urdu_sheet(connector, "html").get_data(as_text=True)
    assert '<html lang="ur" dir="rtl"' in html
    for number in NUMBERS:
        assert f'<bdi dir="ltr">{number}</bdi>' in html
    assert html.count('<bdi dir="ltr">10:30–13:30</bdi>') >= 2  # both columns' times (24-hour, as timetables)
    assert f'<bdi dir="ltr">{NOTE}</bdi>' in html  # its own direction: the full stop stays at its end


def test_urdu_sheet_pdf_draws_phone_numbers_and_times_left_to_right(connector, pdf_text, backend):  # noqa: F811
    if backend != "sqlite":
        pytest.skip("PDF rendering is checked on SQLite only")
    response = urdu_sheet(connector, "pdf")
    assert response.mimetype == "application/pdf"
    text = "".join(pdf_text(response.data))
    for number in NUMBERS:
        assert number in text, text  # without isolation: "0214 496 0116"
    assert "10:30–13:30" in text, text  # without isolation the run is reordered
    flowing = re.sub(r"\s+", " ", text)
    assert NOTE in flowing, text  # without: ".Ask for Meena at the door"
    assert "77 Harrison Road, Leicester, LE4 6QR" in flowing, text
