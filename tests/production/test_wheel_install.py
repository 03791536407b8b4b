"""The wheel serves the whole site: built, installed into a fresh virtualenv outside the
checkout and run from another folder, as someone installing the package does (issue 14).

One module fixture builds the wheel (``python -m build --wheel``), installs it without its
dependencies into a new virtualenv in a temporary folder, and runs ``directory init``,
``directory seed`` and ``directory serve`` from an empty folder. The dependencies come from
this project's virtualenv through a .pth file read after the fresh site-packages (so nothing
is downloaded); .pth files are not processed in a folder added that way, so the editable
install of the checkout is not importable there — the fixture checks that ``directory`` is
the wheel's copy. Everything the pages need must therefore come out of the wheel.

uv (a test dependency) builds, makes the virtualenv and installs when it is there, with its
cache in the checkout's .cache/uv: the build's own isolated environment (setuptools, wheel,
babel) then comes from that cache instead of the network, and the whole step takes seconds
where ``python -m build`` and pip took minutes. Without uv, ``build`` and pip do the same.
"""
from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import sysconfig
import time
import zipfile
from pathlib import Path
from urllib.parse import quote

import pytest
import requests
from babel.messages.pofile import read_po

from directory.i18n.locales import SITE_LOCALES

from .conftest import free_port

PROJECT_ROOT = Path(__file__).resolve().parents[2]
CATALOGUES = PROJECT_ROOT / "directory" / "i18n" / "translations"
LUNCH_CLUB_ID = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"  # a Gujarati lunch club in seed_data/services/belgrave.json
SEARCHES = {"en": "lunch club", "gu": "ભોજન", "pl": "klub obiadowy", "zh-hans": "午餐", "zh-hant": "午餐",
            "ur": "lunch club"}
PAGE_LABEL, PRINT_LABEL = "Skip to main content", "Back to the full listing"  # base.html, service_print.html


UV_CACHE = PROJECT_ROOT / ".cache" / "uv"  # kept between runs; .gitignore leaves it out


def uv_binary() -> str | None:
    """The uv executable installed with the test dependencies, or None (then build and pip)."""
    try:
        from uv import find_uv_bin
    except ImportError:
        return None
    try:
        return find_uv_bin()
    except FileNotFoundError:
        return None


def run(command: list, cwd: Path, env: dict | None = None, expect: int = 0) -> str:
    result = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                            timeout=900)
    assert result.returncode == expect, (f"{command} exited {result.returncode}:\n"
                                         f"{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result.stdout


class InstalledSite:
    """A wheel installed in ``venv`` and served by its own ``directory serve`` from ``site``."""

    def __init__(self, root: Path):
        self.root, self.venv, self.site = root, root / "venv", root / "site"
        self.wheel: Path | None = None
        self.env = {name: value for name, value in os.environ.items()
                    if not name.startswith("DIRECTORY_") and name not in ("PYTHONPATH", "VIRTUAL_ENV")}
        self.env["PATH"] = f"{self.venv / 'bin'}{os.pathsep}{self.env.get('PATH', '')}"
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server: subprocess.Popen | None = None

    def build_and_install(self) -> None:
        started = time.perf_counter()
        uv = uv_binary()
        python = self.venv / "bin" / "python"
        if uv:
            # This interpreter for the build and the virtualenv: uv never fetches one of its own.
            uv_env = dict(os.environ, UV_CACHE_DIR=str(UV_CACHE), UV_PYTHON=sys.executable, UV_PYTHON_DOWNLOADS="never")
            run([uv, "build", "--quiet", "--wheel", "--out-dir", self.root / "dist", PROJECT_ROOT], cwd=self.root,
                env=uv_env)
        else:
            run([sys.executable, "-m", "build", "--wheel", "--outdir", self.root / "dist", PROJECT_ROOT],
                cwd=self.root)
        self.wheel, = (self.root / "dist").glob("community_signpost-*.whl")
        self.build_seconds = time.perf_counter() - started
        if uv:
            run([uv, "venv", "--quiet", "--python", sys.executable, self.venv], cwd=self.root, env=uv_env)
            run([uv, "pip", "install", "--quiet", "--python", python, "--no-deps", "--no-index", self.wheel],
                cwd=self.root, env=uv_env)
        else:
            run([sys.executable, "-m", "venv", "--without-pip", self.venv], cwd=self.root)
            run([sys.executable, "-m", "pip", "--python", python, "install", "--quiet", "--no-deps", "--no-index",
                 self.wheel], cwd=self.root)
        fresh_purelib = Path(run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                 cwd=self.root).strip())
        ours = dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]])
        (fresh_purelib / "zz_project_dependencies.pth").write_text("".join(f"{path}\n" for path in ours))
        self.site.mkdir()
        imported = run([python, "-c", "import directory; print(directory.__file__)"], cwd=self.site, env=self.env)
        assert Path(imported.strip()).is_relative_to(self.venv), f"directory imported from {imported}, not the wheel"

    def directory(self, *args: str, expect: int = 0, env: dict | None = None) -> str:
        return run([self.venv / "bin" / "directory", *args], cwd=self.site, env=dict(self.env, **(env or {})),
                   expect=expect)

    def serve(self) -> None:
        log = (self.root / "server.log").open("wb")
        self.server = subprocess.Popen([self.venv / "bin" / "directory", "serve", "--port", str(self.port)],
                                       cwd=self.site, env=self.env, stdout=log, stderr=subprocess.STDOUT,
                                       start_new_session=True)
        deadline = time.monotonic() + 180  # as tests/production's gunicorn: a loaded 2-core machine is slow to start
        while time.monotonic() < deadline:
            assert self.server.poll() is None, f"directory serve exited:\n{self.log()}"
            try:
                if requests.get(f"{self.url}/en/", timeout=5).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.2)
        raise AssertionError(f"directory serve did not answer within 180 s:\n{self.log()}")

    def get(self, path: str) -> requests.Response:
        return requests.get(f"{self.url}{path}", timeout=60)

    def log(self) -> str:
        return (self.root / "server.log").read_text(errors="replace")[-5000:]

    def stop(self) -> None:
        if self.server is not None and self.server.poll() is None:
            os.killpg(self.server.pid, signal.SIGTERM)
            self.server.wait(timeout=30)


