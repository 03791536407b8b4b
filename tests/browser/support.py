"""Shared by the browser tests, their conftest and scripts/screenshots.py: where Chromium is,
how to launch it, the site's locales and the accessibility check."""
from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = Path(os.environ.get("DIRECTORY_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]
VIEWPORT = {"width": 1200, "height": 900}
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-artefacts" / "screenshots"

# The site's URL prefixes and what <html> must say for each.
LOCALES = {
    "en": ("en-GB", "ltr"),
    "gu": ("gu", "ltr"),
    "pl": ("pl", "ltr"),
    "zh-hans": ("zh-Hans", "ltr"),
    "zh-hant": ("zh-Hant", "ltr"),
    "ur": ("ur", "rtl"),
}
GUJARATI_LUNCH_CLUB_ID = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"
GUJARATI_LUNCH_CLUB_NAME = "વરિષ્ઠ નાગરિક ભોજન ક્લબ"


# -- accessibility -------------------------------------------------------------------------------

def axe_script_path() -> Path:
    """axe.min.js as shipped inside the axe-playwright-python wheel: nothing is fetched at run time."""
    from axe_playwright_python.base import AXE_FILE_PATH

    return Path(AXE_FILE_PATH)


def run_axe(page) -> list[dict]:
    """Run axe-core on the page as it stands; return its violations.

    axe is evaluated through the DevTools protocol rather than added as a <script>: the
    site's Content-Security-Policy (no inline script) rightly refuses an injected tag."""
    if not page.evaluate("() => !!window.axe"):
        page.evaluate(axe_script_path().read_text(encoding="utf-8") + "\n;undefined")
    results = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return results["violations"]


def describe_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']} <{violation['helpUrl']}>")
        for node in violation["nodes"]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"    target {node['target']}: {node['html'][:160]}")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines)


def sign_in(page, live_server, email: str, password: str) -> None:
    """Sign in through the staff login form, as a person would."""
    page.goto(live_server("/en/staff/login"))
    page.fill("#email", email)
    page.fill("#password", password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/staff/login" not in url)  # the staff workspace
