"""Issue 17, point 12: text in drop-downs, text boxes and buttons is not cut. "ગુજરાતી" read
"ગજરાતી" in a select (the vowel sign below was clipped) and Urdu's Nastaliq letters, far
taller than Latin ones, were cut at the top and bottom.

Each control's content box (its height less padding and border) must hold the line its text
needs: the height of an off-screen inline-block of the same text, font and ``line-height:
normal``, which is the ascent + descent of every font the text is drawn in."""
from __future__ import annotations

import pytest
from .viewports import PHONE

pytestmark = pytest.mark.browser

# The connector's sheet form has a drop-down of languages, each in its own script: the public
# search form's select is given those names, so a public page checks both.
NATIVE_NAMES = {"en": "English", "gu": "ગુજરાતી", "ur": "اردو"}
CONTROLS = ["select#distance", "input#postcode", "form button[type=submit]"]

MEASURE = """(selector) => {
  const control = document.querySelector(selector);
  const style = getComputedStyle(control);
  const text = control.tagName === 'SELECT' ? control.options[control.selectedIndex].text
             : control.tagName === 'INPUT' ? control.value : control.textContent.trim();
  const probe = document.createElement('span');
  probe.textContent = text;
  Object.assign(probe.style, {position: 'absolute', insetInlineStart: '-9999px', top: '0', display: 'inline-block',
    whiteSpace: 'nowrap', fontFamily: style.fontFamily, fontSize: style.fontSize, fontWeight: style.fontWeight,
    lineHeight: 'normal'});
  control.parentElement.append(probe);
  const needed = probe.getBoundingClientRect().height;
  probe.remove();
  const box = control.getBoundingClientRect();
  const inner = box.height - parseFloat(style.paddingTop) - parseFloat(style.paddingBottom)
              - parseFloat(style.borderTopWidth) - parseFloat(style.borderBottomWidth);
  return {text, needed, inner};
}"""


@pytest.mark.parametrize("viewport", [PHONE, None], ids=["phone", "desktop"])
@pytest.mark.parametrize("locale", ["gu", "ur", "en"])
def test_controls_are_tall_enough_for_their_text(live_server, new_context, locale, viewport, screenshot):
    context = new_context(viewport=viewport) if viewport else new_context()
    page = context.new_page()
    page.goto(live_server(f"/{locale}/search"))
    page.evaluate("""(name) => {
        document.querySelector('select#distance').options[0].text = name;
        document.querySelector('select#distance').selectedIndex = 0;
        document.querySelector('input#postcode').value = name + ' LE4 5AA';
    }""", NATIVE_NAMES[locale])
    page.evaluate("() => document.fonts.ready.then(() => true)")
    cut = []
    for selector in CONTROLS:
        measured = page.evaluate(MEASURE, selector)
        if measured["inner"] < measured["needed"]:
            cut.append(f"{selector} {measured['text']!r}: {measured['inner']:.1f} px inside, "
                       f"the text needs {measured['needed']:.1f} px")
    screenshot(page, f"{locale}-{'phone' if viewport else 'desktop'}", full_page=False)
    assert not cut, "\n".join(cut)
