"""Judge what the API serves by the ORUK validator's own V3.0-UK JSON schemas.

The schemas are the files the public Open Referral UK validator uses (``shared/oruk/schemas``
beside the project, or ``DIRECTORY_ORUK_SCHEMAS``). They are loaded into a ``referencing``
registry under their published names, so their ``$ref``s resolve, and checked with the
Draft 2020-12 validator with format checking on (uuid, email, uri, date-time).

Two quirks of the published files (shared/oruk/README.md) are worked around here, not
edited away: ``organization_list.json`` is really the single-organization schema, so a
page of organizations is checked by its envelope with each item against
``organization.json``; the list schemas' ``allOf: [{"Page": …}]`` checks nothing, so every
page is also checked against ``PAGE_ENVELOPE``.

Beyond the schemas, the rule "an absent value is omitted, never null" is checked on every
key, our extensions included (the schemas only see the keys they declare).

``collect_documents`` walks the API as a validator would: the root, every page of every
list, and every item by the id the list gave (so an id that does not resolve is a
violation too).
"""
from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

BASE_URI = "https://schemas.openreferraluk.org/V3.0-UK/"
PER_PAGE = 100
PAGE_ENVELOPE = {
    "type": "object",
    "required": ["total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents"],
    "properties": {
        "total_items": {"type": "integer", "minimum": 0}, "total_pages": {"type": "integer", "minimum": 0},
        "page_number": {"type": "integer", "minimum": 1}, "size": {"type": "integer", "minimum": 0},
        "first_page": {"type": "boolean"}, "last_page": {"type": "boolean"}, "empty": {"type": "boolean"},
        "contents": {"type": "array"},
    },
}
ORGANIZATION_PAGE = {"allOf": [{"$ref": "page_envelope.json"}],
                     "properties": {"contents": {"items": {"$ref": "organization.json"}}}}
LISTS = {  # list endpoint: (schema of a page, path of an item by id, schema of that item)
    "services": ("service_list.json", "services", "service.json"),
    "service_at_locations": ("service_at_location_list.json", "service_at_locations", "service_at_location.json"),
    "organizations": ("organization_page.json", "organizations", "organization.json"),
    "taxonomies": ("taxonomy_list.json", "taxonomies", "taxonomy.json"),
    "taxonomy_terms": ("taxonomy_term_list.json", "taxonomy_terms", "taxonomy_term.json"),
}


def schemas_folder() -> Path | None:
    """``DIRECTORY_ORUK_SCHEMAS``, else ``shared/oruk/schemas`` beside this checkout or any
    folder above it (a worktree may sit deeper than the main checkout), else the copy in
    tests/data/oruk-schemas (the same files, so a bare clone never skips the check)."""
    configured = os.environ.get("DIRECTORY_ORUK_SCHEMAS")
    if configured:
        return Path(configured)
    here = Path(__file__).resolve()
    for folder in here.parents:
        candidate = folder / "shared" / "oruk" / "schemas"
        if (candidate / "service.json").is_file():
            return candidate
    copy = here.parent.parent / "data" / "oruk-schemas"
    return copy if (copy / "service.json").is_file() else None


def load_registry(folder: Path) -> Registry:
    resources = [(BASE_URI + path.name, Resource.from_contents(json.loads(path.read_text(encoding="utf-8")),
                                                               default_specification=DRAFT202012))
                 for path in sorted(folder.glob("*.json"))]
    for name, contents in (("page_envelope.json", PAGE_ENVELOPE), ("organization_page.json", ORGANIZATION_PAGE)):
        resources.append((BASE_URI + name, DRAFT202012.create_resource(contents)))
    return Registry().with_resources(resources)


class Judge:
    """Validators for the schema files, by name."""

    def __init__(self, folder: Path):
        self.registry = load_registry(folder)
        self._validators: dict[str, Draft202012Validator] = {}

    def validator(self, name: str) -> Draft202012Validator:
        if name not in self._validators:
            schema = {"$ref": BASE_URI + name}
            self._validators[name] = Draft202012Validator(schema, registry=self.registry,
                                                          format_checker=FormatChecker())
        return self._validators[name]


