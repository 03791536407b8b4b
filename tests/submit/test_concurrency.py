"""200 submissions sent at once from 10 clients, through a real threaded HTTP server on
loopback: every one is saved and waiting in the moderation queue (SQLite in WAL mode, and
PostgreSQL when reachable)."""
from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import requests

from directory.submissions import moderation_queue
from tests.loopback import LoopbackServer

from .support import CSRF, POLISH_WALK

CLIENTS, EACH = 10, 20


def send_listings(base_url: str, client_number: int, each: int = EACH) -> list[int]:
    """One volunteer's browser: fetch the form once, then send ``each`` listings."""
    with requests.Session() as browser:
        form = browser.get(f"{base_url}/pl/list-your-group/", timeout=30).text
        token = CSRF.search(form).group(1)
        codes = []
        for number in range(each):
            answers = dict(POLISH_WALK, name=f"Spacer nr {client_number}-{number}", action="send", csrf_token=token,
                           phone=f"0116 496 {client_number:02d}{number:02d}")
            response = browser.post(f"{base_url}/pl/list-your-group/", data=answers, allow_redirects=False, timeout=60)
            codes.append(response.status_code)
        return codes


def test_200_submissions_from_10_clients_at_once_all_reach_the_database_and_the_queue(app, seeded_db):
    app.config["SUBMIT_RATE_LIMIT"] = "1000 per minute"
    with LoopbackServer(app) as server, ThreadPoolExecutor(CLIENTS) as pool:
        results = list(pool.map(lambda number: send_listings(server.url, number), range(CLIENTS)))
    codes = [code for client in results for code in client]
    assert codes == [302] * (CLIENTS * EACH)
    with seeded_db.session() as session:
        queue = moderation_queue(session, dt.date.today(), 183)
        names = {item.payload["name"] for item in queue.new}
    assert len(queue.new) == CLIENTS * EACH
    assert names == {f"Spacer nr {c}-{n}" for c in range(CLIENTS) for n in range(EACH)}
