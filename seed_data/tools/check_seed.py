#!/usr/bin/env python3
"""Validate the fictional sample directory in seed_data/ (stdlib only).

    python3 seed_data/tools/check_seed.py [seed_data_dir]

Prints counts and exits non-zero, listing every problem, if anything is wrong.
"""
import datetime as dt
import glob
import json
import math
import os
import re
import sys
import unicodedata
import uuid
from collections import Counter, defaultdict

ROOT = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCALES = ["en", "gu", "pl", "zh_Hans", "zh_Hant"]          # locales listings are written in
TERM_LOCALES = LOCALES + ["ur"]                              # every term needs names and synonyms in these
WARDS = ["belgrave", "evington", "spinney-hills", "thurncourt", "wycliffe", "city-centre"]
MIN = {"terms": 45, "listings": 160, "gu": 35, "pl": 18, "zh_Hans": 10, "zh_Hant": 8, "postcodes": 300}
REQUIRED_POSTCODES = ["LE1 5WW", "LE4 6AN", "LE5 3DE", "LE2 0QS", "LE5 5HP", "LE4 5AA"]
BOX = (52.58, 52.69, -1.20, -1.03)
ACCESS = {"step_free", "accessible_toilet", "hearing_loop", "parking", "bus_route", "large_print", "seating"}
GENDER = {"women_only", "men_only", "mixed"}
FAITH = {"none", "church", "mosque", "gurdwara", "temple", "synagogue", "other"}
FOOD = {"halal", "vegetarian", "vegan"}
JOIN = {"drop_in", "ring_first", "referral", "waiting_list"}
STATUS = {"active", "paused", "full", "closed"}
FREQ = {"DAILY", "WEEKLY", "MONTHLY", "YEARLY"}
BYDAY = re.compile(r"^(-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))(,-?[1-5]?(MO|TU|WE|TH|FR|SA|SU))*$")
HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
POSTCODE = re.compile(r"^LE[1-5] \d[A-Z]{2}$")
LANG = re.compile(r"^([a-z]{2}|yue)$")
PHONE = re.compile(r"^0116 496 0\d{3}$")
ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
REF_DATE = dt.date(2026, 11, 25)
STALE_BEFORE = dt.date(2026, 5, 25)

errors = []


def err(msg):
    errors.append(msg)


def load_json(path):
    try:
        with open(path, encoding="utf-8") as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        err(f"{path}: invalid JSON ({e})")
        return None


def walk_strings(obj, where):
    if isinstance(obj, str):
        if unicodedata.normalize("NFC", obj) != obj:
            err(f"{where}: text is not NFC: {obj[:40]!r}")
    elif isinstance(obj, list):
        for i, x in enumerate(obj):
            walk_strings(x, f"{where}[{i}]")
    elif isinstance(obj, dict):
        for k, v in obj.items():
            walk_strings(v, f"{where}.{k}")


def in_box(lat, lon):
    return BOX[0] <= lat <= BOX[1] and BOX[2] <= lon <= BOX[3]


def metres(a, b):
    (la1, lo1), (la2, lo2) = a, b
    x = math.radians(lo2 - lo1) * math.cos(math.radians((la1 + la2) / 2))
    y = math.radians(la2 - la1)
    return 6371000 * math.hypot(x, y)


def uuid5_of(kind, slug):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"signpost-seed:{kind}:{slug}"))


# ------------------------------------------------------------------ taxonomy
tax = load_json(os.path.join(ROOT, "taxonomy.json"))
codes = {}
if tax:
    walk_strings(tax, "taxonomy.json")
    terms = tax.get("terms", [])
    for t in terms:
        c = t.get("code", "")
        if not re.match(r"^[a-z0-9]+(-[a-z0-9]+)*$", c):
            err(f"term {c!r}: code is not lowercase-hyphenated")
        if c in codes:
            err(f"term {c}: duplicate code")
        codes[c] = t
        if t.get("id") != uuid5_of("term", c):
            err(f"term {c}: id is not uuid5('signpost-seed:term:{c}')")
        for loc in TERM_LOCALES:
            if not (t.get("names") or {}).get(loc, "").strip():
                err(f"term {c}: missing name in {loc}")
            syn = (t.get("synonyms") or {}).get(loc) or []
            most = 8 if loc == "en" else 5  # English also carries other schemes' labels ("Foodbank")
            if not 2 <= len(syn) <= most:
                err(f"term {c}: {len(syn)} synonyms in {loc} (want 2-{most})")
        ur_name = (t.get("names") or {}).get("ur", "")
        if ur_name and not ARABIC_SCRIPT.search(ur_name):
            err(f"term {c}: Urdu name {ur_name!r} is not in Arabic script")
        if not (t.get("descriptions") or {}).get("en"):
            err(f"term {c}: missing English description")
        if not t.get("icon"):
            err(f"term {c}: missing icon")
    for c, t in codes.items():
        p = t.get("parent")
        if p is not None:
            if p not in codes:
                err(f"term {c}: unknown parent {p}")
            elif codes[p].get("parent") is not None:
                err(f"term {c}: hierarchy deeper than 2 levels")
    if len(codes) < MIN["terms"]:
        err(f"only {len(codes)} terms (min {MIN['terms']})")

