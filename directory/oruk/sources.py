"""Where imported records come from: a file (JSON streamed, or CSV), standard input, or
another ORUK API followed page by page.

There is no size cap on a file: JSON is streamed item by item (``documents.stream_records``)
so a 45 MB, 50,000-service feed needs no more memory than one service. A page fetched from
another API is still capped (``MAX_PAGE_BYTES``): an API that answers one page with
gigabytes is broken or hostile.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from typing import BinaryIO

from .documents import (
    MAX_DEPTH, ImportFileError, Record, check_depth, records_from_document, records_from_item,
    stream_records,
)

MAX_PAGE_BYTES = 20 * 1024 * 1024
"""Largest single answer accepted from another API (a page of 100 services is ~0.1 MB)."""
URL_TIMEOUT_S = 30
MAX_URL_PAGES = 100_000
SINGULAR = {"services": "service", "service_at_locations": "service_at_location", "organizations": "organization",
            "taxonomy_terms": "taxonomy_term", "taxonomies": "taxonomy"}
COLLECTIONS = tuple(SINGULAR)


# ---- files -----------------------------------------------------------------------------

def decode_text(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark is allowed); the error names the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise ImportFileError(f"the file is not UTF-8 text (first bad byte on line {line}); "
                              "save it as UTF-8 and try again") from error


def parse_json(text: str):
    """A small document in memory (an API page): nesting is checked before json recurses."""
    depth = 0
    for match in re.finditer(r'"(?:[^"\\]|\\.)*"|[\[\]{}]', text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise ImportFileError(f"the JSON is nested more than {MAX_DEPTH} levels deep; "
                                      "an ORUK service needs about 7")
        elif token in "]}":
            depth -= 1
    try:
        document = json.loads(text)
    except RecursionError as error:
        raise ImportFileError(f"the JSON is nested more than {MAX_DEPTH} levels deep") from error
    except json.JSONDecodeError as error:
        raise ImportFileError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from error
    check_depth(document)
    return document


def detect_format(name: str | None, head: bytes) -> str:
    suffix = (name or "").lower().rsplit(".", 1)[-1] if name and "." in name else ""
    if suffix in ("json", "ndjson"):
        return "json"
    if suffix == "csv":
        return "csv"
    return "json" if head.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"[", b"{") else "csv"


def records_from_stream(stream: BinaryIO, name: str | None = None, file_format: str | None = None) -> Iterator[Record]:
    """Records from a seekable binary stream: JSON streamed, CSV read whole."""
    head = stream.read(4096)
    stream.seek(0)
    if (file_format or detect_format(name, head)) == "csv":
        from .csv_io import records_from_csv

        return iter(records_from_csv(decode_text(stream.read()), name))
    return stream_records(stream)


def records_from_bytes(raw: bytes, name: str | None = None, file_format: str | None = None) -> Iterator[Record]:
    import io

    return records_from_stream(io.BytesIO(raw), name, file_format)


def records_from_path(path: str, file_format: str | None = None) -> Iterator[Record]:
    """Records from a file, read lazily: the file stays open until they are consumed."""
    try:
        stream = open(path, "rb")  # noqa: SIM115 (closed by the generator below)
    except OSError as error:
        raise ImportFileError(f"cannot read the file: {error.strerror or error}") from error
    records = records_from_stream(stream, path, file_format)

    def reading() -> Iterator[Record]:
        with stream:
            yield from records
    return reading()


def spool_stdin(source: BinaryIO) -> BinaryIO:
    """Standard input copied to a temporary file, which streaming needs to seek in."""
    spooled = tempfile.TemporaryFile()
    shutil.copyfileobj(source, spooled, 1024 * 1024)
    spooled.seek(0)
    return spooled


def file_size(path: str) -> int | None:
    try:
        return os.path.getsize(path)
    except OSError:
        return None


# ---- another ORUK API ------------------------------------------------------------------

def _fetch_json(url: str):
    request = urllib.request.Request(url, headers={"Accept": "application/json",
                                                   "User-Agent": "community-signpost-import/1"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT_S) as response:  # noqa: S310 (http/https only)
            raw = response.read(MAX_PAGE_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise ImportFileError(f"{url} answered {error.code} {error.reason}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ImportFileError(f"could not fetch {url}: {getattr(error, 'reason', error)}") from error
    if len(raw) > MAX_PAGE_BYTES:
        raise ImportFileError(f"the answer from {url} is over {MAX_PAGE_BYTES // 1024 // 1024} MB; "
                              "ask for smaller pages")
    return parse_json(decode_text(raw))


def api_endpoint(url: str) -> tuple[str, str]:
    """(API base, collection) of a URL: ``https://x/api`` reads services;
    ``https://x/api/service_at_locations`` (or organizations, taxonomy_terms, taxonomies) that
    collection."""
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ImportFileError(f"{url!r} is not an http(s) URL of an ORUK API")
    path = parsed.path.rstrip("/")
    collection = "services"
    for name in COLLECTIONS:
        if path.endswith("/" + name):
            collection, path = name, path[: -len(name) - 1]
            break
    return urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, path, "", "")), collection


def api_base(url: str) -> str:
    return api_endpoint(url)[0]


def _is_full(item: dict) -> bool:
    """Whether a service item already holds what an import needs."""
    return isinstance(item.get("organization"), dict) and "service_at_locations" in item


def _service_ids(item: dict, collection: str) -> list[str]:
    """The services a service_at_location or organization item stands for."""
    if collection == "service_at_locations":
        service = item.get("service") if isinstance(item.get("service"), dict) else {}
        return [str(value) for value in [item.get("service_id") or service.get("id")] if value]
    services = item.get("services") if isinstance(item.get("services"), list) else []
    return [str(service["id"]) for service in services if isinstance(service, dict) and service.get("id")]


def records_from_url(url: str, per_page: int = 100,
                     progress: Callable[[int, int], None] | None = None) -> Iterator[Record]:
    """Every item of another ORUK API's collection, page by page (``?full=true``).

    Services not fully nested (the API ignores ``full``) are fetched from ``/services/{id}``;
    a page of service_at_locations or organizations is read as the services it names, each
    fetched once from ``/services/{id}`` (an organization's own page is fetched when its
    item does not list them)."""
    base, collection = api_endpoint(url)
    seen: set[str] = set()
    page = 1
    while page <= MAX_URL_PAGES:
        query = urllib.parse.urlencode({"full": "true", "page": page, "per_page": per_page})
        document = _fetch_json(f"{base}/{collection}?{query}")
        if not isinstance(document, dict) or not isinstance(document.get("contents"), list):
            raise ImportFileError(f"{base}/{collection} did not answer with an ORUK page (no \"contents\")")
        for number, item in enumerate(document["contents"], start=1):
            if not isinstance(item, dict) or not item.get("id"):
                yield Record(f"{collection} page {page} item {number}", item)  # reported: no id
                continue
            yield from _records_of_item(base, collection, item, seen)
        total_pages = document.get("total_pages")
        if progress:
            progress(page, total_pages if isinstance(total_pages, int) else page)
        if document.get("last_page") is True or not document["contents"] or (
                isinstance(total_pages, int) and page >= total_pages):
            break
        page += 1


def _fetch_item(base: str, collection: str, item_id) -> dict:
    return _fetch_json(f"{base}/{collection}/{urllib.parse.quote(str(item_id), safe='')}?full=true")


def _records_of_item(base: str, collection: str, item: dict, seen: set[str]) -> Iterator[Record]:
    if collection in ("taxonomy_terms", "taxonomies"):
        yield from records_from_item(item, f"{SINGULAR[collection]} {item.get('id')}")
        return
    if collection == "services":
        if not _is_full(item):
            item = _fetch_item(base, "services", item["id"])
        yield from records_from_item(item, f"service {item.get('id')}")
        return
    if collection == "organizations" and not isinstance(item.get("services"), list):
        item = _fetch_item(base, "organizations", item["id"])
    for service_id in _service_ids(item, collection):
        if service_id in seen:
            continue
        seen.add(service_id)
        service = _fetch_item(base, "services", service_id)
        if collection == "organizations" and isinstance(service, dict) and not isinstance(service.get("organization"),
                                                                                          dict):
            service = dict(service, organization={key: value for key, value in item.items() if key != "services"})
        yield from records_from_item(service, f"service {service_id}")


__all__ = ["MAX_PAGE_BYTES", "api_base", "api_endpoint", "decode_text", "detect_format", "file_size", "parse_json",
           "records_from_bytes", "records_from_document", "records_from_path", "records_from_stream",
           "records_from_url", "spool_stdin"]
