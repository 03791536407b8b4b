#!/usr/bin/env bash
# Make sure headless Chromium and the fonts for every site language are installed, for the
# browser tests (tests/browser) and scripts/screenshots.py.
#
# Playwright's own browser download cannot be used here, so the tests drive Debian's
# `chromium` (/usr/bin/chromium). The Noto packages make Gujarati, Chinese (Simplified and
# Traditional) and Urdu (Nastaliq / Arabic script) render as text rather than empty boxes.
#
# Idempotent: returns at once when everything is already there. Exits non-zero, with a
# message saying why, when it cannot install them (not root, no apt-get, apt failed).
set -euo pipefail

CHROMIUM=/usr/bin/chromium
PACKAGES=(chromium fonts-noto-core fonts-noto-ui-core fonts-noto-cjk)

installed() { [ "$(dpkg-query -W -f='${Status}' "$1" 2>/dev/null)" = "install ok installed" ]; }

missing=()
for package in "${PACKAGES[@]}"; do
  installed "$package" || missing+=("$package")
done
if [ -x "$CHROMIUM" ] && [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

fail() { echo "install-browser: $*" >&2; exit 1; }

command -v apt-get >/dev/null || fail "apt-get not found; install Chromium at $CHROMIUM and the Noto fonts (${PACKAGES[*]}) by hand"
[ "$(id -u)" = 0 ] || fail "not root; run as root or: sudo apt-get install -y ${missing[*]:-chromium}"

echo "install-browser: installing ${missing[*]:-chromium} (apt-get)..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq || fail "apt-get update failed"
apt-get install -y -qq "${missing[@]:-chromium}" >/dev/null \
  || fail "apt-get install ${missing[*]:-chromium} failed"
[ -x "$CHROMIUM" ] || fail "$CHROMIUM is still missing after installing the chromium package"
command -v fc-cache >/dev/null && fc-cache -f >/dev/null 2>&1 || true
echo "install-browser: done ($("$CHROMIUM" --version 2>/dev/null || echo chromium))"
