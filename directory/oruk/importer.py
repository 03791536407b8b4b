"""Import ORUK records (from a file, standard input or another ORUK API) into the directory.

Rules (docs/IMPORT.md says the same for people):

* Every ORUK 3.0 document shape is accepted (``documents.py``); files have no size cap and
  JSON is streamed (``sources.py``); services are written in batches (``bulk.py``).
* Liberal in what it accepts, precise in what it reports. A record that cannot be used at
  all (not an object, no id, no name) is an **error**. A value that cannot be used
  (coordinates out of range, an unknown schedule frequency, a malformed e-mail address or
  URL, template placeholder text) is a **warning**: the value is dropped, the record is
  imported, and the warning names the record and the field path
  (``record 3: service.schedules[0].freq: 'SOMETIMES' is not WEEKLY, …``).
* One transaction for the whole file: any error and nothing is imported — unless
  ``skip_invalid``, which imports the good records and lists the rest.
* Services (and their children) are replaced by id, so importing a file twice is harmless.
* Taxonomy terms named by attributes are matched by id, then code, then name in any locale
  (English name or any translated name or synonym, ignoring case); a term that matches
  nothing is created.
"""
from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..models import Taxonomy, TaxonomyTerm
from ..taxonomy_matching import TermIndex, code_for_new_term
from .documents import MAX_DEPTH, ImportFileError, Record
from .read import InvalidRecord, ValueNotes, clean_text, location_row, service_row
from .sources import (
    MAX_PAGE_BYTES, api_base, decode_text, parse_json, records_from_bytes, records_from_path, records_from_stream,
    records_from_url,
)

MAX_PROBLEMS = 200
"""Problems listed in full; the rest are counted."""
BATCH_SIZE = 500
"""Services written per batch: big enough that statements are few, small enough that a
batch's rows stay a few megabytes."""


@dataclass
class Problem:
    where: str           # "record 3" or "row 7"
    path: str | None     # field path or CSV column
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        place = f"{self.where}: {self.path}" if self.path else self.where
        return f"{place}: {self.message}" if self.severity == "error" else f"{place}: warning: {self.message}"


@dataclass
class ImportReport:
    records: int = 0
    imported: int = 0
    places: int = 0
    terms: int = 0
    new_terms: list[str] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    dry_run: bool = False
    skip_invalid: bool = False
    failed: str | None = None  # the database refused the import

    @property
    def problems(self) -> list[Problem]:
        return self.errors

    @property
    def ok(self) -> bool:
        """Everything that was meant to go in went in (or would, on a dry run)."""
        return not self.error_count and not self.failed

    @property
    def committed(self) -> bool:
        return not self.dry_run and not self.failed and (self.ok or self.skip_invalid)

    @property
    def outcome(self) -> str:
        """"imported", "partial" (--skip-invalid left records out), "refused" or "checked"."""
        if self.failed or (self.error_count and not self.skip_invalid):
            return "refused"
        if self.dry_run:
            return "checked"
        return "partial" if self.error_count else "imported"

    def add(self, problem: Problem) -> None:
        if problem.severity == "error":
            self.error_count += 1
            if len(self.errors) < MAX_PROBLEMS:
                self.errors.append(problem)
        else:
            self.warning_count += 1
            if len(self.warnings) < MAX_PROBLEMS:
                self.warnings.append(problem)

    def lines(self) -> list[str]:
        """The report; its LAST line says what happened (scripts read it, and the exit status)."""
        lines = []
        if self.new_terms:
            lines.append(f"{len(self.new_terms)} new taxonomy term(s): {', '.join(self.new_terms)}")
        for title, problems, count in (("warning(s): the value was left out, the record kept", self.warnings,
                                        self.warning_count),
                                       ("error(s): the record cannot be used", self.errors, self.error_count)):
            if count:
                lines.append(f"{count} {title}:")
                lines.extend(f"  {problem}" for problem in problems)
                if count > len(problems):
                    lines.append(f"  … and {count - len(problems)} more")
        if self.failed:
            lines.append(f"  database: {self.failed}")
        warned = f"; {self.warning_count} warning(s)" if self.warning_count else ""
        what = f"{self.imported} service(s)" + (f", {self.places} place(s)" if self.places else "") + (
            f", {self.terms} taxonomy term(s)" if self.terms else "")
        outcome = self.outcome
        if outcome == "refused":
            reason = "the database refused it" if self.failed else f"{self.error_count} error(s)"
            lines.append(f"Checked {self.records} record(s): {reason} — nothing was imported")
        elif outcome == "checked":
            lines.append(f"Checked {self.records} record(s): "
                         + (f"{self.error_count} error(s)" if self.error_count else "no errors")
                         + f"{warned} (dry run: nothing was imported)")
        elif outcome == "partial":
            lines.append(f"Imported {what} of {self.records} record(s){warned}; "
                         f"skipped {self.error_count} invalid record(s) listed above")
        else:
            lines.append(f"Imported {what}{warned}")
        return lines


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


