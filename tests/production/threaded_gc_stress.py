"""Run by test_threaded_gc.py in a process of its own: the smallest load that crashed CPython
3.11.7 (issue 18). Eight threads ask a Flask app for every taxonomy term as ORM objects, with
their translations and JSON synonyms (what the home page's category tree loaded then), through
a request-scoped session, with the cyclic garbage
collector made to run every twenty allocations. On 3.11.7 the process died of SIGSEGV within
8–13 seconds (heap corruption found by the collector); on 3.12 it runs clean.

Usage: python threaded_gc_stress.py DATABASE_URL SECONDS
"""
import gc
import sys
import threading
import time

from flask import Flask
from sqlalchemy import select

from directory.db import Database
from directory.models import TaxonomyTerm
from directory.web.context import close_session, db_session


def main(url: str, seconds: float) -> None:
    app = Flask(__name__)
    app.extensions["directory.db"] = Database(url)
    app.teardown_appcontext(close_session)

    @app.get("/tree")
    def tree():
        terms = db_session().scalars(select(TaxonomyTerm).order_by(TaxonomyTerm.name)).all()
        return {"words": sum(len(term.all_words()) for term in terms)}

    gc.set_threshold(20, 2, 2)
    deadline, done, failures = time.monotonic() + seconds, [0], []

    def visitor() -> None:
        client = app.test_client()
        while time.monotonic() < deadline:
            response = client.get("/tree")
            if response.status_code != 200 or not response.json["words"]:
                failures.append(response.status_code)
                return
            done[0] += 1

    threads = [threading.Thread(target=visitor) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    print(f"{done[0]} requests, {len(failures)} failures")
    sys.exit(1 if failures or not done[0] else 0)


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]))
