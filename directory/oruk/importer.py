"""Import ORUK services from a file (JSON or CSV) or from another ORUK API.

Rules (docs/IMPORT.md says the same for people):

* The file is refused before it is parsed when it is larger than ``MAX_IMPORT_BYTES``,
  is not UTF-8, is not valid JSON/CSV, or nests deeper than ``MAX_DEPTH``.
* Every record is checked; problems are reported with the record or row number and the
  field path (``record 3: service.schedules[0].byday: ...``).
* The whole file goes in ONE transaction: if any record has a problem nothing is imported.
* Services (and their children) are upserted by id, so importing a file twice is harmless.
* Taxonomy terms named by attributes are matched by id, then code, then name in any locale
  (English name or any translated name or synonym, ignoring case); a term that matches
  nothing is created.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..models import Service, Taxonomy, TaxonomyTerm
from ..taxonomy_matching import TermIndex, code_for_new_term
from .read import InvalidRecord, clean_text, read_service

MAX_IMPORT_BYTES = 20 * 1024 * 1024
"""Largest file (or API page) accepted: 20 MB, about 20,000 fully described services."""
MAX_DEPTH = 64
"""Deepest JSON nesting accepted; a full ORUK service nests about 7 levels."""
MAX_PROBLEMS = 200
URL_TIMEOUT_S = 30
MAX_URL_PAGES = 10_000


class ImportFileError(ValueError):
    """The file as a whole cannot be imported (too big, wrong encoding, not JSON/CSV)."""


@dataclass
class Problem:
    where: str           # "record 3" or "row 7"
    path: str | None     # field path or CSV column
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.path}: {self.message}" if self.path else f"{self.where}: {self.message}"


@dataclass
class Record:
    """One service to import and where it came from, for the report."""

    where: str
    data: dict
    locate: Callable[[str], tuple[str, str]] | None = None  # CSV: field path -> (row, column)
    problem: tuple[str, str] | None = None  # (column, message) found while reading the row


@dataclass
class ImportReport:
    records: int = 0
    imported: int = 0
    new_terms: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self) -> list[str]:
        head = (f"Checked {self.records} record(s)" if self.dry_run
                else f"Imported {self.imported} service(s)" if self.ok else f"Checked {self.records} record(s)")
        lines = [head + (f"; {len(self.new_terms)} new taxonomy term(s): {', '.join(self.new_terms)}"
                         if self.new_terms else "")]
        if self.problems:
            lines.append(f"{len(self.problems)} problem(s) found — nothing was imported:")
            lines.extend(f"  {problem}" for problem in self.problems[:MAX_PROBLEMS])
            if len(self.problems) > MAX_PROBLEMS:
                lines.append(f"  … and {len(self.problems) - MAX_PROBLEMS} more")
        elif self.dry_run:
            lines.append("No problems found (dry run: nothing was imported).")
        return lines


# ---- reading files ----------------------------------------------------------------------

def check_size(size: int, what: str = "the file") -> None:
    if size > MAX_IMPORT_BYTES:
        raise ImportFileError(f"{what} is {size / 1024 / 1024:.1f} MB; the largest import accepted is "
                              f"{MAX_IMPORT_BYTES // 1024 // 1024} MB — split it into smaller files")


def decode_text(raw: bytes) -> str:
    """UTF-8 text (a byte-order mark is allowed); the error names the line."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[:error.start].count(b"\n") + 1
        raise ImportFileError(f"the file is not UTF-8 text (first bad byte on line {line}); "
                              "save it as UTF-8 and try again") from error


