"""The spreadsheet format: one row per service, extra rows for more places, times or prices.

Columns are listed in ``COLUMNS`` and documented in docs/IMPORT.md (a blank template is
``docs/import-template.csv``). A service that happens in two places, at two times or at two
prices takes two rows with the same ``id`` (or, without ids, the same organisation name and
service name): the service columns are read from its first row, and each row adds the
place, schedule, price and service area written in it.

Rows become ORUK dicts for ``oruk/read.py``; ids that the sheet does not give are derived
from stable names (uuid5), so importing the same sheet twice updates rather than duplicates.
"""
from __future__ import annotations

import csv
import io
import re
import uuid
from collections.abc import Iterable
from decimal import Decimal

from .. import vocabulary
from ..models import Service
from . import formats
from .ids import oruk_id
from ..csv_safety import neutralise_rows
from .documents import ImportFileError, Record

NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://signpost.example.org/import/csv")
LIST_SEPARATOR = ";"

SERVICE_COLUMNS = [
    "id", "name", "description", "locale", "organization_id", "organization_name", "organization_description",
    "organization_email", "organization_website", "organization_phone", "url", "email", "phone",
    "contact_name", "contact_email", "contact_phone", "fees_description", "eligibility_description",
    "application_process", "minimum_age", "maximum_age", "alert", "languages", "categories", "gender",
    "faith_setting", "food", "how_to_join", "transport_provided", "carers_welcome", "listing_status",
    "last_verified",
] + [f"{kind}_{locale}" for locale in vocabulary.LOCALES for kind in ("name", "description")]
ROW_COLUMNS = [
    "location_id", "location_name", "address_1", "address_2", "city", "postcode", "latitude", "longitude",
    "transportation", "accessibility", "accessibility_description", "accessibility_details", "schedule_freq",
    "schedule_interval", "schedule_byday", "schedule_bymonthday", "schedule_dtstart", "schedule_valid_from", "schedule_valid_to", "schedule_opens_at", "schedule_closes_at",
    "schedule_description", "schedule_notes", "cost_option", "cost_amount", "cost_currency", "cost_description",
    "service_area_name", "service_area_extent",
]
COLUMNS = SERVICE_COLUMNS + ROW_COLUMNS
REQUIRED_COLUMNS = ("name", "organization_name")
MAX_ROWS = 100_000

_LOCATION_FIELDS = {"name": "location_name", "latitude": "latitude", "longitude": "longitude",
                    "transportation": "transportation"}
_ADDRESS_FIELDS = {"address_1": "address_1", "address_2": "address_2", "city": "city", "postal_code": "postcode"}
_SCHEDULE_FIELDS = ("freq", "interval", "byday", "bymonthday", "dtstart", "valid_from", "valid_to", "opens_at",
                    "closes_at", "description", "notes")
_COST_FIELDS = {"option": "cost_option", "amount": "cost_amount", "currency": "cost_currency",
                "amount_description": "cost_description"}
_SERVICE_PATHS = {
    "service.organization.name": "organization_name", "service.organization.phones[0].number": "organization_phone",
    "service.phones[0].number": "phone", "service.contacts[0].phones[0].number": "contact_phone",
}


def _id(*parts: str) -> str:
    return str(uuid.uuid5(NAMESPACE, ":".join(parts)))


def _cell(row: dict, column: str) -> str | None:
    value = row.get(column)
    value = value.strip() if isinstance(value, str) else value
    return value or None


def _list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split(LIST_SEPARATOR) if part.strip()]


def _bool(value: str | None, column: str, where: str):
    if value is None:
        return False
    folded = value.casefold()
    if folded in ("yes", "y", "true", "1"):
        return True
    if folded in ("no", "n", "false", "0"):
        return False
    raise _CellError(where, column, f"{value!r} is not yes or no")


class _CellError(ValueError):
    def __init__(self, where: str, column: str, message: str):
        super().__init__(message)
        self.where, self.column, self.message = where, column, message


# ---- reading ----------------------------------------------------------------------------

