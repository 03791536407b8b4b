"""Every shape of ORUK 3.0 document a publisher produces, turned into records to import.

What directories publish (the UK profile's examples and API endpoints):

* a service, a list of services, or a page of them (``{"contents": [...], "total_items": …}``);
* a service_at_location with its nested ``service`` and ``location``, or a page of them;
* an organization with nested ``services``, or a page of organizations;
* a taxonomy_term or a page of them; a taxonomy or a page of them;
* for the tabular form, ``locations.csv`` and ``taxonomy_terms.csv`` (``csv_io``).

Each item is classified by its own keys, so a page may even mix kinds. A file is streamed
with ijson: memory stays bounded by one item, however many the file holds. A record carries
its kind (``service``, ``location``, ``taxonomy_term``, ``taxonomy``), its data and where
it came from ("record 3", "record 2 service 1") so problems can name it.
"""
from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import BinaryIO

MAX_DEPTH = 64
"""Deepest JSON nesting accepted; a full ORUK service nests about 7 levels."""


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (wrong encoding, not JSON/CSV, not ORUK)."""


@dataclass
class Record:
    """One thing to import and where it came from, for the report."""

    where: str
    data: object
    locate: Callable[[str], tuple[str, str]] | None = None  # CSV: field path -> (row, column)
    problem: tuple[str, str] | None = None  # (column, message) found while reading the row
    kind: str = "service"
    link: bool = False  # a service_at_location: its service's other places may come in other records


SERVICE_KEYS = frozenset({"organization", "organization_id", "service_at_locations", "schedules", "status",
                          "fees", "fees_description", "eligibility_description", "cost_options", "contacts",
                          "service_areas", "languages", "accreditations", "assured_date", "minimum_age",
                          "maximum_age", "alert", "program_id", "interpretation_services", "application_process",
                          "locale", "translations", "listing_status", "how_to_join"})
TERM_KEYS = frozenset({"term", "code", "parent_id", "taxonomy", "taxonomy_id", "term_uri", "taxonomy_detail",
                       "language"})
TAXONOMY_KEYS = frozenset({"uri", "version"})
LOCATION_KEYS = frozenset({"latitude", "longitude", "location_type", "physical_addresses", "addresses",
                           "accessibility", "transportation", "external_identifier"})
ORGANIZATION_KEYS = frozenset({"services", "website", "logo", "organization_identifiers", "parent_organization_id",
                               "legal_status", "year_incorporated", "tax_status"})


def kind_of(item) -> str:
    """What an ORUK object is, from its keys (ORUK documents carry no type field)."""
    if not isinstance(item, dict):
        return "unknown"
    keys = item.keys()
    if isinstance(item.get("service"), dict) and ("location" in keys or "service_id" in keys or len(keys) <= 6):
        return "service_at_location"
    if isinstance(item.get("services"), list) or (ORGANIZATION_KEYS & keys and not SERVICE_KEYS & keys):
        return "organization"
    if SERVICE_KEYS & keys:
        return "service"
    if LOCATION_KEYS & keys:
        return "location"
    if TERM_KEYS & keys:
        return "taxonomy_term"
    if TAXONOMY_KEYS & keys:
        return "taxonomy"
    return "service"


def records_from_item(item, where: str) -> Iterator[Record]:
    """The records one top-level item of a document stands for."""
    kind = kind_of(item)
    if kind == "service_at_location":
        yield Record(where, service_of_link(item), kind="service", link=True)
    elif kind == "organization":
        services = item.get("services")
        if isinstance(services, list) and services:
            organization = {key: value for key, value in item.items() if key != "services"}
            for number, service in enumerate(services, start=1):
                data = dict(service, organization=organization) if isinstance(service, dict) and not isinstance(
                    service.get("organization"), dict) else service
                yield Record(f"{where} service {number}", data, kind="service")
        else:
            yield Record(where, item, kind="organization")
    elif kind == "unknown":
        yield Record(where, item, kind="service")  # reported as "must be an object"
    else:
        yield Record(where, item, kind=kind)


def service_of_link(item: dict) -> dict:
    """A service_at_location document as the full service it describes, the link (with its
    location) among the service's own ``service_at_locations``."""
    service = dict(item["service"])
    link = {key: value for key, value in item.items() if key != "service"}
    links = [other for other in service.get("service_at_locations") or [] if isinstance(other, dict)]
    kept = [other for other in links if other.get("id") != link.get("id") or isinstance(other.get("location"), dict)]
    if isinstance(link.get("location"), dict) or not kept:
        kept = [other for other in kept if other.get("id") != link.get("id")] + [link]
    service["service_at_locations"] = kept
    return service


def _is_page(document) -> bool:
    return isinstance(document, dict) and isinstance(document.get("contents"), list)


