#!/usr/bin/env sh
# Prints the path of a Python >= 3.12 to build the virtualenv with (the Makefile's PYTHON).
#
# Why not 3.11: CPython 3.11.7 corrupts its own heap when the cyclic garbage collector runs
# while several threads build ORM objects (the dev server's thread per request, gunicorn's
# threaded workers). The same 40-line Flask + SQLAlchemy loop crashes 3.11.7 within seconds
# and runs clean on 3.12 (docs/ARCHITECTURE.md, "The server crash"). pyenv's shims refuse a
# version that is not selected, so pyenv's own folders are searched too.
set -u
ok() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; }
for candidate in python3.12 python3.13 python3.14 python3; do
    if command -v "$candidate" >/dev/null 2>&1 && ok "$candidate"; then
        "$candidate" -c 'import sys; print(sys.executable)'
        exit 0
    fi
done
root=$(pyenv root 2>/dev/null || echo "${PYENV_ROOT:-$HOME/.pyenv}")
for version in $(ls -d "$root"/versions/3.1[2-9]* 2>/dev/null | sort -V); do
    if [ -x "$version/bin/python3" ] && ok "$version/bin/python3"; then
        echo "$version/bin/python3"
        exit 0
    fi
done
echo "find-python: no Python 3.12 or newer found (CPython 3.11 crashes under threaded load; see docs/ARCHITECTURE.md)" >&2
exit 1