def _check_depth(value, limit: int = MAX_DEPTH) -> None:
    """Iterative depth check: a hostile file cannot blow the stack after parsing."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if depth > limit:
            raise ImportFileError(f"the JSON is nested more than {limit} levels deep; an ORUK service needs about 7")
        if isinstance(item, dict):
            stack.extend((child, depth + 1) for child in item.values() if isinstance(child, (dict, list)))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item if isinstance(child, (dict, list)))


def parse_json(text: str):
    # A cheap pre-scan refuses absurd nesting before json (which recurses) ever sees it.
    depth = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                raise ImportFileError(f"the JSON is nested more than {MAX_DEPTH} levels deep; "
                                      "an ORUK service needs about 7")
        elif ch in "]}":
            depth -= 1
    try:
        document = json.loads(text)
    except RecursionError as error:
        raise ImportFileError(f"the JSON is nested more than {MAX_DEPTH} levels deep") from error
    except json.JSONDecodeError as error:
        raise ImportFileError(f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}") from error
    _check_depth(document)
    return document


def records_from_json_document(document) -> list[Record]:
    """A list of full services, a paginated dump (``contents``), or one service object."""
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        items = document["contents"]
    elif isinstance(document, dict) and "name" in document:
        items = [document]
    elif isinstance(document, list):
        items = document
    else:
        raise ImportFileError("expected a JSON list of ORUK services, or a page of them with \"contents\"")
    return [Record(f"record {number}", item) for number, item in enumerate(items, start=1)]


def detect_format(name: str | None, text: str) -> str:
    suffix = (name or "").lower().rsplit(".", 1)[-1] if name and "." in name else ""
    if suffix in ("json", "ndjson"):
        return "json"
    if suffix == "csv":
        return "csv"
    return "json" if text.lstrip()[:1] in ("[", "{") else "csv"


def records_from_bytes(raw: bytes, name: str | None = None, file_format: str | None = None) -> list[Record]:
    check_size(len(raw))
    text = decode_text(raw)
    file_format = file_format or detect_format(name, text)
    if file_format == "csv":
        from .csv_io import records_from_csv

        return records_from_csv(text)
    return records_from_json_document(parse_json(text))


def records_from_path(path: str, file_format: str | None = None) -> list[Record]:
    import os

    try:
        check_size(os.path.getsize(path))
        with open(path, "rb") as stream:
            raw = stream.read(MAX_IMPORT_BYTES + 1)
    except OSError as error:
        raise ImportFileError(f"cannot read the file: {error.strerror or error}") from error
    return records_from_bytes(raw, path, file_format)


# ---- another ORUK API --------------------------------------------------------------------

def _fetch_json(url: str):
    request = urllib.request.Request(url, headers={"Accept": "application/json",
                                                   "User-Agent": "community-signpost-import/1"})
    try:
        with urllib.request.urlopen(request, timeout=URL_TIMEOUT_S) as response:  # noqa: S310 (http/https only)
            raw = response.read(MAX_IMPORT_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise ImportFileError(f"{url} answered {error.code} {error.reason}") from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        raise ImportFileError(f"could not fetch {url}: {getattr(error, 'reason', error)}") from error
    check_size(len(raw), f"the answer from {url}")
    return parse_json(decode_text(raw))


def api_base(url: str) -> str:
    parsed = urllib.parse.urlsplit(url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise ImportFileError(f"{url!r} is not an http(s) URL of an ORUK API")
    path = re.sub(r"/services/?$", "", parsed.path.rstrip("/"))
    return urllib.parse.urlunsplit((parsed.scheme, parsed.netloc, path, "", ""))


def _is_full(item: dict) -> bool:
    return isinstance(item.get("organization"), dict) and "service_at_locations" in item


def records_from_url(url: str, per_page: int = 100, progress: Callable[[int, int], None] | None = None) -> list[Record]:
    """Every service of another ORUK API: pages of ``/services?full=true``; any item that is
    not fully nested (the API ignores ``full``) is fetched from ``/services/{id}``."""
    base = api_base(url)
    records: list[Record] = []
    page = 1
    while page <= MAX_URL_PAGES:
        query = urllib.parse.urlencode({"full": "true", "page": page, "per_page": per_page})
        document = _fetch_json(f"{base}/services?{query}")
        if not isinstance(document, dict) or not isinstance(document.get("contents"), list):
            raise ImportFileError(f"{base}/services did not answer with an ORUK page (no \"contents\")")
        for item in document["contents"]:
            if not isinstance(item, dict) or not item.get("id"):
                raise ImportFileError(f"{base}/services page {page} has an item without an id")
            if not _is_full(item):
                item = _fetch_json(f"{base}/services/{urllib.parse.quote(str(item['id']), safe='')}")
            records.append(Record(f"service {item.get('id')}", item))
        total_pages = document.get("total_pages")
        if progress:
            progress(page, total_pages if isinstance(total_pages, int) else page)
        if document.get("last_page") is True or not document["contents"] or (
                isinstance(total_pages, int) and page >= total_pages):
            break
        page += 1
    return records


# ---- taxonomy terms ----------------------------------------------------------------------

class TermResolver:
    """Find (or create) the local term an attribute names: id, code, then a name in any locale."""

    def __init__(self, session: Session):
        self.session = session
        self.created: list[TaxonomyTerm] = []
        self._by_name: TermIndex | None = None
        self._pending_parents: dict[str, str] = {}

    def link_parents(self) -> None:
        """Give created terms the parents that were created after them."""
        for term_id, parent_id in self._pending_parents.items():
            if isinstance(parent_id, str) and self.session.get(TaxonomyTerm, parent_id) is not None:
                self.session.get(TaxonomyTerm, term_id).parent_id = parent_id
        self.session.flush()

    def _names(self) -> TermIndex:
        """Names and synonyms in every locale, matched loosely (directory.taxonomy_matching)."""
        if self._by_name is None:
            self._by_name = TermIndex.from_session(self.session)
        return self._by_name

    def find(self, term_id=None, code=None, name=None) -> TaxonomyTerm | None:
        term = None
        if term_id and isinstance(term_id, str) and len(term_id) <= 36:
            term = self.session.get(TaxonomyTerm, term_id)
        if term is None and code:
            term = self.session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == str(code)))
        # A name matches loosely (any locale, plurals, punctuation); a code only as itself,
        # ignoring case ("health-checks" is not "health-check").
        for found in ((self._names().match(name) if name else None), (self._names().match_code(code) if code else None)):
            if term is None and found:
                term = self.session.get(TaxonomyTerm, found)
        return term

    def resolve(self, data, path: str) -> TaxonomyTerm:
        """``data`` is an ORUK attribute dict or (from CSV, ``{"category": ...}``) a bare id,
        code or name."""
        if isinstance(data, dict) and isinstance(data.get("category"), str):
            term_data, term_id = {"code": data["category"], "name": data["category"]}, data["category"]
            return self.find(term_id, data["category"], data["category"]) or self._create(term_data, term_id, path, True)
        elif isinstance(data, dict):
            term_data = data.get("taxonomy_term") if isinstance(data.get("taxonomy_term"), dict) else {}
            term_id = data.get("taxonomy_term_id") or term_data.get("id")
        else:
            raise InvalidRecord(path, "must be an object")
        term = self.find(term_id, term_data.get("code"), term_data.get("name") or term_data.get("term"))
        return term if term is not None else self._create(term_data, term_id, path, bare=False)

    def _create(self, term_data: dict, term_id, path: str, bare: bool) -> TaxonomyTerm:
        name = clean_text(term_data.get("name") or term_data.get("term") or term_data.get("code"), f"{path}.name", 255)
        if not name:
            raise InvalidRecord(f"{path}.taxonomy_term", f"unknown taxonomy term {term_id!r} and no name to create it")
        # Every term gets a code (its category page's address): the feed's own, or the slug
        # of its name, de-duplicated.
        code = code_for_new_term(self.session, None if bare else clean_text(term_data.get("code"), f"{path}.code", 128),
                                 name)
        new_id = term_id if (not bare and isinstance(term_id, str) and 0 < len(term_id) <= 36) else (
            str(uuid.uuid5(uuid.NAMESPACE_URL, f"signpost:term:{name.casefold()}")))
        parent_id = term_data.get("parent_id")
        if parent_id and self.session.get(TaxonomyTerm, parent_id) is None:
            self._pending_parents[new_id] = parent_id  # the parent may come later in the file
            parent_id = None
        taxonomy_id = term_data.get("taxonomy_id")
        if taxonomy_id and self.session.get(Taxonomy, taxonomy_id) is None:
            self.session.add(Taxonomy(id=str(taxonomy_id)[:36], name=clean_text(term_data.get("taxonomy")) or "Imported"))
        term = TaxonomyTerm(
            id=new_id, code=code, name=name, description=clean_text(term_data.get("description")),
            parent_id=parent_id, taxonomy=clean_text(term_data.get("taxonomy")),
            taxonomy_id=str(taxonomy_id)[:36] if taxonomy_id else None,
            language=clean_text(term_data.get("language")) or ("en" if bare else None),
            term_uri=clean_text(term_data.get("term_uri")))
        self.session.add(term)
        self.session.flush()
        self.created.append(term)
        self._names().add(name, term.id, code=code)
        return term


def _with_resolved_terms(data: dict, resolver: TermResolver, path: str) -> dict:
    """A copy of ``data`` whose attributes name local term ids (so read.py finds them)."""
    attributes = data.get("attributes")
    if not attributes:
        return data
    if not isinstance(attributes, list):
        raise InvalidRecord(f"{path}.attributes", "must be a list")
    resolved, seen = [], set()
    for index, item in enumerate(attributes):
        term = resolver.resolve(item, f"{path}.attributes[{index}]")
        if term.id in seen:  # "Joga" and "瑜伽" name one term: tag the service once
            continue
        seen.add(term.id)
        item = {key: value for key, value in item.items() if key not in ("taxonomy_term", "category")}
        item["taxonomy_term_id"] = term.id
        resolved.append(item)
    return dict(data, attributes=resolved)


def _last_modified(value) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    if parsed.tzinfo is not None:
        parsed = parsed.astimezone(dt.UTC).replace(tzinfo=None)
    return parsed


# ---- the import --------------------------------------------------------------------------

def import_records(session: Session, records: list[Record], dry_run: bool = False,
                   progress: Callable[[int], None] | None = None) -> ImportReport:
    """Check and upsert every record in ``session``; the caller commits only when the
    report is ok and this is not a dry run (``run_import`` does exactly that)."""
    report = ImportReport(records=len(records), dry_run=dry_run)
    resolver = TermResolver(session)
    seen: dict[str, str] = {}
    services = []
    for record in records:
        if record.problem is not None:
            report.problems.append(Problem(record.where, *record.problem))
            continue
        try:
            if not isinstance(record.data, dict):
                raise InvalidRecord("service", "must be an object")
            data = _with_resolved_terms(record.data, resolver, "service")
            service = read_service(session, data)
            if service.id in seen:
                raise InvalidRecord("service.id", f"{service.id!r} is also used by {seen[service.id]}")
            seen[service.id] = record.where
            services.append((service, _last_modified(data.get("last_modified"))))
        except InvalidRecord as error:
            where, path = record.locate(error.path) if record.locate else (record.where, error.path)
            report.problems.append(Problem(where, path, error.message))
        except RecursionError:
            report.problems.append(Problem(record.where, None, "nested too deeply"))
        if progress:
            progress(1)
    if report.problems:
        return report
    try:
        resolver.link_parents()
        for service, modified in services:
            existing = session.get(Service, service.id)
            if existing is not None:
                session.delete(existing)
                session.flush()
            merged = session.merge(service)
            if modified is not None:
                merged.last_modified = modified
            session.flush()
            report.imported += 1
    except SQLAlchemyError as error:
        report.imported = 0
        message = str(getattr(error, "orig", None) or error).splitlines()[0]
        report.problems.append(Problem("database", None, f"the database refused the import: {message}"))
    report.new_terms = [term.code or term.name for term in resolver.created]
    return report


def run_import(database, records: list[Record], dry_run: bool = False,
               progress: Callable[[int], None] | None = None) -> ImportReport:
    """One transaction for the whole file: committed only when every record is good."""
    session = database.sessionmaker()
    try:
        report = import_records(session, records, dry_run, progress)
        if report.ok and not dry_run:
            session.commit()
        else:
            session.rollback()
        return report
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


__all__ = ["ImportFileError", "ImportReport", "MAX_DEPTH", "MAX_IMPORT_BYTES", "Problem", "Record", "TermResolver",
           "import_records", "records_from_bytes", "records_from_path", "records_from_url", "run_import"]
