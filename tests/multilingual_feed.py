"""A multilingual ORUK 3.0 feed written the way real feeds are: no ``locale`` anywhere, and
categories from another directory's taxonomy (its own ids and codes, some without a code).

Listings are fictional, in real sentences of Gujarati, Polish, Simplified and Traditional
Chinese and English (not transliterations), placed around Leicester. ``NATIVE_QUERIES`` are
what a speaker of the listing's language types; ``CROSS_LINGUAL_QUERIES`` reach an
English-only listing only through its category's names in the reader's language.
"""
from __future__ import annotations

import uuid

SCHEME = {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "https://example.org/leicester-cvs/activities")),
          "name": "Leicester CVS activity types"}


def _id(kind: str, slug: str) -> str:
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"https://example.org/feed/{kind}/{slug}"))


def _term(name: str, code: str | None) -> dict:
    term = {"id": _id("term", name), "name": name, "taxonomy_id": SCHEME["id"], "taxonomy": SCHEME["name"]}
    if code:
        term["code"] = code
    return term


def _listing(slug: str, name: str, description: str, organization: str, term: dict,
             latitude: float, longitude: float, address: str, postcode: str, byday: str = "TU") -> dict:
    return {
        "id": _id("service", slug), "name": name, "description": description, "status": "active",
        "organization": {"id": _id("organization", organization), "name": organization},
        "service_at_locations": [{"id": _id("sal", slug), "location": {
            "id": _id("location", slug), "location_type": "physical", "latitude": latitude, "longitude": longitude,
            "physical_addresses": [{"id": _id("address", slug), "address_1": address, "city": "Leicester",
                                    "postal_code": postcode, "country": "GB"}]}}],
        "schedules": [{"id": _id("schedule", slug), "freq": "WEEKLY", "byday": byday,
                       "opens_at": "10:00", "closes_at": "12:00"}],
        "attributes": [{"id": _id("attribute", slug), "taxonomy_term_id": term["id"], "taxonomy_term": term}],
    }


