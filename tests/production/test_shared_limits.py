"""Rate limits that hold across gunicorn workers (issue 16, finding 6): with two workers
and the default storage, 30 wrong passwords from one address got 20 tries against an
advertised 10 per minute. Now the workers count together (in the database by default),
and `serve --prod` refuses per-worker memory counting for more than one worker."""
from __future__ import annotations

import re

import requests
from click.testing import CliRunner

from directory.cli import main
from directory.serving import UnsharedRateLimits, shared_limit_storage

from .test_gunicorn_serving import SECRET, GunicornServer

TOKEN = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')


def test_two_workers_count_sign_in_attempts_together(seeded_postgres, tmp_path):
    with GunicornServer(tmp_path, seeded_postgres, workers=2) as server:
        browser = requests.Session()
        token = TOKEN.search(browser.get(f"{server.url}/en/staff/login", timeout=30).text).group(1)
        codes = []
        for number in range(16):  # a new address each time: the per-account lock is not what is measured
            codes.append(browser.post(f"{server.url}/en/staff/login", timeout=60, headers={"Connection": "close"},
                                      data={"email": f"guess{number}@example.org", "password": "guess",
                                            "csrf_token": token}).status_code)
    assert codes[:10] == [400] * 10 and codes[10:] == [429] * 6, codes


def test_production_mode_refuses_to_count_limits_per_worker(tmp_path, monkeypatch):
    monkeypatch.setenv("DIRECTORY_INSTANCE_DIR", str(tmp_path))
    monkeypatch.setenv("DIRECTORY_SECRET_KEY", SECRET)
    monkeypatch.setenv("DIRECTORY_RATELIMIT_STORAGE_URI", "memory://")
    result = CliRunner().invoke(main, ["serve", "--prod", "--workers", "2"])
    assert result.exit_code != 0 and "counts rate limits per worker" in result.output


def test_the_limit_storage_for_several_workers_is_shared():
    assert shared_limit_storage(3, {}) == "database://"
    assert shared_limit_storage(1, {}) == "memory://"
    assert shared_limit_storage(4, {"DIRECTORY_RATELIMIT_STORAGE_URI": "redis://127.0.0.1:6379"}) \
        == "redis://127.0.0.1:6379"
    try:
        shared_limit_storage(2, {"DIRECTORY_RATELIMIT_STORAGE_URI": "memory://"})
    except UnsharedRateLimits:
        pass
    else:
        raise AssertionError("memory:// with two workers must be refused")