def records_from_csv(text: str, name: str | None = None) -> list[Record]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    header = [name.strip() for name in (reader.fieldnames or [])]
    if not header:
        raise ImportFileError("the CSV file is empty (it needs a header row; see docs/IMPORT.md)")
    table = oruk_table(header, name)
    if table is not None:
        return records_from_oruk_table(reader, header, table)
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    if missing:
        raise ImportFileError(f"the CSV header lacks the column(s) {', '.join(missing)} (see docs/IMPORT.md)")
    unknown = [column for column in header if column and column not in COLUMNS]
    if unknown:
        raise ImportFileError(f"unknown CSV column(s) {', '.join(unknown)} (see docs/IMPORT.md for the columns)")
    reader.fieldnames = header
    groups: dict[str, list[tuple[int, dict]]] = {}
    try:
        for row in reader:
            if reader.line_num > MAX_ROWS:
                raise ImportFileError(f"the CSV file has more than {MAX_ROWS} rows")
            if None in row:
                raise ImportFileError(f"row {reader.line_num} has more cells than the header has columns")
            if not any(_cell(row, column) for column in header):
                continue
            key = _cell(row, "id") or _id("service", (_cell(row, "organization_name") or "").casefold(),
                                           (_cell(row, "name") or "").casefold())
            groups.setdefault(key, []).append((reader.line_num, row))
    except csv.Error as error:
        raise ImportFileError(f"not a readable CSV file: {error} (line {reader.line_num})") from error
    return [_record(service_id, rows) for service_id, rows in groups.items()]


# ---- ORUK's own tabular files ----------------------------------------------------------

ORUK_TABLES = {
    # table: (columns that identify it, the record kind it holds)
    "locations": ({"latitude", "longitude", "location_type"}, "location"),
    "taxonomy_terms": ({"term", "taxonomy", "taxonomy_id", "term_uri", "parent_id", "code"}, "taxonomy_term"),
}


def oruk_table(header: list[str], name: str | None) -> str | None:
    """Which ORUK tabular file (``locations.csv``, ``taxonomy_terms.csv`` of the HSDS/ORUK
    data package) a sheet is, from its name or its columns; None for our own spreadsheet."""
    if "organization_name" in header:
        return None
    stem = re.sub(r"\.csv$", "", (name or "").replace("\\", "/").rsplit("/", 1)[-1].lower())
    if stem in ORUK_TABLES and "id" in header:
        return stem
    for table, (marks, _kind) in ORUK_TABLES.items():
        if "id" in header and "name" in header and len(marks & set(header)) >= 2:
            return table
    return None


def records_from_oruk_table(reader: csv.DictReader, header: list[str], table: str) -> list[Record]:
    """One record per row of an ORUK table; empty cells are absent values."""
    reader.fieldnames = header
    kind = ORUK_TABLES[table][1]
    records = []
    try:
        for row in reader:
            if reader.line_num > MAX_ROWS:
                raise ImportFileError(f"the CSV file has more than {MAX_ROWS} rows")
            data = {key: value.strip() for key, value in row.items() if key and isinstance(value, str) and value.strip()}
            if data:
                records.append(Record(f"row {reader.line_num}", data, kind=kind))
    except csv.Error as error:
        raise ImportFileError(f"not a readable CSV file: {error} (line {reader.line_num})") from error
    return records


def _record(service_id: str, rows: list[tuple[int, dict]]) -> Record:
    first_line, first = rows[0]
    where = f"row {first_line}"
    rows_of: dict[str, list[int]] = {"location": [], "schedule": [], "cost": [], "area": []}
    try:
        data = _service_dict(service_id, first, where)
        for line, row in rows:
            _add_row_children(data, service_id, row, f"row {line}", rows_of, line)
    except _CellError as error:
        return Record(error.where, {}, problem=(error.column, error.message))
    return Record(where, data, locate=lambda path: _locate(path, first_line, rows_of))


