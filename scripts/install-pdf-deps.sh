#!/usr/bin/env bash
# Make sure WeasyPrint can make PDFs (the signposting sheet and the newsletter): Pango from
# Debian, the Noto fonts that shape Gujarati, Chinese and Urdu, and poppler-utils
# (pdftoppm, which the tests use to render a page image to look at).
#
# Idempotent: returns at once when everything is installed. Exits non-zero, saying why,
# when it cannot install them (not root, no apt-get, apt failed); the PDF tests then skip.
set -euo pipefail

PACKAGES=(libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-noto-cjk poppler-utils)

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

missing=()
for package in "${PACKAGES[@]}"; do
  installed "$package" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

fail() { echo "install-pdf-deps: $*" >&2; exit 1; }

command -v apt-get >/dev/null || fail "apt-get not found; install ${missing[*]} by hand"
[ "$(id -u)" = 0 ] || fail "not root; run as root or: sudo apt-get install -y ${missing[*]}"

echo "install-pdf-deps: installing ${missing[*]} (apt-get)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || fail "apt-get update failed"
apt-get install -y -qq "${missing[@]}" >/dev/null || fail "apt-get install ${missing[*]} failed"
command -v fc-cache >/dev/null && fc-cache -f >/dev/null 2>&1 || true
echo "install-pdf-deps: done"
