"""Issue 17, point 3: on a 390 px phone no page is wider than the screen, in any language,
with normal or larger text (a wider page means text cut off at the right or left edge)."""
from __future__ import annotations

import pytest

from .support import GUJARATI_LUNCH_CLUB_ID, LOCALES
from .viewports import PHONE

pytestmark = pytest.mark.browser

PAGES = ["/", "/search?q=lunch+club&postcode=LE4+5AA&distance=3", f"/services/{GUJARATI_LUNCH_CLUB_ID}",
         "/categories", "/list-your-group/"]


@pytest.mark.parametrize("large_text", [False, True], ids=["normal-text", "larger-text"])
def test_no_page_is_wider_than_a_phone(live_server, new_context, large_text):
    page = new_context(viewport=PHONE).new_page()
    too_wide = []
    for prefix in LOCALES:
        page.goto(live_server(f"/{prefix}/text-size?size={'large' if large_text else 'normal'}&next=/{prefix}/"))
        for path in PAGES:
            response = page.goto(live_server(f"/{prefix}{path}"))
            if response.status != 200:
                continue
            width = page.evaluate("() => document.documentElement.scrollWidth")
            if width > PHONE["width"]:
                widest = page.evaluate("""() => [...document.querySelectorAll('main *')]
                    .filter(e => e.getBoundingClientRect().right > 391).slice(-1)
                    .map(e => e.tagName + '.' + e.className + ': ' + (e.textContent || '').trim().slice(0, 40))""")
                too_wide.append(f"/{prefix}{path}: {width} px {widest}")
    assert not too_wide, "\n".join(too_wide)