def _service_dict(service_id: str, row: dict, where: str) -> dict:
    organization_name = _cell(row, "organization_name")
    organization_id = _cell(row, "organization_id") or _id("organization", (organization_name or "").casefold())
    locale = _cell(row, "locale") or "en"
    data = {
        "id": service_id, "name": _cell(row, "name"), "description": _cell(row, "description"), "locale": locale,
        "url": _cell(row, "url"), "email": _cell(row, "email"),
        "fees_description": _cell(row, "fees_description"),
        "eligibility_description": _cell(row, "eligibility_description"),
        "application_process": _cell(row, "application_process"), "minimum_age": _cell(row, "minimum_age"),
        "maximum_age": _cell(row, "maximum_age"), "alert": _cell(row, "alert"),
        "gender": _cell(row, "gender"), "faith_setting": _cell(row, "faith_setting"),
        "food": _list(_cell(row, "food")), "how_to_join": _cell(row, "how_to_join"),
        "transport_provided": _bool(_cell(row, "transport_provided"), "transport_provided", where),
        "carers_welcome": _bool(_cell(row, "carers_welcome"), "carers_welcome", where),
        "listing_status": _cell(row, "listing_status"), "last_verified": _cell(row, "last_verified"),
        "organization": {
            "id": organization_id, "name": organization_name,
            "description": _cell(row, "organization_description"), "email": _cell(row, "organization_email"),
            "website": _cell(row, "organization_website"),
            "phones": [{"id": _id(organization_id, "phone"), "number": _cell(row, "organization_phone")}]
            if _cell(row, "organization_phone") else [],
        },
        "translations": {},
        "languages": [{"id": _id(service_id, "language", code), "code": code} for code in _list(_cell(row, "languages"))],
        "phones": [{"id": _id(service_id, "phone"), "number": _cell(row, "phone")}] if _cell(row, "phone") else [],
        "contacts": [],
        "attributes": [{"id": _id(service_id, "attribute", value.casefold()), "category": value}
                       for value in _list(_cell(row, "categories"))],
        "service_at_locations": [], "schedules": [], "cost_options": [], "service_areas": [],
    }
    if any(_cell(row, column) for column in ("contact_name", "contact_email", "contact_phone")):
        contact_id = _id(service_id, "contact")
        data["contacts"].append({
            "id": contact_id, "name": _cell(row, "contact_name"), "email": _cell(row, "contact_email"),
            "phones": [{"id": _id(contact_id, "phone"), "number": _cell(row, "contact_phone")}]
            if _cell(row, "contact_phone") else []})
    for other in vocabulary.LOCALES:
        name, description = _cell(row, f"name_{other}"), _cell(row, f"description_{other}")
        if other != locale and (name or description):
            data["translations"][other] = {"name": name, "description": description}
    return data


def _add_row_children(data: dict, service_id: str, row: dict, where: str, rows_of: dict, line: int) -> None:
    if any(_cell(row, column) for column in ("location_id", *_LOCATION_FIELDS.values(), *_ADDRESS_FIELDS.values(),
                                             *_ACCESS_COLUMNS)):
        location_id = _cell(row, "location_id") or _id(
            "location", "|".join((_cell(row, column) or "").casefold() for column in ("location_name", "address_1",
                                                                                     "postcode")))
        location = {key: _cell(row, column) for key, column in _LOCATION_FIELDS.items()}
        location["id"] = location_id
        if any(_cell(row, column) for column in _ADDRESS_FIELDS.values()):
            location["physical_addresses"] = [dict({key: _cell(row, column) for key, column in _ADDRESS_FIELDS.items()},
                                                   id=_id(location_id, "address"), country="GB")]
        location["accessibility"] = _accessibility(row, location_id)
        data["service_at_locations"].append({"id": _id(service_id, "sal", location_id), "location": location})
        rows_of["location"].append(line)
    if any(_cell(row, f"schedule_{name}") for name in _SCHEDULE_FIELDS):
        index = len(data["schedules"])
        data["schedules"].append(dict({name: _cell(row, f"schedule_{name}") for name in _SCHEDULE_FIELDS},
                                      id=_id(service_id, "schedule", str(index))))
        rows_of["schedule"].append(line)
    if any(_cell(row, column) for column in _COST_FIELDS.values()):
        index = len(data["cost_options"])
        data["cost_options"].append(dict({key: _cell(row, column) for key, column in _COST_FIELDS.items()},
                                         id=_id(service_id, "cost", str(index))))
        rows_of["cost"].append(line)
    if _cell(row, "service_area_extent") or _cell(row, "service_area_name"):
        index = len(data["service_areas"])
        data["service_areas"].append({"id": _id(service_id, "area", str(index)), "name": _cell(row, "service_area_name"),
                                      "extent": _cell(row, "service_area_extent"), "extent_type": "geojson"})
        rows_of["area"].append(line)


_ACCESS_COLUMNS = ("accessibility", "accessibility_description", "accessibility_details")
_PARAGRAPH = "\n\n"


