"""The language switcher links to the same page in each language, query and all."""
import html
import re


def switcher_links(body: str) -> dict[str, str]:
    nav = re.search(r'<nav aria-label="[^"]*" class="language-switcher">(.*?)</nav>', body, re.S).group(1)
    return {lang: html.unescape(href) for href, lang in re.findall(r'<a href="([^"]+)"\s+lang="([^"]+)"', nav)}


def test_switcher_keeps_the_query_string_of_the_page(client, seeded_db):
    body = client.get("/gu/categories/?distance=1&cost=free&cost=low").get_data(as_text=True)
    assert switcher_links(body)["en-GB"] == "/en/categories/?distance=1&cost=free&cost=low"


def test_switcher_ignores_arguments_that_url_for_would_obey(client, seeded_db):
    body = client.get("/en/categories/?_external=1&_scheme=javascript&_anchor=x&q=yoga").get_data(as_text=True)
    assert switcher_links(body)["pl"] == "/pl/categories/?q=yoga"
