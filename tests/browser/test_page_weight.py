"""Issue 17, point 13: a first visit downloads one language's glyphs, not every script's.

Everything the browser fetched (HTML, CSS, scripts, images, fonts) is summed from each
response's body size, in a fresh context (an empty cache), after fonts have finished loading.
Before the fonts were subset and loaded per script, ``/gu/`` weighed 1.1 MB (935 KB of fonts)
and a Traditional Chinese search 2.9 MB (75 font files); docs/PERFORMANCE.md keeps the figures.
"""
from __future__ import annotations

import pytest
from .viewports import PHONE

pytestmark = pytest.mark.browser

KB = 1000
# path, the most a first visit may download, in bytes
BUDGETS = [
    ("/gu/", 400 * KB),
    ("/zh-hant/search?q=%E5%8D%88%E9%A4%90&postcode=LE4+5AA&distance=3", 1000 * KB),
    ("/ur/", 600 * KB),
]


def first_visit(new_context, url: str, viewport: dict) -> dict[str, int]:
    """Bytes of each response body of a first visit to ``url``, by URL."""
    context = new_context(viewport=viewport)
    sizes: dict[str, int] = {}
    context.on("requestfinished", lambda request: sizes.__setitem__(request.url, request.sizes()["responseBodySize"]))
    page = context.new_page()
    page.goto(url)
    page.evaluate("() => document.fonts.ready.then(() => true)")
    page.wait_for_load_state("networkidle")
    return sizes


@pytest.mark.parametrize("viewport", [PHONE, None], ids=["phone", "desktop"])
@pytest.mark.parametrize("path, budget", BUDGETS, ids=[path.split("?")[0] for path, _ in BUDGETS])
def test_first_visit_stays_within_its_weight(live_server, new_context, path, budget, viewport):
    sizes = first_visit(new_context, live_server(path), viewport or {"width": 1200, "height": 900})
    total = sum(sizes.values())
    fonts = {url.rsplit("/", 1)[-1]: size for url, size in sizes.items() if url.endswith(".woff2")}
    print(f"{path}: {total / KB:.0f} KB in {len(sizes)} files, fonts {sum(fonts.values()) / KB:.0f} KB "
          f"in {len(fonts)} files")
    largest = sorted(((size, url.rsplit("/", 1)[-1]) for url, size in sizes.items()), reverse=True)[:12]
    assert total <= budget, f"{path} downloads {total / KB:.0f} KB (budget {budget / KB:.0f} KB); largest: {largest}"


def test_a_gujarati_page_fetches_no_chinese_or_urdu_font(live_server, new_context):
    """The language switcher names every language in its own script: those few glyphs come
    from small subsets, not from the Chinese and Urdu fonts the page's text never uses."""
    fonts = [url.rsplit("/", 1)[-1] for url in first_visit(new_context, live_server("/gu/"), PHONE)
             if url.endswith(".woff2")]
    other_scripts = [name for name in fonts if name.startswith(("noto-sans-sc", "noto-sans-tc", "noto-nastaliq"))]
    assert other_scripts and all("-names-" in name for name in other_scripts), fonts
