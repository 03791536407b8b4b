"""Issue 18: the server process died of SIGSEGV under ordinary concurrent browsing.

The cause was the interpreter: CPython 3.11.7 corrupted its heap when the cyclic garbage
collector ran while several threads built ORM objects (docs/ARCHITECTURE.md, "The server
crash"). The project now requires Python 3.12 or newer. This test replays the smallest load
that crashed 3.11.7 — in seconds, with the collector made to run often — in a process of its
own, so a return to an interpreter with that fault fails here instead of in production.
"""
import subprocess
import sys
from pathlib import Path

import pytest


STRESS = Path(__file__).with_name("threaded_gc_stress.py")
SECONDS = 20  # 3.11.7 died within 8–13 s in every run


def test_the_interpreter_is_one_the_server_can_run_on():
    assert sys.version_info >= (3, 12), "CPython 3.11 crashes under threaded load (issue 18)"


@pytest.mark.parametrize("backend", ["sqlite"])  # the fault was the interpreter's, whatever the driver
def test_threads_building_orm_objects_while_the_collector_runs_do_not_crash(seeded_db, database_url):
    """On SQLite only, the database the crashing dev server ran on: the heap corruption was
    CPython's own, with either driver, and the run is 20 s of one core."""
    result = subprocess.run([sys.executable, "-X", "faulthandler", str(STRESS), database_url, str(SECONDS)],
                            capture_output=True, text=True, timeout=SECONDS + 120)
    assert result.returncode == 0, (f"exit status {result.returncode}\n{result.stdout}\n"
                                    f"{result.stderr[-4000:]}")
    assert "0 failures" in result.stdout
