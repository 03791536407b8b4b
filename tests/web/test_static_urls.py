"""Static files' addresses, remembered by the templates' ``url_for`` (directory/web/static_urls.py),
are those Flask builds, wherever the site is mounted; a page kept by the page cache is kept for
the mount it was made for."""
import re

from flask import url_for


def _stylesheets(html: str) -> list[str]:
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def test_static_addresses_follow_where_the_site_is_mounted(app, client, indexed):
    for root in ("", "/signpost", "/other/place", ""):
        # The same address each time: the page cache keeps a page per mount too.
        page = client.get("/en/search?q=lunch", environ_overrides={"SCRIPT_NAME": root}).get_data(as_text=True)
        with app.test_request_context("/en/search", environ_overrides={"SCRIPT_NAME": root}):
            expected = url_for("static", filename="css/site.css")
        assert expected.startswith(f"{root}/static/")
        assert expected in _stylesheets(page), root
        assert all(address.startswith(f"{root}/static/") for address in _stylesheets(page)), root


def test_other_addresses_are_still_built_for_each_page(client, indexed):
    english = client.get("/en/search?q=lunch").get_data(as_text=True)
    polish = client.get("/pl/search?q=lunch").get_data(as_text=True)
    assert 'href="/en/categories/"' in english and 'href="/pl/categories/"' in polish