@pytest.fixture(scope="module")
def installed_site(tmp_path_factory):
    site = InstalledSite(tmp_path_factory.mktemp("wheel"))
    try:  # a server that never answered is stopped too, not left running after the run
        site.build_and_install()
        site.directory("init")
        site.directory("seed")
        site.serve()
        yield site
    finally:
        site.stop()


def label(locale_code: str, message: str) -> str:
    """``message`` as the locale's catalogue in this checkout says it (English for en)."""
    if locale_code == "en":
        return message
    with (CATALOGUES / locale_code / "LC_MESSAGES" / "messages.po").open("rb") as handle:
        translated = read_po(handle).get(message).string
    assert translated and translated != message, f"{locale_code} has no translation of {message!r}"
    return translated


def test_the_wheel_carries_templates_static_files_data_and_compiled_catalogues(installed_site):
    names = set(zipfile.ZipFile(installed_site.wheel).namelist())
    for name in ("directory/_data/templates/error.html", "directory/_data/templates/base.html",
                 "directory/_data/static/css/site.css", "directory/_data/static/vendor/leaflet/leaflet.js",
                 "directory/_data/static/vendor/fonts/fonts.css", "directory/_data/seed_data/taxonomy.json",
                 "directory/_data/seed_data/postcodes.txt", "directory/web/public/category_icons.json",
                 *(f"directory/i18n/translations/{site_locale.code}/LC_MESSAGES/messages.mo"
                   for site_locale in SITE_LOCALES if site_locale.code != "en")):
        assert name in names, f"{name} is not in {installed_site.wheel.name}"
    assert not any("/tools/" in name for name in names), "seed_data/tools (the seed's build scripts) is not shipped"


def test_gujarati_home_page_carries_gujarati_labels(installed_site):
    page = installed_site.get("/gu/")
    assert page.status_code == 200, installed_site.log()
    assert label("gu", PAGE_LABEL) in page.text and label("gu", "Find something to do near you") in page.text


def test_gujarati_search_finds_the_gujarati_lunch_club(installed_site):
    page = installed_site.get(f"/gu/search?q={quote('ભોજન')}")
    assert page.status_code == 200, installed_site.log()
    assert f"/gu/services/{LUNCH_CLUB_ID}" in page.text


def test_vendored_leaflet_and_the_api_answer(installed_site):
    leaflet = installed_site.get("/static/vendor/leaflet/leaflet.js")
    assert leaflet.status_code == 200 and "Leaflet" in leaflet.text[:2000]
    api = installed_site.get("/api/services")
    assert api.status_code == 200 and api.json()["contents"], api.text[:500]


@pytest.mark.parametrize("site_locale", SITE_LOCALES, ids=[site_locale.slug for site_locale in SITE_LOCALES])
def test_every_public_page_answers_in_its_language(installed_site, site_locale):
    slug = site_locale.slug
    pages = {f"/{slug}/": PAGE_LABEL, f"/{slug}/search?q={quote(SEARCHES[slug])}": PAGE_LABEL,
             f"/{slug}/categories/": PAGE_LABEL, f"/{slug}/categories/food-and-meals": PAGE_LABEL,
             f"/{slug}/services/{LUNCH_CLUB_ID}": PAGE_LABEL, f"/{slug}/services/{LUNCH_CLUB_ID}/print": PRINT_LABEL}
    for path, message in pages.items():
        page = installed_site.get(path)
        assert page.status_code == 200, f"{path}: {page.status_code}\n{installed_site.log()}"
        assert f'lang="{site_locale.html_lang}"' in page.text, path
        assert label(site_locale.code, message) in page.text, f"{path} lacks its {slug} labels"


def test_a_rebuild_shared_between_processes_runs_its_helpers_from_the_wheel(installed_site):
    """A large directory is rebuilt by helper processes (``python -m
    directory.search.rebuild_shares``) of the installed interpreter: run from a folder that
    is not the checkout, they must find the package in the wheel, and the site must answer
    from the segments they wrote."""
    output = installed_site.directory("reindex", env={"DIRECTORY_REBUILD_PROCESSES": "2"})
    indexed = re.search(r"Indexed (\d+) services", output)
    assert indexed and int(indexed.group(1)) > 100, output
    current = installed_site.site / "instance" / "index" / "current"
    assert len(list(current.glob("*.seg"))) == 2, sorted(path.name for path in current.iterdir())
    page = installed_site.get(f"/gu/search?q={quote('ભોજન')}")
    assert page.status_code == 200 and f"/gu/services/{LUNCH_CLUB_ID}" in page.text, installed_site.log()


def test_directory_check_finds_the_packaged_catalogues_and_vendored_files(installed_site):
    report = installed_site.directory("check", expect=1)  # no DIRECTORY_SECRET_KEY here
    assert "ok       catalogues" in report and "ok       vendored static files" in report, report
    assert "MISSING  secret key" in report, report
