"""Listing pages read the listing as plain rows (directory.listing_view) and say exactly what
they said when they loaded it through the ORM: for listings we wrote, for the ORUK profile's
published examples and for a feed in Gujarati, Polish and Chinese with no language field.

Real app, real database (SQLite and PostgreSQL), real index, real HTTP through the test client."""
import pytest
from flask import abort
from sqlalchemy import event, select
from sqlalchemy.orm import joinedload, selectinload

from directory.models import Attribute, Base, Phone, Service, ServiceArea, ServiceAtLocation
from directory.web.context import db_session
from directory.web.public import views
from tests.statements import recorded_statements
from tests.web.test_card_facts import SLUGS, _without_nonce, imported  # noqa: F401  (a fixture)


# How the listing pages loaded a listing before: organisation, translations, places and
# category terms joined to the rows that name them, the other collections one query each.
# directory.listing_view sends the same queries.
_WHOLE_LISTING = (joinedload(Service.organization), joinedload(Service.translations),
                  joinedload(Service.service_at_locations).joinedload(ServiceAtLocation.location),
                  selectinload(Service.attributes).joinedload(Attribute.taxonomy_term))


def _orm_listing(service_id: str):
    service = db_session().get(Service, service_id, options=_WHOLE_LISTING) if len(service_id) <= 36 else None
    if service is None:
        abort(404)
    return service


def _pages(app, paths: list[str]) -> list[str]:
    client = app.test_client()
    bodies = []
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        bodies.append(_without_nonce(response.get_data(as_text=True)))
    return bodies


def test_every_listing_page_says_the_same_as_when_it_was_loaded_through_the_orm(app, imported, monkeypatch):  # noqa: F811
    with imported.session() as session:
        ids = sorted(session.scalars(select(Service.id)))
    assert len(ids) > 170, "the seed, the profile's examples and the feed"
    paths = [f"/gu/services/{service_id}" for service_id in ids]  # most listings are not in Gujarati
    paths += [f"/pl/services/{service_id}/print" for service_id in ids[::3]]
    paths += [f"/{slug}/services/{service_id}{suffix}" for service_id in ids[1::20] for slug in SLUGS
              for suffix in ("", "/print")]
    app.config["PAGE_CACHE"] = False
    from_rows = _pages(app, paths)
    monkeypatch.setattr(views, "_listing_or_404", _orm_listing)
    from_orm = _pages(app, paths)
    for path, rows_page, orm_page in zip(paths, from_rows, from_orm):
        assert rows_page == orm_page, path


def test_a_listings_own_phones_its_organisations_and_its_areas_read_as_through_the_orm(app, indexed, monkeypatch):
    """The short lists come from one query (languages, the listing's phones, the
    organisation's, areas): each must land in its own list, in its own order."""
    with indexed.session() as session:
        service = session.scalar(select(Service).where(Service.organization_id.is_not(None)).order_by(Service.id)
                                 .limit(1))
        service_id = service.id
        session.add_all([Phone(id=f"test-phone-{n}", service_id=service_id, number=f"0116 496 00{n}{n}")
                         for n in (3, 1, 2)])
        session.add_all([Phone(id=f"test-org-phone-{n}", organization_id=service.organization_id,
                               number=f"0300 555 01{n}{n}") for n in (2, 1)])
        session.add(ServiceArea(id="test-area", service_id=service_id, name="Belgrave and Rushey Mead"))
    app.config["PAGE_CACHE"] = False
    paths = [f"/{slug}/services/{service_id}{suffix}" for slug in ("en", "gu") for suffix in ("", "/print")]
    from_rows = _pages(app, paths)
    assert all("0116 496 0033" in page and "0300 555 0111" in page for page in from_rows)
    monkeypatch.setattr(views, "_listing_or_404", _orm_listing)
    assert from_rows == _pages(app, paths)


def test_a_listing_page_builds_no_orm_object(app, client, indexed):
    with indexed.session() as session:
        service_id = session.scalar(select(Service.id).where(Service.name.like("%Lunch%")).limit(1))
    built = []

    def count(_target, *_args):
        built.append(type(_target).__name__)

    event.listen(Base, "load", count, propagate=True)
    try:
        with recorded_statements(indexed.engine) as statements:
            assert client.get(f"/en/services/{service_id}").status_code == 200
    finally:
        event.remove(Base, "load", count)
    assert statements and not built, built


@pytest.mark.parametrize("service_id", ["no-such-listing", "x" * 37, "'; DROP TABLE service; --", "%00", "a%00b", "%1b"])
def test_an_unknown_listing_is_404(client, indexed, service_id):
    assert client.get(f"/en/services/{service_id}").status_code == 404
    assert client.get(f"/en/services/{service_id}/print").status_code == 404


@pytest.mark.parametrize("path", ["/en/categories/%00", "/gu/categories/x%07", "/api/services/%00"])
def test_an_address_with_a_control_character_names_no_page(client, indexed, path):
    """PostgreSQL refuses NUL in any text it compares: such an address is a 404, not a 500."""
    assert client.get(path).status_code == 404