def _accessibility(row: dict, location_id: str) -> list[dict]:
    """ORUK ``accessibility`` entries of a row: one per code in ``accessibility``, and one
    for the publisher's own words (``accessibility_description`` and ``_details``, kept
    verbatim: they are not lists, a semicolon in them is just a semicolon)."""
    entries = [{"id": _id(location_id, "access", code), "description": code}
               for code in _list(_cell(row, "accessibility"))]
    description, details = _cell(row, "accessibility_description"), _cell(row, "accessibility_details")
    if description or details:
        entries.append({"id": _id(location_id, "access-text"), "description": description, "details": details})
    return entries


def _access_cells(location) -> dict:
    """The published accessibility of a place: bare codes in ``accessibility``; free text
    (and a code with the group's own details) verbatim in ``accessibility_description`` and
    ``accessibility_details``, several entries as paragraphs of one cell."""
    codes = sorted({item.description for item in location.accessibility if item.is_code and not item.details})
    words = sorted((item for item in location.accessibility if not (item.is_code and not item.details)),
                   key=lambda item: (item.description or "", item.details or "", oruk_id(item.id)))
    return {"accessibility": LIST_SEPARATOR.join(codes),
            "accessibility_description": _PARAGRAPH.join(item.description for item in words if item.description),
            "accessibility_details": _PARAGRAPH.join(item.details for item in words if item.details)}


_CHILD = re.compile(r"^service\.(service_at_locations|schedules|cost_options|service_areas)\[(\d+)\](?:\.(.*))?$")
_CHILD_KIND = {"service_at_locations": "location", "schedules": "schedule", "cost_options": "cost",
               "service_areas": "area"}


def _locate(path: str, first_line: int, rows_of: dict) -> tuple[str, str]:
    """A field path from read.py as (row, column) of the sheet."""
    match = _CHILD.match(path or "")
    if match:
        kind, index, rest = _CHILD_KIND[match.group(1)], int(match.group(2)), match.group(3) or ""
        lines = rows_of[kind]
        line = lines[index] if index < len(lines) else first_line
        leaf = rest.split(".")[-1]
        leaf = re.sub(r"\[\d+\]$", "", leaf)
        if kind == "location":
            column = (_LOCATION_FIELDS.get(leaf) if "physical_addresses" not in rest else _ADDRESS_FIELDS.get(leaf))
            column = column or ("accessibility" if "accessibility" in rest else leaf)
        elif kind == "schedule":
            column = f"schedule_{leaf}"
        elif kind == "cost":
            column = _COST_FIELDS.get(leaf, f"cost_{leaf}")
        else:
            column = f"service_area_{leaf}"
        return f"row {line}", column
    if path in _SERVICE_PATHS:
        return f"row {first_line}", _SERVICE_PATHS[path]
    translation = re.match(r"^service\.translations\.([^.]+)\.(name|description)$", path or "")
    if translation:
        return f"row {first_line}", f"{translation.group(2)}_{translation.group(1)}"
    if (path or "").startswith("service.attributes"):
        return f"row {first_line}", "categories"
    if (path or "").startswith("service.food"):
        return f"row {first_line}", "food"
    leaf = (path or "").split(".")[-1]
    return f"row {first_line}", leaf if leaf in COLUMNS else path


# ---- writing ----------------------------------------------------------------------------

def _yes_no(value: bool) -> str:
    return "yes" if value else "no"


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return str(value.quantize(Decimal("0.01")))
    if isinstance(value, float):
        return repr(value)
    if hasattr(value, "isoformat"):
        text = value.isoformat()
        return text[:5] if len(text) == 8 and text.endswith(":00") else text
    return str(value)


def _published_rule(schedule) -> dict:
    return formats.recurrence(schedule.freq, schedule.interval, schedule.byday, schedule.bymonthday)


def _sorted(items):
    return sorted(items, key=lambda item: oruk_id(item.id) or "")


