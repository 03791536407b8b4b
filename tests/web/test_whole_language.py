"""A reader of one language meets no English interface text on the way to a listing.

Listing text written in another language is allowed (it is marked with its own ``lang``),
so the check reads only the page's own-language text and attributes.
"""
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import quote

import pytest
from babel.messages.pofile import read_po

POT = Path(__file__).resolve().parents[2] / "directory" / "i18n" / "messages.pot"
LUNCH_CLUB_ID = "eeb39e88-ea4a-5e25-86ac-d5a5175c418b"
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
SEARCHES = {"gu": "ભોજન ક્લબ", "pl": "klub obiadowy", "zh-hans": "午餐", "zh-hant": "午餐", "ur": "lunch club"}


class OwnLanguageText(HTMLParser):
    """Collects visible text and labelling attributes outside foreign-language elements."""

    def __init__(self, page_lang: str):
        super().__init__()
        self.stack = [page_lang]
        self.page_lang = page_lang
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        lang = attrs.get("lang", self.stack[-1])
        if tag not in VOID:
            self.stack.append(lang)
            if tag in ("script", "style"):
                self.skip += 1
        if lang == self.page_lang:
            self.parts.extend(value for name, value in attrs.items()
                              if name in ("aria-label", "title", "alt", "placeholder", "data-finding", "data-failed") and value)
            if tag == "input" and attrs.get("type") in ("submit", "button") and attrs.get("value"):
                self.parts.append(attrs["value"])

    def handle_endtag(self, tag):
        if tag not in VOID and len(self.stack) > 1:
            if tag in ("script", "style"):
                self.skip -= 1
            self.stack.pop()

    def handle_data(self, data):
        if not self.skip and self.stack[-1] == self.page_lang and data.strip():
            self.parts.append(data)


def english_messages(locale: str) -> list[str]:
    """English interface messages, less those the locale writes the same way ("Parking")."""
    po_file = POT.parent / "translations" / locale / "LC_MESSAGES" / "messages.po"
    with open(po_file, "rb") as handle:
        same = {m.id for m in read_po(handle) if m.id and m.string == m.id}
    with open(POT, "rb") as handle:
        messages = [m.id if isinstance(m.id, str) else m.id[0] for m in read_po(handle) if m.id and m.id not in same]
    # Compare the fixed words of each message (placeholders removed), long enough to be telling.
    fixed = {re.sub(r"%\(\w+\)[sdif]", "\x00", message).split("\x00")[0].strip(" :.,") for message in messages}
    return sorted(word for word in fixed if len(word) >= 4 and word not in {"Community Signpost"})


def own_language_text(body: str, page_lang: str) -> str:
    parser = OwnLanguageText(page_lang)
    parser.feed(body)
    return "\n".join(parser.parts)


@pytest.mark.parametrize("slug, html_lang, locale", [("gu", "gu", "gu"), ("pl", "pl", "pl"), ("zh-hans", "zh-Hans", "zh_Hans"),
                                                     ("zh-hant", "zh-Hant", "zh_Hant"), ("ur", "ur", "ur")])
def test_home_search_listing_and_print_pages_have_no_english_interface_text(client, indexed, slug, html_lang, locale):
    pages = [f"/{slug}/", f"/{slug}/categories/",
             f"/{slug}/search?q={quote(SEARCHES[slug])}&postcode=LE4+5AA&distance=2",
             f"/{slug}/search?postcode=ZZ9+9ZZ",
             f"/{slug}/services/{LUNCH_CLUB_ID}", f"/{slug}/services/{LUNCH_CLUB_ID}/print", f"/{slug}/no-such-page"]
    english = english_messages(locale)
    for url in pages:
        body = client.get(url).get_data(as_text=True)
        assert f'<html lang="{html_lang}"' in body, url
        text = own_language_text(body, html_lang)
        leaked = [message for message in english if message in text]
        assert not leaked, f"{url} shows English interface text: {leaked[:5]}"


def test_the_lunch_club_is_reachable_from_the_gujarati_home_page(client, indexed):
    home = client.get("/gu/").get_data(as_text=True)
    assert 'action="/gu/search"' in home
    results = client.get(f"/gu/search?q={quote('ભોજન ક્લબ')}&postcode=LE4+5AA&distance=2").get_data(as_text=True)
    assert f'href="/gu/services/{LUNCH_CLUB_ID}"' in results
    listing = client.get(f"/gu/services/{LUNCH_CLUB_ID}").get_data(as_text=True)
    assert f'href="/gu/services/{LUNCH_CLUB_ID}/print"' in listing