FEED = [
    # ---- Polish
    _listing("spotkania-przy-kawie", "Spotkania przy kawie",
             "Cotygodniowe spotkania przy kawie i cieście dla seniorów. Można porozmawiać, zagrać w karty "
             "i poznać sąsiadów z okolicy.",
             "Polska Parafia w Leicester", _term("Coffee Mornings", None), 52.6405, -1.1190,
             "Parafia Matki Bożej, Wakerley Road", "LE5 6AQ"),
    _listing("pomoc-komputerowa", "Pomoc komputerowa dla seniorów",
             "Nauka obsługi komputera i telefonu, poczty elektronicznej oraz rozmów wideo z rodziną. "
             "Bezpłatne zajęcia w bibliotece.",
             "Stowarzyszenie Polaków w Leicester", _term("Digital Inclusion", "DIG-01"), 52.6362, -1.1106,
             "Biblioteka, Spinney Hill Road", "LE5 3GH", "TH"),
    _listing("obiad-w-parafii", "Polski obiad w sali parafialnej",
             "W każdą środę ciepły obiad, zupa i deser. Przyjdź zjeść w miłym towarzystwie.",
             "Polska Parafia w Leicester", _term("Luncheon Clubs", "LUN-02"), 52.6402, -1.1185,
             "Sala parafialna, Wakerley Road", "LE5 6AQ", "WE"),
    # ---- Gujarati
    _listing("bhojan-club", "વરિષ્ઠ નાગરિકો માટે ભોજન ક્લબ",
             "દર ગુરુવારે બપોરે ગરમ શાકાહારી ભોજન અને મિત્રો સાથે વાતચીત. બધા વડીલોનું સ્વાગત છે.",
             "બેલગ્રેવ સમુદાય કેન્દ્ર", _term("Lunch and social clubs", None), 52.6551, -1.1240,
             "Belgrave Road", "LE4 5AA", "TH"),
    _listing("garba-class", "મહિલાઓ માટે ગરબા વર્ગ",
             "દર સોમવારે સાંજે ગરબા અને દાંડિયા રાસ શીખો. નવરાત્રિ પહેલાં તૈયારી કરવા આવો.",
             "બેલગ્રેવ મહિલા મંડળ", _term("Dance", "DAN-01"), 52.6560, -1.1225,
             "Loughborough Road", "LE4 5LD", "MO"),
    _listing("bhajan-mandal", "ભજન અને સત્સંગ મંડળ",
             "દર રવિવારે સવારે મંદિરમાં ભજન ગાવા અને સત્સંગ માટે ભેગા થઈએ છીએ.",
             "શ્રી મંદિર", _term("Faith groups", None), 52.6548, -1.1302,
             "Cossington Street", "LE4 6JE", "SU"),
    # ---- Simplified Chinese
    _listing("cha-ju", "长者茶聚",
             "每周二下午在社区中心一起喝茶聊天，认识新朋友。欢迎所有长者参加。",
             "莱斯特华人协会", _term("Coffee Mornings", None), 52.6330, -1.1330,
             "Clarence Street", "LE1 3RW"),
    _listing("yi-gong", "华人义工小组",
             "我们招募义工，帮助社区里的长者购物、陪伴聊天和翻译信件。",
             "莱斯特华人协会", _term("Volunteering opportunities", "VOL-01"), 52.6335, -1.1325,
             "Clarence Street", "LE1 3RW", "FR"),
    # ---- Traditional Chinese
    _listing("tai-chi", "太極拳晨練班",
             "每週六早上在公園練習太極拳，動作緩慢柔和，適合初學者和長者。",
             "萊斯特華人長者會", _term("Tai Chi", "EXE-TAI"), 52.6285, -1.1190,
             "Victoria Park", "LE1 7RH", "SA"),
    _listing("dian-nao", "長者電腦班",
             "學習使用電腦、電郵和視像通話，與家人保持聯繫。每班人數不多，老師很有耐心。",
             "萊斯特華人長者會", _term("Digital Inclusion", "DIG-01"), 52.6290, -1.1185,
             "Granville Road", "LE1 7RU", "WE"),
    # ---- English
    _listing("chair-yoga", "Chair yoga for older people",
             "Gentle seated exercise to help balance, breathing and flexibility. Suitable for wheelchair "
             "users and people who cannot get down onto a mat.",
             "Evington Community Centre", _term("Yoga classes", "EXE-YOG"), 52.6280, -1.0890,
             "Evington Lane", "LE5 6DH", "WE"),
    _listing("luncheon-club", "St Mark's luncheon club",
             "A two-course hot meal every Friday with a raffle and a chat afterwards. Transport can be arranged.",
             "St Mark's Church", _term("Luncheon Clubs", "LUN-02"), 52.6430, -1.1290,
             "Belgrave Gate", "LE1 3HN", "FR"),
    _listing("woodwork", "Thurnby Lodge men's shed",
             "Woodwork, repairs and a cup of tea in a friendly workshop. Tools provided.",
             "Thurnby Lodge Tenants", _term("Mens Sheds", None), 52.6380, -1.0720,
             "Thurncourt Road", "LE5 2NG", "MO"),
    _listing("benefits", "Benefits advice drop-in",
             "Help with pension credit, attendance allowance and filling in forms. No appointment needed.",
             "Highfields Advice Centre", _term("Welfare benefits advice", "ADV-BEN"), 52.6320, -1.1180,
             "Melbourne Road", "LE2 0GU", "TU"),
    _listing("chess", "Chess and draughts afternoon",
             "Play chess or draughts with other players of every level. Boards are provided.",
             "Wycliffe Community Centre", _term("Chess and draughts", None), 52.6300, -1.1100,
             "Mere Road", "LE5 3HQ", "TH"),
]

EXPECTED_LOCALES = {
    "spotkania-przy-kawie": "pl", "pomoc-komputerowa": "pl", "obiad-w-parafii": "pl",
    "bhojan-club": "gu", "garba-class": "gu", "bhajan-mandal": "gu",
    "cha-ju": "zh_Hans", "yi-gong": "zh_Hans", "tai-chi": "zh_Hant", "dian-nao": "zh_Hant",
    "chair-yoga": "en", "luncheon-club": "en", "woodwork": "en", "benefits": "en", "chess": "en",
}

# (query, UI language, the listing it must find in the top 5)
NATIVE_QUERIES = [
    ("kawa", "pl", "spotkania-przy-kawie"),
    ("spotkania", "pl", "spotkania-przy-kawie"),
    ("komputer", "pl", "pomoc-komputerowa"),
    ("obiad", "pl", "obiad-w-parafii"),
    ("ભોજન", "gu", "bhojan-club"),
    ("ગરબા", "gu", "garba-class"),
    ("ભજન", "gu", "bhajan-mandal"),
    ("茶聚", "zh-hans", "cha-ju"),
    ("义工", "zh-hans", "yi-gong"),
    ("太极拳", "zh-hans", "tai-chi"),
    ("電腦", "zh-hant", "dian-nao"),
    ("喝茶", "zh-hans", "cha-ju"),
    ("chair yoga", "en", "chair-yoga"),
    ("luncheon", "en", "luncheon-club"),
    ("woodwork", "en", "woodwork"),
    ("benefits", "en", "benefits"),
]
CROSS_LINGUAL_QUERIES = [
    ("યોગ", "gu", "chair-yoga"),
    ("joga", "pl", "chair-yoga"),
    ("瑜伽", "zh-hans", "chair-yoga"),
    ("午餐會", "zh-hant", "luncheon-club"),
]


def service_id(slug: str) -> str:
    return _id("service", slug)