@dataclass(frozen=True)
class Violation:
    url: str
    path: str      # JSON path in the document, e.g. contents[3].schedules[0].freq
    kind: str      # the path with indices folded, and the rule broken: contents[].schedules[].freq enum
    message: str

    def __str__(self) -> str:
        return f"{self.url}: {self.path}: {self.message}"


def _path(parts) -> tuple[str, str]:
    exact, folded = "", ""
    for part in parts:
        if isinstance(part, int):
            exact, folded = exact + f"[{part}]", folded + "[]"
        else:
            exact, folded = (exact + "." if exact else "") + part, (folded + "." if folded else "") + part
    return exact or "(root)", folded or "(root)"


def _nulls(value, parts=()):
    if value is None:
        yield parts
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nulls(item, (*parts, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nulls(item, (*parts, index))


def judge_document(judge: Judge, url: str, schema: str, document) -> list[Violation]:
    found = []
    validators = [judge.validator(schema)]
    if schema.endswith("_list.json"):
        validators.append(judge.validator("page_envelope.json"))
    for validator in validators:
        for error in validator.iter_errors(document):
            exact, folded = _path(error.absolute_path)
            found.append(Violation(url, exact, f"{schema} {folded} {error.validator}", error.message[:300]))
    for parts in _nulls(document):
        exact, folded = _path(parts)
        found.append(Violation(url, exact, f"{schema} {folded} null", "null where the value should be omitted"))
    return found


def collect_documents(client, extra: tuple[tuple[str, str], ...] = ()) -> list[tuple[str, str, object]]:
    """(url, schema, document) for the root, every page of every list and every listed item;
    a response other than 200 is returned as (url, "status", code)."""
    documents = []

    def fetch(url: str, schema: str):
        response = client.get(url)
        if response.status_code != 200:
            documents.append((url, "status", response.status_code))
            return None
        documents.append((url, schema, response.json))
        return response.json

    fetch("/api/", "api_details.json")
    for endpoint, (page_schema, item_path, item_schema) in LISTS.items():
        ids, page = [], 1
        while True:
            body = fetch(f"/api/{endpoint}?per_page={PER_PAGE}&page={page}", page_schema)
            if not isinstance(body, dict) or not isinstance(body.get("contents"), list):
                break
            ids.extend(item.get("id") for item in body["contents"] if isinstance(item, dict))
            if body.get("last_page") is not False or page >= 100:
                break
            page += 1
        for identifier in ids:
            fetch(f"/api/{item_path}/{identifier}", item_schema)
    for url, schema in extra:
        fetch(url, schema)
    return documents


def check_api(judge: Judge, client, extra: tuple[tuple[str, str], ...] = ()) -> tuple[int, list[Violation]]:
    """(documents checked, violations)."""
    documents = collect_documents(client, extra)
    violations = []
    for url, schema, document in documents:
        if schema == "status":
            violations.append(Violation(url, "(response)", f"status {document}", f"answered {document}, not 200"))
        else:
            violations.extend(judge_document(judge, url, schema, document))
    return len(documents), violations


def summary(documents: int, violations: list[Violation], examples: int = 40) -> str:
    kinds = Counter(violation.kind for violation in violations)
    by_schema = [violation for violation in violations if not violation.kind.endswith(" null")]
    lines = [f"{documents} documents checked, {len(violations)} violations of {len(kinds)} kinds "
             f"({len(by_schema)} of {len({violation.kind for violation in by_schema})} kinds by the schemas, "
             f"the rest null values the schemas do not declare)"]
    lines.extend(f"  {count:5d}  {kind}" for kind, count in kinds.most_common())
    if violations:
        lines.append("first violations:")
        lines.extend(f"  {violation}" for violation in violations[:examples])
    return "\n".join(lines)
