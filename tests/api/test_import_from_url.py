"""`directory import --from-url` against this app's own API, served on loopback."""
from contextlib import contextmanager

import pytest

from click.testing import CliRunner
from sqlalchemy import func, select

from directory.cli import main
from directory.db import Database
from directory.models import Service, TaxonomyTerm
from directory.oruk.publish import service as published_service
from directory.schema import upgrade_database
from tests.loopback import LoopbackServer


@contextmanager
def _target_database(tmp_path):
    """The other directory the import fills: an empty, migrated SQLite file."""
    target = Database(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    try:
        yield target
    finally:
        target.dispose()


def _count(db) -> int:
    with db.session() as session:
        return session.scalar(select(func.count()).select_from(Service))


def test_import_from_url_pulls_every_page_of_another_oruk_api(api_app, monkeypatch, tmp_path):
    runner = CliRunner()  # not the `runner` fixture: that one empties the shared database
    with LoopbackServer(api_app) as server, _target_database(tmp_path) as target:
        upgrade_database(target)
        monkeypatch.setenv("DIRECTORY_DATABASE_URL", target.url)
        monkeypatch.setenv("DIRECTORY_INDEX_DIR", str(tmp_path / "target-index"))
        client = api_app.test_client()
        total = client.get("/api/services").json["total_items"]
        assert total > 100  # more than one page of 100
        result = runner.invoke(main, ["import", "--from-url", f"http://127.0.0.1:{server.port}/api"])
        assert result.exit_code == 0, result.output
        assert f"Imported {total} service(s)" in result.output
        assert _count(target) == total
        sample = client.get("/api/services?per_page=1").json["contents"][0]["id"]
        with target.session() as session:
            assert published_service(session.get(Service, sample)) == client.get(f"/api/services/{sample}").json


@pytest.mark.parametrize("collection", ["service_at_locations", "organizations", "taxonomy_terms"])
def test_import_from_url_follows_the_pages_of_any_collection(api_app, monkeypatch, tmp_path, collection):
    runner = CliRunner()
    with LoopbackServer(api_app) as server, _target_database(tmp_path) as target:
        upgrade_database(target)
        monkeypatch.setenv("DIRECTORY_DATABASE_URL", target.url)
        monkeypatch.setenv("DIRECTORY_INDEX_DIR", str(tmp_path / "target-index"))
        result = runner.invoke(main, ["import", "--from-url", f"http://127.0.0.1:{server.port}/api/{collection}"])
        assert result.exit_code == 0, result.output
        last = result.output.strip().splitlines()[-1]
        client = api_app.test_client()
        if collection == "taxonomy_terms":
            terms = client.get("/api/taxonomy_terms").json["total_items"]
            assert last.startswith(f"Imported 0 service(s), {terms} taxonomy term(s)")
            with target.session() as session:
                assert session.scalar(select(func.count()).select_from(TaxonomyTerm)) == terms
        else:
            imported = _count(target)
            assert imported > 100 and last.startswith(f"Imported {imported} service(s)")
            with target.session() as session:
                stored = session.scalar(select(Service).order_by(Service.id).limit(1))
                assert published_service(stored) == client.get(f"/api/services/{stored.id}").json