class CachingTermResolver(TermResolver):
    """A resolver that remembers its answers for one import: a feed names the same few
    terms thousands of times, and each lookup would otherwise be a query."""

    def __init__(self, session: Session):
        super().__init__(session)
        self._answers: dict[str, TaxonomyTerm] = {}

    def resolve(self, data, path: str) -> TaxonomyTerm:
        key = _term_key(data)
        if key is not None and key in self._answers:
            return self._answers[key]
        term = super().resolve(data, path)
        if key is not None:
            self._answers[key] = term  # also keeps the term in the session's identity map
        return term


def _term_key(data) -> str | None:
    """What in an attribute names its term (not the attribute's own id)."""
    if not isinstance(data, dict):
        return None
    term = data.get("taxonomy_term")
    return repr((data.get("category"), data.get("taxonomy_term_id"),
                 sorted(term.items(), key=lambda item: item[0]) if isinstance(term, dict) else term))


def _with_resolved_terms(data: dict, resolver: TermResolver, path: str, notes: ValueNotes | None = None) -> dict:
    """A copy of ``data`` whose attributes name local term ids (so read.py finds them); an
    attribute naming no usable term is left out with a warning."""
    attributes = data.get("attributes")
    if not attributes:
        return data
    if not isinstance(attributes, list):
        if notes is None:
            raise InvalidRecord(f"{path}.attributes", "must be a list")
        notes.drop(f"{path}.attributes", "must be a list")
        return dict(data, attributes=[])
    resolved, seen = [], set()
    for index, item in enumerate(attributes):
        if notes is not None and isinstance(item, dict) and not any(
                item.get(key) for key in ("taxonomy_term", "taxonomy_term_id", "category")):
            notes.drop(f"{path}.attributes[{index}]", "names no taxonomy term; this attribute was left out")
            continue
        try:
            term = resolver.resolve(item, f"{path}.attributes[{index}]")
        except InvalidRecord as error:
            if notes is None:
                raise
            notes.drop(error.path, f"{error.message}; this attribute was left out")
            continue
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

def _record_id(data: dict, path: str) -> str:
    """Every record needs its id: without one an upsert cannot find it again next time."""
    value = data.get("id")
    if value is None or (isinstance(value, str) and not value.strip()):
        raise InvalidRecord(f"{path}.id", "is required (an ORUK record needs its id)")
    if not isinstance(value, (str, int)) or isinstance(value, bool):
        raise InvalidRecord(f"{path}.id", "must be text")
    text = clean_text(value, f"{path}.id")
    if len(text) > 36:
        raise InvalidRecord(f"{path}.id", "is longer than 36 characters")
    return text


