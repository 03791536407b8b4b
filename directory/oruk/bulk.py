"""Write imported services in batches with one INSERT per table, not one ORM flush each.

Why: an ORM ``merge`` + ``flush`` per service issues a dozen SELECTs and INSERTs for every
service and made a 50,000-service feed take ten minutes (82 services/s). Here the services
read by ``read.py`` as plain row trees (``read.Row``; no model objects) are collected, and
each batch is written with one statement per table: an executemany on SQLite, a COPY on
PostgreSQL (``bulk_postgres``, where an executemany is still one round trip per row):

* services of the batch are deleted first (their children go with them: ON DELETE CASCADE)
  and inserted again — the same "replace by id" as ``upsert_service``;
* organisations and locations are shared between services, so they are upserted
  (INSERT … ON CONFLICT DO UPDATE; on PostgreSQL from a COPYed staging table) and their own
  children (phones, addresses, accessibility) replaced;
* children are also deleted by their own ids first, so a feed that moves a schedule or a
  phone from one service to another does not collide with itself.

The change log must still hear of every service and place (the search index follows it):
Core statements bypass the ORM flush that ``ChangeRecorder`` listens to, so the ids are
added to the session's pending change set by hand.
"""
from __future__ import annotations

import datetime as dt

from sqlalchemy import Integer, delete
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..changelog import _PENDING, ChangeSet
from ..models import (
    Accessibility, Attribute, Contact, CostOption, Language, Location, Organization, Phone, PhysicalAddress,
    Schedule, Service, ServiceArea, ServiceAtLocation, ServiceTranslation,
)

_CHILDREN = (ServiceTranslation, ServiceAtLocation, Schedule, Language, CostOption, Contact, Phone, ServiceArea,
             Attribute, PhysicalAddress, Accessibility)
_COLUMNS: dict[type, list] = {}


def _columns(model) -> list:
    """(key, skip when unset, default) per column: an unset integer primary key is left to
    the database; other unset columns take their default."""
    if model not in _COLUMNS:
        _COLUMNS[model] = [(column.key, column.primary_key and isinstance(column.type, Integer), column)
                           for column in model.__table__.columns]
    return _COLUMNS[model]


def _default(column):
    default = column.default
    if default is None:
        return None
    if default.is_scalar:
        return default.arg
    if default.is_callable:
        return default.arg(None)
    return None


def row_of(row: dict, model, **values) -> dict:
    """The table row of a ``read.Row``: its column values, column defaults for the rest,
    ``values`` on top. Autoincrement keys left unset are left out (the database numbers them)."""
    table_row = {}
    for key, autoincrement, column in _columns(model):
        value = values[key] if key in values else row.get(key)
        if value is None:
            if autoincrement:
                continue
            value = _default(column)
        table_row[key] = value
    return table_row


class Batch:
    """The rows of up to N services, by table, de-duplicated by id (the last one wins)."""

    def __init__(self):
        self.services: dict[str, dict] = {}
        self.organizations: dict[str, dict] = {}
        self.locations: dict[str, dict] = {}
        self.children: dict[type, dict] = {model: {} for model in _CHILDREN}
        self.organization_phones: dict[str, list[dict]] = {}
        self.location_children: dict[str, list[tuple[type, dict]]] = {}
        self.linked: set[str] = set()  # services given more places (not replaced)

    def __len__(self) -> int:
        return len(self.services)

    def _child(self, row, **values) -> None:
        table_row = row_of(row, row.model, **values)
        table = self.children[row.model]
        table[table_row.get("id") or (table_row.get("service_id"), table_row.get("locale"), len(table))] = table_row

    def add(self, service, modified: dt.datetime | None) -> None:
        """Add a service's row tree (``read.service_row``)."""
        sid = service["id"]
        if sid in self.services:  # a later record with the same id replaces it
            self.services.pop(sid)
            for table in self.children.values():
                for key in [key for key, row in table.items() if row.get("service_id") == sid
                            or row.get("link_id") == sid]:
                    table.pop(key)
        organization = service["organization"]
        self.services[sid] = row_of(service, Service, organization_id=organization["id"],
                                    last_modified=modified or dt.datetime.now(dt.UTC).replace(tzinfo=None))
        self.organizations[organization["id"]] = row_of(organization, Organization)
        self.organization_phones[organization["id"]] = [row_of(phone, Phone, organization_id=organization["id"])
                                                        for phone in organization.get("phones", ())]
        for item in service.get("translations", ()):
            self._child(item, service_id=sid)
        for link in service.get("service_at_locations", ()):
            self.add_location(link["location"])
            self._child(link, service_id=sid, location_id=link["location"]["id"])
        for key in ("schedules", "languages", "cost_options", "service_areas", "phones"):
            for item in service.get(key, ()):
                self._child(item, service_id=sid)
        for contact in service.get("contacts", ()):
            self._child(contact, service_id=sid)
            for phone in contact.get("phones", ()):
                self._child(phone, contact_id=contact["id"])
        for item in service.get("attributes", ()):
            self._child(item, link_id=sid, link_entity="service")

    def add_links(self, service) -> None:
        """Only the places of a service already imported (a page of service_at_locations
        names one service once per place)."""
        sid = service["id"]
        self.linked.add(sid)
        for link in service.get("service_at_locations", ()):
            self.add_location(link["location"])
            self._child(link, service_id=sid, location_id=link["location"]["id"])

    def add_location(self, location) -> None:
        lid = location["id"]
        self.locations[lid] = row_of(location, Location)
        self.location_children[lid] = (
            [(PhysicalAddress, row_of(item, PhysicalAddress, location_id=lid))
             for item in location.get("physical_addresses", ())]
            + [(Accessibility, row_of(item, Accessibility, location_id=lid))
               for item in location.get("accessibility", ())])