def records_from_document(document, prefix: str = "record") -> Iterator[Record]:
    """The records of an in-memory document (an API page, a small file)."""
    if _is_page(document):
        items = document["contents"]
    elif isinstance(document, list):
        items = document
    elif isinstance(document, dict) and ("name" in document or "id" in document or "service" in document):
        items = [document]
    else:
        raise ImportFileError("not an ORUK document: expected a service, service_at_location, organization or "
                              "taxonomy term, a list of them, or a page of them with \"contents\"")
    for number, item in enumerate(items, start=1):
        yield from records_from_item(item, f"{prefix} {number}")


def check_depth(value, limit: int = MAX_DEPTH) -> None:
    """Iterative depth check: a hostile item cannot blow the stack of whoever walks it."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise ImportFileError(f"the JSON is nested more than {limit} levels deep; an ORUK service needs about 7")
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values() if isinstance(child, (dict, list)))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item if isinstance(child, (dict, list)))


# ---- streaming a file ------------------------------------------------------------------

def _ijson():
    import ijson

    return ijson


def _translate(error: Exception) -> ImportFileError:
    text = str(error)
    if isinstance(error, UnicodeDecodeError) or "utf-8" in text.lower() or "utf8" in text.lower():
        return ImportFileError("the file is not UTF-8 text; save it as UTF-8 and try again")
    return ImportFileError(f"not valid JSON: {text.splitlines()[0] if text else type(error).__name__}")


def _top_level(stream: BinaryIO) -> str:
    """"list", "page", "organization" or "object": what the
    document is, read from its first events only (a page's ``contents`` may come last, so
    the top-level keys are scanned, skipping nested values)."""
    ijson = _ijson()
    events = ijson.parse(stream, use_float=True)
    try:
        prefix, event, _value = next(events)
        if event == "start_array":
            return "list"
        if event != "start_map":
            return "scalar"
        for prefix, event, value in events:
            if prefix == "" and event == "map_key" and value in ("contents", "services"):
                _, next_event, _ = next(events)
                if next_event == "start_array":
                    return "page" if value == "contents" else "organization"
    except StopIteration:
        return "empty"
    except (ijson.JSONError, UnicodeDecodeError, ValueError) as error:
        raise _translate(error) from error
    return "object"


def _depth_guard(stream: BinaryIO) -> int:
    """Refuse absurd nesting before any item is built (yajl itself recurses no deeper than
    it must, but the builder would make a 10,000-deep list): the first nested bytes are
    scanned cheaply, which catches every hostile file seen in practice."""
    head = stream.read(64 * 1024)
    start = 3 if head.startswith(b"\xef\xbb\xbf") else 0  # a byte-order mark is allowed
    stream.seek(start)
    depth = deepest = 0
    in_string = escaped = False
    for byte in head:
        if in_string:
            if escaped:
                escaped = False
            elif byte == 0x5C:
                escaped = True
            elif byte == 0x22:
                in_string = False
        elif byte == 0x22:
            in_string = True
        elif byte in (0x5B, 0x7B):
            depth += 1
            deepest = max(deepest, depth)
            if deepest > MAX_DEPTH:
                raise ImportFileError(f"the JSON is nested more than {MAX_DEPTH} levels deep; "
                                      "an ORUK service needs about 7")
        elif byte in (0x5D, 0x7D):
            depth -= 1
    return start


def stream_records(stream: BinaryIO) -> Iterator[Record]:
    """The records of a JSON file, read item by item (``stream`` must be seekable)."""
    ijson = _ijson()
    start = _depth_guard(stream)
    shape = _top_level(stream)
    stream.seek(start)
    if shape in ("scalar", "empty"):
        raise ImportFileError("not an ORUK document: expected a JSON object or list")
    prefix = {"list": "item", "page": "contents.item"}.get(shape)
    try:
        if prefix is None:  # one object (a service, a service_at_location, an organization…)
            document = json.loads(stream.read().decode("utf-8-sig"))
            check_depth(document)
            yield from records_from_document(document)
            return
        # Items are not walked for depth here (it cost more than reading them): the head of
        # the file was checked, ijson builds without recursion, and readers catch RecursionError.
        for number, item in enumerate(ijson.items(stream, prefix, use_float=True), start=1):
            yield from records_from_item(item, f"record {number}")
    except (ijson.JSONError, UnicodeDecodeError) as error:
        raise _translate(error) from error
    except json.JSONDecodeError as error:
        raise ImportFileError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from error
    except RecursionError as error:
        raise ImportFileError(f"the JSON is nested more than {MAX_DEPTH} levels deep") from error


__all__ = ["ImportFileError", "MAX_DEPTH", "Record", "check_depth", "kind_of", "records_from_document",
           "records_from_item", "service_of_link", "stream_records"]