# ------------------------------------------------------------------ postcodes
postcodes = {}
pc_path = os.path.join(ROOT, "postcodes.txt")
try:
    with open(pc_path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if unicodedata.normalize("NFC", line) != line:
                err(f"postcodes.txt:{n}: not NFC")
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 12:
                err(f"postcodes.txt:{n}: {len(cols)} columns (want 12)")
                continue
            if cols[0] != "GB" or cols[11] != "6":
                err(f"postcodes.txt:{n}: country/accuracy wrong")
            pc = cols[1]
            if not POSTCODE.match(pc):
                err(f"postcodes.txt:{n}: odd postcode {pc!r}")
            if pc in postcodes:
                err(f"postcodes.txt:{n}: duplicate postcode {pc}")
            try:
                lat, lon = float(cols[9]), float(cols[10])
            except ValueError:
                err(f"postcodes.txt:{n}: bad coordinates")
                continue
            if not in_box(lat, lon):
                err(f"postcodes.txt:{n}: {pc} outside the sample box")
            postcodes[pc] = (lat, lon)
except OSError as e:
    err(f"postcodes.txt: {e}")
for pc in REQUIRED_POSTCODES:
    if pc not in postcodes:
        err(f"postcodes.txt: required postcode {pc} missing")
if len(postcodes) < MIN["postcodes"]:
    err(f"only {len(postcodes)} postcodes (min {MIN['postcodes']})")

# ------------------------------------------------------------------ services
seen_ids = {}           # id -> (canonical json, where)
service_ids = set()
used_terms = Counter()
by_ward, by_locale, by_status = Counter(), Counter(), Counter()
stale = 0
no_en = []
services = []


def register(obj, where):
    """Record the id of obj and of every nested object with an id; identical repeats are allowed
    (shared organisations and locations), different content under one id is not."""
    if isinstance(obj, dict):
        if "id" in obj:
            i = obj["id"]
            try:
                if uuid.UUID(i).version != 5:
                    err(f"{where}: id {i} is not a uuid5")
            except (ValueError, TypeError, AttributeError):
                err(f"{where}: id {i!r} is not a UUID")
            canon = json.dumps(obj, sort_keys=True, ensure_ascii=False)
            if i in seen_ids and seen_ids[i][0] != canon:
                err(f"{where}: id {i} reused with different content (first at {seen_ids[i][1]})")
            seen_ids.setdefault(i, (canon, where))
        for k, v in obj.items():
            if k != "id":
                register(v, f"{where}.{k}")
    elif isinstance(obj, list):
        for n, x in enumerate(obj):
            register(x, f"{where}[{n}]")


files = sorted(glob.glob(os.path.join(ROOT, "services", "*.json")))
for want in WARDS:
    if os.path.join(ROOT, "services", f"{want}.json") not in files:
        err(f"services/{want}.json missing")
for path in files:
    ward = os.path.splitext(os.path.basename(path))[0]
    data = load_json(path)
    if data is None:
        continue
    if not isinstance(data, list):
        err(f"{path}: not a JSON array")
        continue
    walk_strings(data, ward)
    for s in data:
        sid = s.get("id")
        w = f"{ward}:{s.get('name', '?')[:30]}"
        if sid in service_ids:
            err(f"{w}: duplicate service id {sid}")
        service_ids.add(sid)
        register(s, w)
        services.append((ward, s))
        by_ward[ward] += 1
        loc = s.get("locale")
        if loc not in LOCALES:
            err(f"{w}: unknown locale {loc!r}")
        by_locale[loc] += 1
        for tl, tv in (s.get("translations") or {}).items():
            if tl not in LOCALES or tl == loc:
                err(f"{w}: bad translation locale {tl}")
            if not (tv.get("name") and tv.get("description")):
                err(f"{w}: empty translation {tl}")
        if loc != "en" and "en" not in (s.get("translations") or {}):
            no_en.append(s["name"])
        if not s.get("name") or not s.get("description"):
            err(f"{w}: missing name or description")
        st = s.get("listing_status")
        if st not in STATUS:
            err(f"{w}: listing_status {st!r}")
        by_status[st] += 1
        if s.get("gender") not in GENDER:
            err(f"{w}: gender {s.get('gender')!r}")
        if s.get("faith_setting") not in FAITH:
            err(f"{w}: faith_setting {s.get('faith_setting')!r}")
        if not set(s.get("food") or []) <= FOOD:
            err(f"{w}: food {s.get('food')!r}")
        if s.get("how_to_join") not in JOIN:
            err(f"{w}: how_to_join {s.get('how_to_join')!r}")
        for b in ("transport_provided", "carers_welcome"):
            if not isinstance(s.get(b), bool):
                err(f"{w}: {b} must be true/false")
        try:
            lv = dt.date.fromisoformat(s.get("last_verified", ""))
            if not dt.date(2025, 1, 1) <= lv <= REF_DATE:
                err(f"{w}: last_verified {lv} out of range")
            stale += lv < STALE_BEFORE
        except ValueError:
            err(f"{w}: last_verified not a date")
        for lang in s.get("languages") or []:
            if not LANG.match(lang.get("code", "")):
                err(f"{w}: language code {lang.get('code')!r}")
        if not s.get("languages"):
            err(f"{w}: no session languages")
        attrs = s.get("attributes") or []
        if not attrs:
            err(f"{w}: no taxonomy terms")
        for a in attrs:
            c = (a.get("taxonomy_term") or {}).get("code")
            if c not in codes:
                err(f"{w}: unknown term code {c!r}")
            used_terms[c] += 1
        for sc in s.get("schedules") or []:
            if sc.get("freq") not in FREQ:
                err(f"{w}: schedule freq {sc.get('freq')!r}")
            if sc.get("byday") and not BYDAY.match(sc["byday"]):
                err(f"{w}: schedule byday {sc['byday']!r}")
            if not (HHMM.match(sc.get("opens_at") or "") and HHMM.match(sc.get("closes_at") or "")):
                err(f"{w}: schedule times")
            if sc.get("valid_from") and sc.get("valid_to") and sc["valid_to"] < sc["valid_from"]:
                err(f"{w}: schedule valid_to before valid_from")
        phones = [p for c in s.get("contacts") or [] for p in c.get("phones") or []]
        phones += (s.get("organization") or {}).get("phones") or []
        for p in phones:
            if not PHONE.match(p.get("number", "")):
                err(f"{w}: phone {p.get('number')!r} outside 0116 496 0000-0999")
        for e in [s.get("email"), (s.get("organization") or {}).get("email")]:
            if e and not e.endswith("example.org"):
                err(f"{w}: e-mail {e} not at example.org")
        sals = s.get("service_at_locations") or []
        areas = s.get("service_areas") or []
        if not sals and not areas:
            err(f"{w}: neither a location nor a service area")
        for sal in sals:
            L = sal.get("location") or {}
            lat, lon = L.get("latitude"), L.get("longitude")
            if not (isinstance(lat, (int, float)) and isinstance(lon, (int, float)) and in_box(lat, lon)):
                err(f"{w}: location {L.get('name')} coordinates {lat},{lon} outside the box")
                continue
            for acc in L.get("accessibility") or []:
                if acc.get("description") not in ACCESS:
                    err(f"{w}: accessibility {acc.get('description')!r}")
            for addr in L.get("physical_addresses") or []:
                pc = addr.get("postal_code")
                if pc not in postcodes:
                    err(f"{w}: postal code {pc} missing from postcodes.txt")
                elif metres(postcodes[pc], (lat, lon)) > 300:
                    err(f"{w}: postcode {pc} is {metres(postcodes[pc], (lat, lon)):.0f} m from the location")
        for a in areas:
            try:
                g = json.loads(a.get("extent", ""))
                assert g["type"] == "Polygon" and g["coordinates"][0][0] == g["coordinates"][0][-1]
                for lon_, lat_ in g["coordinates"][0]:
                    if not in_box(lat_, lon_):
                        err(f"{w}: service area point outside the box")
            except (ValueError, KeyError, AssertionError, TypeError, IndexError):
                err(f"{w}: service area extent is not a closed GeoJSON Polygon")

for c in codes:
    if not used_terms[c]:
        err(f"term {c} is not used by any listing")
n = len(services)
if n < MIN["listings"]:
    err(f"only {n} listings (min {MIN['listings']})")
for loc in ("gu", "pl", "zh_Hans", "zh_Hant"):
    if by_locale[loc] < MIN[loc]:
        err(f"only {by_locale[loc]} listings in {loc} (min {MIN[loc]})")


# ------------------------------------------------------------------ must-exist listings
def find(pred):
    return [(w, s) for w, s in services if pred(w, s)]


def terms_of(s):
    return {a["taxonomy_term"]["code"] for a in s.get("attributes", [])}


def step_free(s):
    return any(a.get("description") == "step_free" for sal in s.get("service_at_locations", [])
               for a in sal["location"].get("accessibility", []))


def langs(s):
    return {l["code"] for l in s.get("languages", [])}


MUST = {
    "Gujarati lunch club in Belgrave (ભોજન ક્લબ, gu, step-free)": lambda w, s: w == "belgrave" and s["locale"] == "gu" and "ભોજન ક્લબ" in s["name"] and "gu" in langs(s) and step_free(s),
    "Zajęcia jogi dla seniorów": lambda w, s: s["name"] == "Zajęcia jogi dla seniorów" and s["locale"] == "pl" and ("joga" in s["description"].lower() or "zajęcia" in s["description"].lower()),
    "老年人太极班 (zh_Hans)": lambda w, s: s["name"] == "老年人太极班" and s["locale"] == "zh_Hans",
    "太極 (zh_Hant)": lambda w, s: "太極" in s["name"] and s["locale"] == "zh_Hant",
    "Gentle Yoga for Over-50s (en only, yoga)": lambda w, s: s["name"] == "Gentle Yoga for Over-50s" and s["locale"] == "en" and not s.get("translations") and "yoga" in terms_of(s),
    "yoga in description only, not tagged yoga": lambda w, s: s["locale"] == "en" and not s.get("translations") and "yoga" in s["description"].lower() and "yoga" not in s["name"].lower() and "yoga" not in terms_of(s),
    "listening bench in Spinney Hill Park": lambda w, s: "listening-bench" in terms_of(s) and any("Spinney Hill Park" in sal["location"]["name"] for sal in s["service_at_locations"]),
    "Gujarati-speaking women's exercise group": lambda w, s: s["gender"] == "women_only" and "gu" in langs(s) and terms_of(s) & {"exercise-general", "chair-exercise", "yoga", "walking-group"},
    "benefits advice drop-in": lambda w, s: "benefits-advice" in terms_of(s) and s["how_to_join"] == "drop_in",
}
must_found = {}
for label, pred in MUST.items():
    hits = find(pred)
    if not hits:
        err(f"must-exist listing missing: {label}")
    else:
        must_found[label] = hits[0][1]

# ------------------------------------------------------------------ report
print(f"terms: {len(codes)} ({sum(1 for t in codes.values() if t.get('parent') is None)} top-level), all used: "
      f"{all(used_terms[c] for c in codes)}")
print(f"listings: {n}")
print("  by ward:   " + ", ".join(f"{w} {by_ward[w]}" for w in WARDS))
print("  by locale: " + ", ".join(f"{l} {by_locale[l]}" for l in LOCALES))
print("  by status: " + ", ".join(f"{k} {by_status[k]}" for k in ("active", "paused", "full", "closed")))
print(f"  stale (verified before {STALE_BEFORE}): {stale} ({100 * stale / max(n, 1):.0f}%)")
print(f"  non-English without an English translation: {len(no_en)}")
print(f"  with a service area: {sum(1 for _, s in services if s.get('service_areas'))}; "
      f"women-only {sum(1 for _, s in services if s['gender'] == 'women_only')}, "
      f"men-only {sum(1 for _, s in services if s['gender'] == 'men_only')}")
print(f"distinct ids: {len(seen_ids)}; postcodes: {len(postcodes)}")
print("must-exist listings:")
for label, s in must_found.items():
    print(f"  {label}: {s['name']} [{s['id']}]")
if errors:
    print(f"\nFAILED with {len(errors)} problem(s):", file=sys.stderr)
    for e in errors:
        print("  - " + e, file=sys.stderr)
    sys.exit(1)
print("\nOK: seed data is valid")
