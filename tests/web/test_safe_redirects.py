"""Every ``next`` goes through one check (issue 16, finding 5): no redirect to another site
however it is disguised, and a CR or LF is a clear 400, never a 500."""
from __future__ import annotations

import re

import pytest

from tests.web.test_accounts import moderator  # noqa: F401  (the staff account fixture)

DISGUISED = ["/%09/evil.example/", "//evil.example/", "/\\evil.example/", "https://evil.example/", "/%0b/evil.example",
             "%09//evil.example", "/%00/evil.example", "javascript:alert(1)"]


@pytest.mark.parametrize("target", DISGUISED)
def test_the_text_size_switch_never_redirects_to_another_site(client, target):
    response = client.get(f"/en/text-size?size=large&next={target}")
    assert response.status_code == 302
    location = response.headers["Location"]
    assert location.startswith("/") and not location.startswith("//") and "evil" not in location.split("?")[0][:20]
    assert location == "/en/"


def test_the_text_size_switch_keeps_a_page_on_this_site(client):
    response = client.get("/en/text-size?size=large&next=/en/search%3Fq%3Dyoga")
    assert response.headers["Location"] == "/en/search?q=yoga"


@pytest.mark.parametrize("target", ["/en/%0d%0aSet-Cookie:%20x=1", "/en/%0aX", "/en/%0d"])
def test_a_line_break_in_next_is_a_400_not_a_500(client, target):
    assert client.get(f"/en/text-size?size=large&next={target}").status_code == 400


def _sign_in(client, next_target):
    page = client.get("/en/staff/login").get_data(as_text=True)
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', page).group(1)
    return client.post(f"/en/staff/login?next={next_target}", data={
        "email": "mod@example.org", "password": "correct horse battery", "csrf_token": token})


@pytest.mark.parametrize("target", ["/%09/evil.example/", "//evil.example/", "/\\evil.example/"])
def test_sign_in_never_redirects_to_another_site_however_disguised(app, moderator, target):
    assert _sign_in(app.test_client(), target).headers["Location"] == "/en/moderate/"


def test_a_line_break_in_next_at_sign_in_is_a_400_not_a_500(app, moderator):
    assert _sign_in(app.test_client(), "/en/%0d%0aX:%20y").status_code == 400