def service_rows(service: Service) -> list[dict]:
    """The rows of one service (first row: every service column; each row: one place,
    schedule, price and area). Values as the ORUK JSON export publishes them (``formats``):
    UUID ids, only valid emails and links, a DAILY schedule as WEEKLY on every day."""
    organization = service.organization
    contacts = _sorted(service.contacts)
    contact = contacts[0] if contacts else None
    org_phones, phones = _sorted(organization.phones), _sorted(service.phones)
    contact_phones = _sorted(contact.phones) if contact else []
    base = {
        "id": oruk_id(service.id), "name": service.name, "description": service.description,
        "locale": service.locale,
        "organization_id": oruk_id(organization.id), "organization_name": organization.name,
        "organization_description": organization.description, "organization_email": formats.email(organization.email),
        "organization_website": formats.uri(organization.website),
        "organization_phone": org_phones[0].number if org_phones else None,
        "url": formats.uri(service.url), "email": formats.email(service.email),
        "phone": phones[0].number if phones else None, "contact_name": contact.name if contact else None,
        "contact_email": formats.email(contact.email) if contact else None,
        "contact_phone": contact_phones[0].number if contact_phones else None,
        "fees_description": service.fees_description, "eligibility_description": service.eligibility_description,
        "application_process": service.application_process, "minimum_age": service.minimum_age,
        "maximum_age": service.maximum_age, "alert": service.alert,
        "languages": LIST_SEPARATOR.join(sorted({language.code for language in service.languages if language.code})),
        "categories": LIST_SEPARATOR.join(sorted({
            attribute.taxonomy_term.code or oruk_id(attribute.taxonomy_term.id) for attribute in service.attributes})),
        "gender": service.gender, "faith_setting": service.faith_setting,
        "food": LIST_SEPARATOR.join(service.food or []), "how_to_join": service.how_to_join,
        "transport_provided": _yes_no(service.transport_provided), "carers_welcome": _yes_no(service.carers_welcome),
        "listing_status": service.listing_status, "last_verified": service.last_verified,
    }
    for item in service.translations:
        if item.locale in vocabulary.LOCALES:
            base[f"name_{item.locale}"], base[f"description_{item.locale}"] = item.name, item.description
    # Children in an order that depends on what they say, not on their ids (ids the sheet
    # does not carry are derived on import), so export → import → export is stable.
    # The order uses what is written (published ids and rules), which a re-import stores.
    links = sorted(service.service_at_locations, key=lambda link: (
        link.location.name or "", link.location.address.postal_code if link.location.address else "",
        oruk_id(link.location.id)))
    schedules = sorted(service.schedules, key=lambda item: (
        _text(item.dtstart), _published_rule(item)["byday"] or "", _text(item.opens_at), item.description or "",
        oruk_id(item.id)))
    costs = sorted(service.cost_options, key=lambda item: (item.option or "", _text(item.amount), oruk_id(item.id)))
    areas = sorted(service.service_areas, key=lambda item: (item.name or "", oruk_id(item.id)))
    rows = []
    for index in range(max(1, len(links), len(schedules), len(costs), len(areas))):
        row = dict(base)
        if index < len(links):
            location = links[index].location
            address = location.address
            row.update({"location_id": oruk_id(location.id), "location_name": location.name,
                        "latitude": location.latitude, "longitude": location.longitude,
                        "transportation": location.transportation, **_access_cells(location)})
            if address is not None:
                row.update({"address_1": address.address_1, "address_2": address.address_2, "city": address.city,
                            "postcode": address.postal_code})
        if index < len(schedules):
            schedule = schedules[index]
            row.update({f"schedule_{name}": getattr(schedule, name) for name in _SCHEDULE_FIELDS})
            row.update({f"schedule_{name}": value for name, value in _published_rule(schedule).items()})
        if index < len(costs):
            row.update({column: getattr(costs[index], key) for key, column in _COST_FIELDS.items()})
        if index < len(areas):
            row.update({"service_area_name": areas[index].name, "service_area_extent": areas[index].extent})
        rows.append({column: _text(row.get(column)) for column in COLUMNS})
    return rows


def write_csv(services: Iterable[Service], stream) -> int:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    count = 0
    for service in services:
        writer.writerows(neutralise_rows(service_rows(service)))  # no cell a spreadsheet would run
        count += 1
    return count


def template_csv() -> str:
    stream = io.StringIO()
    csv.DictWriter(stream, fieldnames=COLUMNS, lineterminator="\r\n").writeheader()
    return stream.getvalue()


__all__ = ["COLUMNS", "records_from_csv", "service_rows", "template_csv", "write_csv"]
