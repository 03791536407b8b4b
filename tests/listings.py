"""Small, real-language test listings as ORUK dicts (independent of seed_data/)."""
from __future__ import annotations

import copy
import uuid

GUJARATI_LUNCH_CLUB = {
    "name": "બેલગ્રેવ વડીલ ભોજન ક્લબ",
    "description": "દર મંગળવારે સવારે વડીલો માટે ગરમ શાકાહારી ભોજન અને ચા. નવા સભ્યોનું હાર્દિક સ્વાગત છે.",
}
POLISH_YOGA = {
    "name": "Zajęcia jogi dla seniorów",
    "description": "Spokojne zajęcia jogi na krzesłach dla osób po pięćdziesiątce. Prowadzimy je po polsku.",
}
CHINESE_TAI_CHI = {
    "name": "老年人太极班",
    "description": "每周四上午在社区中心练习太极拳，适合初学者，欢迎新朋友。",
}
TRADITIONAL_TAI_CHI = {
    "name": "長者太極班",
    "description": "每週四上午在社區中心練習太極拳，適合初學者，歡迎新朋友。",
}

TAXONOMY = {
    "taxonomy": {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "test:taxonomy")), "name": "Test activities"},
    "terms": [
        {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "test:term:exercise")), "code": "exercise", "parent": None,
         "names": {"en": "Exercise", "gu": "વ્યાયામ", "pl": "Ćwiczenia", "zh_Hans": "运动", "zh_Hant": "運動"},
         "synonyms": {"pl": ["gimnastyka"]}},
        {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "test:term:yoga")), "code": "yoga", "parent": "exercise",
         "names": {"en": "Yoga", "gu": "યોગ", "pl": "Joga", "zh_Hans": "瑜伽", "zh_Hant": "瑜伽"},
         "synonyms": {"pl": ["jogi"], "zh_Hans": ["瑜珈"]}},
        {"id": str(uuid.uuid5(uuid.NAMESPACE_URL, "test:term:lunch-club")), "code": "lunch-club", "parent": None,
         "names": {"en": "Lunch club", "gu": "ભોજન ક્લબ", "pl": "Klub obiadowy", "zh_Hans": "午餐俱乐部",
                   "zh_Hant": "午餐俱樂部"}},
    ],
}


def service(slug: str, text: dict, locale: str = "en", term: str = "exercise", latitude: float = 52.6521,
            longitude: float = -1.1312, postcode: str = "LE4 5AA", **extra) -> dict:
    """An ORUK full-service dict with stable ids derived from ``slug``."""
    def make_id(kind: str) -> str:
        return str(uuid.uuid5(uuid.NAMESPACE_URL, f"test:{kind}:{slug}"))

    data = {
        "id": make_id("service"), "locale": locale, **copy.deepcopy(text),
        "organization": {"id": make_id("organization"), "name": f"Organisation {slug}",
                         "phones": [{"id": make_id("org-phone"), "number": "0116 496 0101"}]},
        "languages": [{"id": make_id("language"), "code": locale.split("_")[0]}],
        "cost_options": [{"id": make_id("cost"), "option": "Per session", "amount": 2, "currency": "GBP"}],
        "contacts": [{"id": make_id("contact"), "name": "Group leader",
                      "phones": [{"id": make_id("contact-phone"), "number": "0116 496 0202"}]}],
        "schedules": [{"id": make_id("schedule"), "freq": "WEEKLY", "interval": 1, "byday": "TU",
                       "dtstart": "2026-01-06", "opens_at": "10:00", "closes_at": "12:00"}],
        "service_at_locations": [{"id": make_id("sal"), "location": {
            "id": make_id("location"), "name": f"Hall {slug}", "latitude": latitude, "longitude": longitude,
            "physical_addresses": [{"id": make_id("address"), "address_1": "1 Test Street", "city": "Leicester",
                                    "postal_code": postcode, "country": "GB"}],
            "accessibility": [{"id": make_id("access"), "description": "step_free"}]}}],
        "attributes": [{"taxonomy_term": {"code": term}}],
        "last_verified": "2026-10-01",
    }
    data.update(extra)
    return data
