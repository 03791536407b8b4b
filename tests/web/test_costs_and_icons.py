"""The cost line (one macro, templates/macros.html cost_line) and the category icons."""
import json
from pathlib import Path
from types import SimpleNamespace

import pytest
from flask import render_template_string
from flask_babel import force_locale

from directory.web.public.icons import icon_name_for, icon_table

ROOT = Path(__file__).resolve().parents[2]
RENDER = '{% from "macros.html" import cost_line %}{{ cost_line(service, detail, fees=fees) }}'


def option(amount, option="", amount_description=""):
    return SimpleNamespace(amount=amount, currency="GBP", option=option, amount_description=amount_description)


def listing(*options, free=False, fees=""):
    return SimpleNamespace(is_free=free, cost_options=list(options), fees_description=fees, locale="pl")


def cost_line(app, service, detail="amounts", fees=None, locale="en"):
    with app.test_request_context("/"), force_locale(locale):
        return render_template_string(RENDER, service=service, detail=detail, fees=fees)


TEA = listing(option(2, "Za zajęcia", "herbata w cenie"), option(None, "Dla opiekunów", "bezpłatnie"),
              option(1.5, "Ulgowy"), fees="Pierwsze zajęcia gratis")


def test_cost_line_says_free_for_a_free_listing_in_the_readers_language(app):
    assert cost_line(app, listing(free=True)) == "Free"
    assert cost_line(app, listing(free=True), locale="pl") == "Bezpłatnie"


def test_cost_line_amounts_lists_only_the_prices(app):
    assert cost_line(app, TEA) == "<bdi>£2.00</bdi>, <bdi>£1.50</bdi>"


def test_cost_line_options_says_what_each_price_is_for_in_the_groups_language(app):
    assert cost_line(app, TEA, "options") == ('<bdi>£2.00 (<span lang="pl" dir="ltr">Za zajęcia</span>)</bdi>, '
                                              '<bdi>£1.50 (<span lang="pl" dir="ltr">Ulgowy</span>)</bdi>')


def test_cost_line_full_keeps_unpriced_options_descriptions_and_fees(app):
    line = cost_line(app, TEA, "full", fees=TEA.fees_description)
    assert line == ('<bdi>£2.00 <span lang="pl" dir="ltr">Za zajęcia</span> (<span lang="pl" dir="ltr">herbata w cenie</span>)</bdi>, '
                    '<bdi><span lang="pl" dir="ltr">Dla opiekunów</span> (<span lang="pl" dir="ltr">bezpłatnie</span>)</bdi>, '
                    '<bdi>£1.50 <span lang="pl" dir="ltr">Ulgowy</span></bdi> — <span lang="pl" dir="ltr">Pierwsze zajęcia gratis</span>')


def test_every_top_level_category_of_the_sample_taxonomy_has_its_own_icon():
    taxonomy = json.loads((ROOT / "seed_data" / "taxonomy.json").read_text(encoding="utf-8"))
    top_level = {term["code"] for term in taxonomy["terms"] if not term.get("parent")}
    assert top_level <= set(icon_table()["categories"])
    assert len({icon_name_for(code) for code in top_level}) == len(top_level)


@pytest.mark.skipif(not (ROOT / "assets" / "node_modules" / "lucide-static").is_dir(),
                    reason="front-end packages not installed (make assets)")
def test_every_icon_in_the_table_exists_in_the_icon_package():
    icons = ROOT / "assets" / "node_modules" / "lucide-static" / "icons"
    names = {icon_table()["default"], *icon_table()["categories"].values()}
    assert all((icons / f"{name}.svg").is_file() for name in names), names


@pytest.mark.skipif(not (ROOT / "static" / "vendor" / "icons").is_dir(), reason="static/vendor not built (make assets)")
def test_home_page_tiles_carry_a_decorative_icon_and_their_text(client, indexed):
    body = client.get("/gu/").get_data(as_text=True)
    tiles = body.split('<ul class="category-tiles">', 1)[1].split("</ul>", 1)[0].split("<li>")[1:]
    assert len(tiles) >= 8
    for tile in tiles:
        assert '<svg class="icon icon-' in tile and 'aria-hidden="true"' in tile and 'focusable="false"' in tile
        assert '<span class="tile-name">' in tile and "<title" not in tile
