"""Helpers shared by the submission and moderation tests: real forms through real HTTP.

Text fixtures are real sentences: a Polish walking group, a Gujarati temple lunch club,
a Chinese tai chi class.
"""
from __future__ import annotations

import re

from directory.models import Account

CSRF = re.compile(r'name="csrf_token" type="hidden" value="([^"]+)"')
EDIT_LINK = re.compile(r'data-edit-link>([^<]+)<')

POLISH_WALK = {
    "organization_name": "Przyjaciele Parku Abbey", "contact_name": "Krystyna Nowak", "phone": "0116 496 0777",
    "email": "", "website": "", "text_locale": "pl", "name": "Spacer z kijkami nad rzeką",
    "description": "Spacerujemy razem wzdłuż rzeki Soar, a potem pijemy herbatę w kawiarni w parku.",
    "category": "walking-group", "pattern": "weekly", "weekday": "TU", "week_of_month": "1",
    "opens_at": "10:00", "closes_at": "12:00", "starts_on": "", "schedule_notes": "",
    "venue_name": "Abbey Park", "address_1": "Abbey Park Road", "city": "Leicester", "postcode": "LE4 5AA",
    "latitude": "", "longitude": "", "cost": "free", "amount": "", "cost_details": "",
    "languages": ["pl", "en"], "access": ["step_free"], "access_details": "", "gender": "mixed",
    "faith_setting": "none", "food": [], "minimum_age": "", "how_to_join": "drop_in", "join_details": "",
    "name_en": "Nordic walking by the river", "description_en": "We walk together along the River Soar, then have tea.",
}

GUJARATI_LUNCH = dict(POLISH_WALK, organization_name="શ્રી રામ મંદિર સમિતિ", text_locale="gu",
                      name="મંદિર ભોજન ક્લબ", description="દર ગુરુવારે ગરમ શાકાહારી ભોજન અને ભજન.",
                      category="lunch-club", weekday="TH", phone="0116 496 0888", name_en="", description_en="",
                      languages=["gu"], food=["vegetarian"], faith_setting="temple")

CHINESE_TAI_CHI = dict(POLISH_WALK, organization_name="萊斯特華人社區中心", text_locale="zh_Hant",
                       name="太極拳晨練", description="每週三早上在公園打太極拳，歡迎長者參加。",
                       category="tai-chi", weekday="WE", phone="0116 496 0999", name_en="", description_en="",
                       languages=["yue"])


def csrf_token(client, url: str) -> str:
    return CSRF.search(client.get(url).get_data(as_text=True)).group(1)


def post_listing(client, answers: dict, action: str = "send", url: str = "/pl/list-your-group/", token=None):
    """POST the listing form as a browser would (with the page's CSRF token)."""
    data = dict(answers, action=action, csrf_token=token or csrf_token(client, url))
    return client.post(url, data=data)


def submit_and_get_edit_link(client, answers: dict = POLISH_WALK, prefix: str = "/pl") -> str:
    """Send a new listing; return the path of its private edit link."""
    response = post_listing(client, answers, url=f"{prefix}/list-your-group/")
    assert response.status_code == 302, response.get_data(as_text=True)[-2000:]
    page = client.get(response.headers["Location"]).get_data(as_text=True)
    return EDIT_LINK.search(page).group(1).replace("http://localhost", "")


def make_account(db, role: str = "moderator", email: str = "mod@example.org", password: str = "correct horse battery"):
    with db.session() as session:
        account = Account(email=email, role=role)
        account.set_password(password)
        session.add(account)
    return email, password


def sign_in(client, email: str, password: str = "correct horse battery") -> None:
    token = csrf_token(client, "/en/staff/login")
    response = client.post("/en/staff/login", data={"email": email, "password": password, "csrf_token": token})
    assert response.status_code == 302


def post_with_csrf(client, url: str, page_url: str, data: dict | None = None):
    """POST with the session's CSRF token, read from ``page_url`` (or, when that page has no
    form any more, from the always-present listing form: one token serves the session)."""
    match = CSRF.search(client.get(page_url).get_data(as_text=True))
    token = match.group(1) if match else csrf_token(client, "/en/list-your-group/")
    return client.post(url, data=dict(data or {}, csrf_token=token))
