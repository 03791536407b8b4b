"""Hypothesis strategies that generate ORUK documents from the validator's JSON schemas.

Why our own small converter rather than hypothesis-jsonschema: its last release (0.23.1)
drives a Hypothesis internal (``many.more()``) that current Hypothesis no longer has, so it
fails before drawing anything. The ORUK V3.0-UK schemas use a small subset of JSON Schema
(``type`` object/array/string/number, ``properties``, ``required``, ``enum``, ``format``
uuid/email/uri/date-time, ``items``, no ``$ref``), which this covers. Strings mix real
values with what feeds get wrong: out-of-range numbers, placeholder text, other scripts,
control characters, malformed dates, e-mails and URLs.
"""
from __future__ import annotations

import json
from pathlib import Path

from hypothesis import strategies as st

SCHEMAS = Path(__file__).resolve().parents[2] / "shared" / "oruk" / "schemas"
if not SCHEMAS.exists():  # a worktree beside /work/shared, or the shared copy beside the repo
    SCHEMAS = Path("/work/shared/oruk/schemas")

WORDS = ["Lunch club", "Spotkania przy kawie", "太極拳班", "太极拳", "ભોજન ક્લબ", "یوگا کلاس", "fees_description",
         "link_type", "Step-free access", "Wheelchair access and an induction loop", "", " ", "\u0000bad\u0007",
         "x" * 300, "<script>alert(1)</script>", "{{ 7*7 }}", "e\u0301", "LE4 5AA", "TU", "MO,TH", "1MO", "XY",
         "WEEKLY", "DAILY", "SOMETIMES", "10:00", "25:99", "2026-02-30", "2026-03-01"]
TEXT = st.one_of(st.sampled_from(WORDS), st.text(max_size=30))


def _string(schema: dict):
    form = schema.get("format")
    if form == "uuid":
        valid = st.uuids().map(str)
        return st.one_of(valid, valid, valid, st.sampled_from(["not-a-uuid", "", "x" * 40]))
    if form == "email":
        return st.one_of(st.emails(), st.sampled_from(["email-example_com", "a@b", ""]))
    if form == "uri":
        return st.one_of(st.sampled_from(["https://example.org/x", "http://example.com", "example/counselling",
                                          "javascript:alert(1)", "ftp://x", ""]), TEXT)
    if form == "date-time":
        return st.one_of(st.datetimes().map(lambda value: value.isoformat() + "Z"), TEXT)
    return TEXT


def _number(_schema: dict):
    return st.one_of(st.integers(min_value=-1000, max_value=10**12),
                     st.floats(allow_nan=False, allow_infinity=False, width=32),
                     st.sampled_from([100, 101, -91, 52.63, -1.13, 0]))


def strategy(schema: dict, depth: int = 0):
    """A strategy for values valid (mostly) under ``schema``; optional fields come and go."""
    if schema.get("enum"):
        return st.one_of(st.sampled_from(schema["enum"]), TEXT) if depth else st.sampled_from(schema["enum"])
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties") or {}
        required = [key for key in schema.get("required") or [] if key in properties]
        optional = {key: strategy(value, depth + 1) for key, value in properties.items()
                    if key not in required and (depth < 3 or properties[key].get("type") not in ("object", "array"))}
        return st.fixed_dictionaries({key: strategy(properties[key], depth + 1) for key in required},
                                     optional=optional)
    if kind == "array":
        if depth >= 4:
            return st.just([])
        return st.lists(strategy(schema.get("items") or {}, depth + 1), max_size=2)
    if kind == "string":
        return _string(schema)
    if kind in ("number", "integer"):
        return _number(schema)
    if kind == "boolean":
        return st.booleans()
    return st.one_of(TEXT, st.none())


def service_schema() -> dict:
    return json.loads((SCHEMAS / "service.json").read_text(encoding="utf-8"))


def services():
    """ORUK V3.0-UK services as the schema describes them (and as feeds get them wrong)."""
    return strategy(service_schema())
