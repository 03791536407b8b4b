"""Category icons: decorative inline SVG, so they take the text colour and scale with the text.

The icons are Lucide's (npm ``lucide-static``), copied by ``scripts/build-assets.sh`` into
``static/vendor/icons/``; ``category_icons.json`` beside this module is the one table saying
which icon each top-level taxonomy code gets. Inline rather than ``<img>``: an image cannot
inherit ``currentColor`` (forced-colours and high-contrast modes) and an icon font fails
silently when fonts are blocked. Each icon is ``aria-hidden``: the category name beside it is
the accessible text. Without the built files a tile simply has no icon.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup

ICON_TABLE = Path(__file__).with_name("category_icons.json")
ICON_NAME = re.compile(r"^[a-z0-9-]+$")


@lru_cache(maxsize=1)
def icon_table() -> dict:
    return json.loads(ICON_TABLE.read_text(encoding="utf-8"))


def icon_name_for(code: str) -> str:
    """The icon of a top-level taxonomy code (the table's default for one it does not list)."""
    table = icon_table()
    return table["categories"].get(code, table["default"])


@lru_cache(maxsize=64)
def inline_svg(icons_dir: str, name: str) -> Markup:
    """One icon file as inline, decorative SVG sized in em (so it works with no stylesheet too)."""
    path = Path(icons_dir) / f"{name}.svg"
    if not ICON_NAME.match(name) or not path.is_file():
        return Markup("")
    svg = re.sub(r"<!--.*?-->", "", path.read_text(encoding="utf-8"), flags=re.S).strip()
    svg = re.sub(r'\s(?:class|width|height)="[^"]*"', "", svg, count=3)
    svg = svg.replace("<svg", f'<svg class="icon icon-{name}" width="1.5em" height="1.5em" aria-hidden="true" '
                              'focusable="false"', 1)
    return Markup(re.sub(r">\s+<", "><", re.sub(r"\s+", " ", svg)))


def category_icon_markup(static_folder: str, code: str) -> Markup:
    return inline_svg(str(Path(static_folder) / "vendor" / "icons"), icon_name_for(code))
