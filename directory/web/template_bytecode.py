"""Compiled templates kept once per process, for every app made in it.

Why: Jinja compiles a template (parse, generate Python source, ``compile``) the first time an
environment loads it, and an environment belongs to one Flask app. A process that makes more
than one app compiled every template again for each: the test suite makes one per test, and
template compilation was a tenth of the CPU of the browser tests. A server process makes
one app, so it compiles each template once, as before.

Jinja's own bytecode-cache interface does the work: a bucket is keyed by the template's name
and file, and Jinja checks the source's checksum when it loads one, so an edited template
is compiled afresh. The key also carries what in an environment changes the compiled code
(its extensions and syntax settings), so two differently configured environments never share
code.
"""
from __future__ import annotations

import hashlib

from jinja2 import Environment
from jinja2.bccache import BytecodeCache, Bucket


class ProcessBytecodeCache(BytecodeCache):
    """Compiled template code in this process's memory (a dict: its reads and writes are
    atomic, so request threads may share it)."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self._code.get(self._key(bucket))
        if code is not None:
            bucket.bytecode_from_string(code)  # discarded by Jinja if the source changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self._code[self._key(bucket)] = bucket.bytecode_to_string()

    def clear(self) -> None:
        self._code.clear()

    @staticmethod
    def _key(bucket: Bucket) -> str:
        return hashlib.sha256(f"{bucket.key}|{_compile_settings(bucket.environment)!r}".encode()).hexdigest()


def _compile_settings(environment: Environment) -> tuple:
    return (sorted(environment.extensions), environment.block_start_string, environment.variable_start_string,
            environment.comment_start_string, environment.line_statement_prefix, environment.trim_blocks,
            environment.lstrip_blocks, environment.newline_sequence, environment.keep_trailing_newline,
            environment.optimized, environment.is_async, getattr(environment, "newstyle_gettext", None),
            # A locale's overlay compiles its fixed texts in (template_locales): its own code.
            getattr(environment, "folded_locale", None), id(getattr(environment, "folded_catalogue", None)))


PROCESS_BYTECODE = ProcessBytecodeCache()


def init_app(app) -> None:
    app.jinja_env.bytecode_cache = PROCESS_BYTECODE


__all__ = ["PROCESS_BYTECODE", "ProcessBytecodeCache", "init_app"]
