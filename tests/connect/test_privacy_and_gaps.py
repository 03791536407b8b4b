"""Nothing about a participant reaches the server's database or logs; what was searched for
and not found is counted — by district, category, language and week only."""
from __future__ import annotations

import csv
import io
import logging
from pathlib import Path

from sqlalchemy import inspect, select, text
from sqlalchemy.engine import make_url

from directory.connect.gaps import week_of
from directory.models import GapCount
from tests.loopback import LoopbackServer

from .conftest import CONNECTOR, TOKEN, make_account
from .test_find_and_sheet import PLAN, find

# A real-looking Belgrave postcode that is nowhere in the sample data, so finding it anywhere
# afterwards can only mean the workspace stored it.
PARTICIPANT_POSTCODE = "LE4 5QX"
NOTE = "Hansaben prefers the front row"


def database_text(database) -> str:
    """Every value in every table, as text (both backends)."""
    with database.engine.connect() as connection:
        tables = inspect(connection).get_table_names()
        rows = [repr(tuple(row)) for table in sorted(tables) for row in connection.execute(text(f'SELECT * FROM "{table}"'))]
    return "\n".join(rows)


def sqlite_bytes(database) -> bytes:
    """The SQLite file and its write-ahead log, raw: deleted rows linger in free pages."""
    if database.engine.dialect.name != "sqlite":
        return b""
    path = Path(make_url(database.url).database)
    return b"".join(candidate.read_bytes() for candidate in (path, Path(f"{path}-wal")) if candidate.exists())


def traces(postcode: str) -> list[str]:
    compact = postcode.replace(" ", "")
    return [postcode, compact, postcode.replace(" ", "+"), postcode.replace(" ", "%20"), postcode.lower()]


def test_participant_postcode_needs_and_plan_never_reach_the_database_or_the_logs(connector, indexed, caplog):
    caplog.set_level(logging.DEBUG)
    logging.getLogger("werkzeug").setLevel(logging.DEBUG)
    ids = find(connector, [("postcode", PARTICIPANT_POSTCODE), ("reach", "bus"), ("language", "gu"),
                           ("access", "step_free")])
    connector.post("/en/connect/shortlist/add", data={"service_id": ids[0]})
    connector.post("/en/connect/shortlist", data={f"note-{ids[0]}": NOTE, "action": "save"})
    sheet = connector.post("/en/connect/sheet", data=dict(PLAN, sheet_locale="gu", format="html"))
    assert PLAN["visit_place"] in sheet.get_data(as_text=True) and NOTE in sheet.get_data(as_text=True)
    connector.post("/en/connect/finish")

    secrets = traces(PARTICIPANT_POSTCODE) + [NOTE] + list(PLAN.values())
    stored = database_text(indexed)
    raw = sqlite_bytes(indexed)
    logged = "\n".join(record.getMessage() for record in caplog.records) + caplog.text
    for secret in secrets:
        assert secret not in stored, f"{secret!r} is in the database"
        assert secret.encode() not in raw, f"{secret!r} is in the database file"
        assert secret not in logged, f"{secret!r} is in the log"


class RealBrowserSession:
    """urllib with a cookie jar against a real werkzeug server: what a browser sends."""

    def __init__(self, base_url: str):
        import http.cookiejar
        import urllib.request

        self.base_url = base_url
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        self.token = None

    def get(self, path: str) -> str:
        page = self.opener.open(self.base_url + path, timeout=30).read().decode("utf-8")
        match = TOKEN.search(page)
        self.token = match.group(1) if match else self.token
        return page

    def post(self, path: str, form: list[tuple[str, str]]) -> str:
        from urllib.parse import urlencode

        body = urlencode(form + [("csrf_token", self.token)]).encode()
        return self.opener.open(self.base_url + path, data=body, timeout=30).read().decode("utf-8")


def test_real_server_access_log_carries_no_postcode(indexed, csrf_on, caplog):
    """The access log of a real server (not the test client): the needs form is POSTed and
    the results page is a plain redirect, so no logged request line holds the postcode."""
    caplog.set_level(logging.INFO, logger="werkzeug")
    make_account(indexed, *CONNECTOR, role="connector")
    with LoopbackServer(csrf_on) as server:
        browser = RealBrowserSession(server.url)
        browser.get("/en/staff/login")
        browser.post("/en/staff/login", [("email", CONNECTOR[0]), ("password", CONNECTOR[1])])
        browser.get("/en/connect/")
        results = browser.post("/en/connect/find", [("postcode", PARTICIPANT_POSTCODE), ("reach", "bus"),
                                                    ("language", "gu")])
    assert "data-result-id" in results
    logged = caplog.text
    assert "POST /en/connect/find" in logged and "GET /en/connect/results" in logged
    assert not any(trace in logged for trace in traces(PARTICIPANT_POSTCODE))


def fruitless_search(connector):
    """A Somali speaker in Belgrave who can only walk and wants a digital skills class:
    the sample directory has nothing for them."""
    return find(connector, [("postcode", PARTICIPANT_POSTCODE), ("reach", "walk"), ("language", "so"),
                            ("interest", "digital-skills")])


def test_a_search_that_finds_nothing_is_counted_and_shown_in_the_gap_report(connector, indexed):
    assert fruitless_search(connector) == []
    assert fruitless_search(connector) == []
    with indexed.session() as session:
        rows = [(row.district, row.category, row.language, row.week, row.count) for row in session.scalars(select(GapCount))]
    assert rows == [("LE4", "digital-skills", "so", week_of(__import__("datetime").date.today()), 2)]
    page = connector.get("/en/connect/gaps").get_data(as_text=True)
    assert "LE4" in page and "Somali" in page and "Digital skills" in page and 'class="bar"' in page


def test_gap_report_csv_holds_counts_and_no_personal_data(connector, indexed):
    fruitless_search(connector)
    response = connector.get("/en/connect/gaps.csv")
    assert response.mimetype == "text/csv"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert [(row["district"], row["category"], row["language"], row["searches_with_no_suitable_result"])
            for row in rows] == [("LE4", "digital-skills", "so", "1")]
    assert not any(trace in response.get_data(as_text=True) for trace in traces(PARTICIPANT_POSTCODE))
    assert set(rows[0]) == {"district", "category", "language", "week", "searches_with_no_suitable_result"}


def test_a_search_with_results_is_not_counted_as_a_gap(connector, indexed):
    assert find(connector, [("postcode", "LE4 5AA"), ("reach", "bus"), ("language", "gu")])
    with indexed.session() as session:
        assert session.scalars(select(GapCount)).all() == []