class Importer:
    """One import: reads records, reports problems, writes good services in batches."""

    def __init__(self, session: Session, report: ImportReport, progress: Callable[[int], None] | None = None):
        from .bulk import Batch

        self.session = session
        self.report = report
        self.progress = progress
        self.resolver = CachingTermResolver(session)
        self.seen: dict[str, str] = {}
        self.linked: set[str] = set()
        self.batch = Batch()
        self.writing = not report.dry_run

    def run(self, records: Iterable[Record]) -> None:
        if self.writing and self.session.get_bind().dialect.name == "sqlite":
            # A big import inserts into every index at random (UUID keys): SQLite's default
            # 2 MB page cache would send most of those writes to disk twice.
            self.session.connection().exec_driver_sql("PRAGMA cache_size=-262144")
        for record in records:
            self.report.records += 1
            self.take(record)
            if self.progress:
                self.progress(1)
            if len(self.batch) >= BATCH_SIZE:
                self.flush()
        self.flush()
        if self.writing:
            self.resolver.link_parents()

    def flush(self) -> None:
        from .bulk import Batch, write_batch

        if self.writing and (not self.report.error_count or self.report.skip_invalid):
            self.report.imported += write_batch(self.session, self.batch)
        self.batch = Batch()

    def take(self, record: Record) -> None:
        notes = ValueNotes(strict=False)
        try:
            if record.problem is not None:
                raise InvalidRecord(*record.problem)
            if not isinstance(record.data, dict):
                raise InvalidRecord(record.kind, "must be an object")
            getattr(self, f"_take_{record.kind}")(record, notes)
        except InvalidRecord as error:
            where, path = record.locate(error.path) if record.locate else (record.where, error.path)
            self.report.add(Problem(where, path, error.message))
        except RecursionError:
            self.report.add(Problem(record.where, None, "nested too deeply"))
        for path, message in notes.warnings:
            where, path = record.locate(path) if record.locate else (record.where, path)
            self.report.add(Problem(where, path, message, "warning"))

    def _take_service(self, record: Record, notes: ValueNotes) -> None:
        service_id = _record_id(record.data, "service")
        _required_name(record.data, "service")
        data = _with_resolved_terms(record.data, self.resolver, "service", notes)
        service = service_row(self.session, data, notes=notes)
        if record.link and service_id in self.linked:  # another place of a service already read
            self.batch.add_links(service)
            return
        if record.link:
            self.linked.add(service_id)
        if service_id in self.seen:
            notes.drop("service.id", f"{service_id!r} is also used by {self.seen[service_id]}; the later one is kept")
        self.seen[service_id] = record.where
        self.batch.add(service, _last_modified(data.get("last_modified")))

    def _take_location(self, record: Record, notes: ValueNotes) -> None:
        _record_id(record.data, "location")
        self.batch.add_location(location_row(record.data, "location", notes))
        self.report.places += 1

    def _take_taxonomy_term(self, record: Record, notes: ValueNotes) -> None:
        _record_id(record.data, "taxonomy_term")
        data = dict(record.data)
        if not clean_text(data.get("name"), "taxonomy_term.name", None, notes):
            data["name"] = data.get("term")
        _required_name(data, "taxonomy_term")
        self.resolver.resolve({"taxonomy_term": data}, "taxonomy_term")
        self.report.terms += 1

    def _take_taxonomy(self, record: Record, notes: ValueNotes) -> None:
        taxonomy_id = _record_id(record.data, "taxonomy")
        name = _required_name(record.data, "taxonomy")
        taxonomy = self.session.get(Taxonomy, taxonomy_id) or Taxonomy(id=taxonomy_id)
        taxonomy.name = name
        taxonomy.description = clean_text(record.data.get("description"), "taxonomy.description", None, notes)
        taxonomy.uri = clean_text(record.data.get("uri"), "taxonomy.uri", 512, notes)
        taxonomy.version = clean_text(record.data.get("version"), "taxonomy.version", 32, notes)
        self.session.add(taxonomy)
        self.session.flush()

    def _take_organization(self, record: Record, notes: ValueNotes) -> None:
        raise InvalidRecord("organization.services", "is empty: an organisation is imported with its services")


def _required_name(data: dict, path: str) -> str:
    name = clean_text(data.get("name"), f"{path}.name", 255, ValueNotes(strict=False))
    if not name:
        raise InvalidRecord(f"{path}.name", "is required")
    return name


def import_records(session: Session, records: Iterable[Record], dry_run: bool = False,
                   progress: Callable[[int], None] | None = None, skip_invalid: bool = False) -> ImportReport:
    """Check and write every record in ``session``; the caller commits only when
    ``report.committed`` (``run_import`` does exactly that)."""
    report = ImportReport(dry_run=dry_run, skip_invalid=skip_invalid)
    importer = Importer(session, report, progress)
    try:
        importer.run(records)
    except SQLAlchemyError as error:
        report.imported = 0
        report.failed = f"the database refused the import: {str(getattr(error, 'orig', None) or error).splitlines()[0]}"
    report.new_terms = [term.code or term.name for term in importer.resolver.created]
    return report


def run_import(database, records: Iterable[Record], dry_run: bool = False,
               progress: Callable[[int], None] | None = None, skip_invalid: bool = False) -> ImportReport:
    """One transaction for the whole file: committed when every record is good, or with
    ``skip_invalid`` when the good ones are written; never half a record."""
    session = database.sessionmaker()
    try:
        report = import_records(session, records, dry_run, progress, skip_invalid)
        if report.committed:
            session.commit()
            if report.imported:
                database.refresh_statistics()
        else:
            session.rollback()
            report.imported = report.places = report.terms = 0
        return report
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


__all__ = ["BATCH_SIZE", "ImportFileError", "ImportReport", "Importer", "MAX_DEPTH", "MAX_PAGE_BYTES", "Problem",
           "Record", "TermResolver", "api_base", "decode_text", "import_records", "parse_json", "records_from_bytes",
           "records_from_path", "records_from_stream", "records_from_url", "run_import"]