def _upsert(session: Session, model, rows: list[dict]) -> None:
    """INSERT … ON CONFLICT DO UPDATE, executemany (SQLite; PostgreSQL uses ``bulk_postgres``)."""
    if not rows:
        return
    statement = sqlite_insert(model.__table__)
    columns = [key for key in rows[0] if key != "id"]
    statement = statement.on_conflict_do_update(index_elements=["id"],
                                                set_={key: statement.excluded[key] for key in columns})
    session.execute(statement, rows)


def _in_chunks(ids: list, size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


def write_batch(session: Session, batch: Batch) -> int:
    """Replace the batch's services (and upsert their organisations and places) in the
    session's transaction; returns how many services were written."""
    if not batch.services and not batch.locations and not batch.linked:
        return 0
    service_ids = list(batch.services)
    location_ids = list(batch.locations)
    for chunk in _in_chunks(service_ids):
        session.execute(delete(Attribute).where(Attribute.link_entity == "service", Attribute.link_id.in_(chunk)))
        session.execute(delete(Service).where(Service.id.in_(chunk)))
    for model, rows in batch.children.items():
        ids = [row["id"] for row in rows.values() if row.get("id")]
        for chunk in _in_chunks(ids):
            session.execute(delete(model).where(model.id.in_(chunk)))
    for chunk in _in_chunks(list(batch.organizations)):
        session.execute(delete(Phone).where(Phone.organization_id.in_(chunk)))
    for chunk in _in_chunks(location_ids):
        session.execute(delete(PhysicalAddress).where(PhysicalAddress.location_id.in_(chunk)))
        session.execute(delete(Accessibility).where(Accessibility.location_id.in_(chunk)))
    insert_rows, upsert_rows = _writers(session)
    upsert_rows(session, Organization, list(batch.organizations.values()))
    upsert_rows(session, Location, list(batch.locations.values()))
    insert_rows(session, Phone, [row for rows in batch.organization_phones.values() for row in rows])
    location_children: dict[type, list[dict]] = {PhysicalAddress: [], Accessibility: []}
    for items in batch.location_children.values():
        for model, row in items:
            location_children[model].append(row)
    for model, rows in location_children.items():
        insert_rows(session, model, _unique(rows))
    insert_rows(session, Service, list(batch.services.values()))
    for model in (ServiceTranslation, ServiceAtLocation, Schedule, Language, CostOption, Contact, Phone, ServiceArea,
                  Attribute):
        insert_rows(session, model, list(batch.children[model].values()))
    changes = session.info.setdefault(_PENDING, ChangeSet())
    changes.services.update(service_ids)
    changes.services.update(batch.linked)
    changes.locations.update(location_ids)
    return len(service_ids)


def _unique(rows: list[dict]) -> list[dict]:
    return list({row["id"]: row for row in rows}.values())


_PROCESSORS: dict[tuple, list] = {}


def row_values(dialect, model, rows: list[dict]) -> tuple[tuple, list[tuple]]:
    """The rows' column names and value tuples, through the column types' bind processors
    (dates as text on SQLite, JSON as text), as the ORM would send them. One way of turning
    rows into values for both backends (executemany here, COPY in ``bulk_postgres``)."""
    keys = tuple(rows[0])
    cache_key = (dialect.name, model, keys)
    if cache_key not in _PROCESSORS:
        _PROCESSORS[cache_key] = [model.__table__.columns[key].type._cached_bind_processor(dialect) for key in keys]
    processors = _PROCESSORS[cache_key]
    if any(processors):
        pairs = list(zip(keys, processors))
        return keys, [tuple(process(row[key]) if process and row[key] is not None else row[key]
                            for key, process in pairs) for row in rows]
    return keys, [tuple(row[key] for key in keys) for row in rows]


def _insert(session: Session, model, rows: list[dict]) -> None:
    """One executemany of plain tuples straight to the driver: SQLAlchemy's per-row
    parameter handling cost more than SQLite's own work."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    keys, parameters = row_values(dialect, model, rows)
    preparer = dialect.identifier_preparer
    marker = "?" if dialect.paramstyle == "qmark" else "%s"
    sql = f"INSERT INTO {preparer.format_table(model.__table__)} ({', '.join(preparer.quote(key) for key in keys)}) " \
          f"VALUES ({', '.join([marker] * len(keys))})"
    connection.exec_driver_sql(sql, parameters)


def _writers(session: Session):
    """(insert, upsert) for the session's database: COPY on PostgreSQL, executemany elsewhere."""
    if session.get_bind().dialect.name == "postgresql":
        from . import bulk_postgres

        return bulk_postgres.insert_rows, bulk_postgres.upsert_rows
    return _insert, _upsert


__all__ = ["Batch", "row_of", "row_values", "write_batch"]
