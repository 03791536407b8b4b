#!/usr/bin/env python3
"""Build the fictional sample directory (seed_data/*.json, postcodes.txt) from hand-written
entries in seed_data/tools/seedsrc/. Deterministic: running it twice gives identical files.

    python3 seed_data/tools/build_seed.py
"""
import datetime as dt
import json
import os
import random
import sys
import unicodedata
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)                      # seed_data/
sys.path.insert(0, HERE)

from seedsrc import taxonomy_src, places          # noqa: E402
from seedsrc import belgrave, evington, spinney_hills, thurncourt, wycliffe, city_centre  # noqa: E402

WARDS = [("belgrave", belgrave), ("evington", evington), ("spinney-hills", spinney_hills),
         ("thurncourt", thurncourt), ("wycliffe", wycliffe), ("city-centre", city_centre)]
LOCALES = ["en", "gu", "pl", "zh_Hans", "zh_Hant"]     # listing locales
TERM_LOCALES = LOCALES + ["ur"]                         # term names and synonyms

LANG_NAMES = {
    "en": "English", "gu": "Gujarati", "pa": "Punjabi", "ur": "Urdu", "hi": "Hindi",
    "pl": "Polish", "zh": "Chinese (Mandarin)", "yue": "Cantonese", "bn": "Bengali",
    "so": "Somali", "ar": "Arabic", "ta": "Tamil", "ro": "Romanian", "fa": "Persian",
}
DAY_NAMES = {"MO": "Monday", "TU": "Tuesday", "WE": "Wednesday", "TH": "Thursday",
             "FR": "Friday", "SA": "Saturday", "SU": "Sunday"}
DAY_IDX = {k: i for i, k in enumerate(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])}
ORD = {"1": "First", "2": "Second", "3": "Third", "4": "Fourth", "-1": "Last"}
PLACE_NAMES = {"belgrave": "Belgrave", "evington": "Evington", "spinney-hills": "Spinney Hills",
               "thurncourt": "Thurnby Lodge", "wycliffe": "Highfields", "city-centre": "Leicester"}


def uid(kind, slug):
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"signpost-seed:{kind}:{slug}"))


def nfc(obj):
    if isinstance(obj, str):
        return unicodedata.normalize("NFC", obj)
    if isinstance(obj, list):
        return [nfc(x) for x in obj]
    if isinstance(obj, dict):
        return {k: nfc(v) for k, v in obj.items()}
    return obj


def phone(kind, slug, number):
    return {"id": uid("phone", f"{kind}:{slug}"), "number": number}


# ------------------------------------------------------------------------------ taxonomy
def build_taxonomy():
    terms = []
    for code, parent, icon, names, desc, syns in taxonomy_src.TERMS:
        names = [n.strip() for n in names.split("|")]
        assert len(names) == len(TERM_LOCALES), code
        assert len(syns) == len(TERM_LOCALES), code
        terms.append({
            "id": uid("term", code), "code": code, "parent": parent,
            "names": dict(zip(TERM_LOCALES, names)),
            "descriptions": {"en": desc},
            "synonyms": {loc: [s.strip() for s in syn.split(";") if s.strip()]
                         for loc, syn in zip(TERM_LOCALES, syns)},
            "icon": icon,
        })
    return {
        "taxonomy": {"id": uid("taxonomy", "activities"), "name": "Community Signpost activities",
                     "description": "Kinds of activity, support and advice for people aged 50 and over "
                                    "in Leicester, in English, Gujarati, Polish, Chinese and Urdu.",
                     "uri": "https://signpost.example.org/taxonomy/activities", "version": "1"},
        "terms": terms,
    }


# ------------------------------------------------------------------------------ orgs, venues
_inline_org_phone = iter(range(600, 1000))


def org_obj(key_or_tuple, slug, cache):
    if isinstance(key_or_tuple, str):
        key = key_or_tuple
        name, desc, suffix, mail = places.ORGS[key]
    else:
        name, desc = key_or_tuple[:2]
        key = "own-" + "".join(c if c.isalnum() else "-" for c in name.lower()).strip("-")
        mail = key_or_tuple[2] if len(key_or_tuple) > 2 else None
        suffix = None
    if key in cache:
        return cache[key]
    number = f"0116 496 {suffix}" if suffix else f"0116 496 0{next(_inline_org_phone):03d}"
    o = {"id": uid("organization", key), "name": name, "description": desc,
         "email": f"{mail}@example.org" if mail else None, "url": None,
         "phones": [phone("organization", key, number)]}
    cache[key] = o
    return o


def location_obj(key):
    name, addr, pc, lat, lon, transport, access = places.VENUES[key]
    acc = []
    for a in access:
        code, details = (a, None) if isinstance(a, str) else a
        acc.append({"id": uid("accessibility", f"{key}:{code}"), "description": code,
                    "details": details})
    return {"id": uid("location", key), "name": name, "description": None,
            "latitude": lat, "longitude": lon, "transportation": transport,
            "physical_addresses": [{"id": uid("address", key), "address_1": addr,
                                    "city": "Leicester", "state_province": "Leicestershire",
                                    "postal_code": pc, "country": "GB"}],
            "accessibility": acc}


# ------------------------------------------------------------------------------ schedules
def first_on_or_after(start, weekday):
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def nth_weekday(year, month, n, weekday):
    if n > 0:
        d = first_on_or_after(dt.date(year, month, 1), weekday)
        return d + dt.timedelta(weeks=n - 1)
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    last = nxt - dt.timedelta(days=1)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def schedule_obj(slug, n, spec):
    """spec: "W TU 10:00-12:00" weekly | "F TH 14:00-16:00" fortnightly | "M 1MO 10:00-12:00"
    monthly by nth weekday | "MD 15 10:00-12:00" monthly by day | "D - 19:30-22:00" daily;
    or (spec, {notes, valid_from, valid_to, dtstart, description})."""
    extra = {}
    if isinstance(spec, tuple):
        spec, extra = spec
    kind, day, times = spec.split()
    opens, closes = times.split("-")
    start = dt.date.fromisoformat(extra.get("valid_from") or "2026-01-05")
    byday = bymonthday = None
    if kind in ("W", "F"):
        freq, interval, byday = "WEEKLY", 1 if kind == "W" else 2, day
        days = day.split(",")
        dtstart = min(first_on_or_after(start, DAY_IDX[d]) for d in days)
        names = " and ".join(DAY_NAMES[d] for d in days)
        desc = (f"Every {names}" if kind == "W" else f"Every other {names}")
    elif kind == "M":
        freq, interval, byday = "MONTHLY", 1, day
        n_, wd = day[:-2], day[-2:]
        d = nth_weekday(start.year, start.month, int(n_), DAY_IDX[wd])
        if d < start:
            y, m = (start.year + (start.month == 12), start.month % 12 + 1)
            d = nth_weekday(y, m, int(n_), DAY_IDX[wd])
        dtstart = d
        desc = f"{ORD[n_]} {DAY_NAMES[wd]} of the month"
    elif kind == "MD":
        freq, interval, bymonthday = "MONTHLY", 1, int(day)
        d = dt.date(start.year, start.month, int(day))
        if d < start:
            d = dt.date(start.year + (start.month == 12), start.month % 12 + 1, int(day))
        dtstart = d
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(int(day) % 10 if int(day) not in (11, 12, 13) else 0, "th")
        desc = f"The {day}{suffix} of every month"
    elif kind == "D":
        freq, interval = "DAILY", 1
        dtstart = start
        desc = "Every day"
    else:
        raise ValueError(spec)
    desc = extra.get("description") or f"{desc}, {opens} to {closes}"
    return {"id": uid("schedule", f"{slug}:{n}"), "freq": freq, "interval": interval,
            "byday": byday, "bymonthday": bymonthday,
            "dtstart": extra.get("dtstart") or dtstart.isoformat(),
            "valid_from": extra.get("valid_from") or dtstart.isoformat(),
            "valid_to": extra.get("valid_to"), "opens_at": opens, "closes_at": closes,
            "description": desc, "notes": extra.get("notes")}


# ------------------------------------------------------------------------------ costs
def costs(slug, cost):
    """None/'free' | 'donation' | 2.5 | (3.0, 1.5 concession) | [(option, amount, desc), ...]"""
    def co(n, option, amount, desc):
        return {"id": uid("cost-option", f"{slug}:{n}"), "option": option,
                "amount": None if amount is None else float(amount), "currency": "GBP",
                "amount_description": desc}
    if cost in (None, "free"):
        return [co(0, "Free", 0, "No charge")], "Free"
    if cost == "donation":
        return [co(0, "Donation", None, "Pay what you can; nobody is turned away")], \
            "Free, donations welcome"
    if isinstance(cost, (int, float)):
        return [co(0, "Per session", cost, None)], f"£{cost:.2f} per session"
    if isinstance(cost, tuple):
        full, conc = cost
        return [co(0, "Per session", full, None),
                co(1, "Concession", conc, "Pension Credit, Universal Credit or carers")], \
            f"£{full:.2f} per session, £{conc:.2f} concessions"
    return [co(i, o, a, d) for i, (o, a, d) in enumerate(cost)], None


# ------------------------------------------------------------------------------ services
_contact_phone = iter(range(200, 600))

JOIN_TEXT = {"drop_in": "Just turn up", "ring_first": "Please ring first",
             "referral": "By referral from a community connector, GP or social worker; self-referral welcome",
             "waiting_list": "Ring to join the waiting list"}


def service_obj(ward, e, org_cache):
    slug = e["slug"]
    cost_opts, fees = costs(slug, e.get("cost"))
    join = e.get("join", "drop_in")
    min_age = e.get("min_age", 50)
    gender = e.get("gender", "mixed")
    elig = e.get("elig")
    if elig is None:
        who = {"women_only": "Women", "men_only": "Men"}.get(gender, "Everyone")
        elig = f"{who} aged {min_age} and over" if min_age else f"{who} welcome, any age"
    langs = e.get("langs", "en").split()
    svc = {
        "id": uid("service", slug),
        "name": e["name"],
        "description": e["description"],
        "locale": e["locale"],
        "translations": {loc: {"name": n, "description": d} for loc, (n, d) in e.get("tr", {}).items()},
        "url": e.get("url"),
        "email": e.get("email"),
        "status": "inactive" if e.get("status", "active") == "closed" else "active",
        "fees_description": e.get("fees", fees),
        "minimum_age": min_age, "maximum_age": e.get("max_age"),
        "eligibility_description": elig,
        "application_process": e.get("apply", JOIN_TEXT[join]),
        "organization": org_obj(e.get("org", ("Community group", "A volunteer-run community group.")), slug, org_cache),
        "languages": [{"id": uid("language", f"{slug}:{c}"), "code": c, "name": LANG_NAMES[c]} for c in langs],
        "cost_options": cost_opts,
        "contacts": [{"id": uid("contact", slug), "name": e.get("contact", "Group organiser"),
                      "title": None, "email": None,
                      "phones": [phone("contact", slug, f"0116 496 0{next(_contact_phone):03d}")]}],
        "schedules": [schedule_obj(slug, i, s) for i, s in enumerate(e.get("sched", []))],
        "service_at_locations": ([{"id": uid("service-at-location", f"{slug}:{e['venue']}"),
                                   "location": location_obj(e["venue"])}] if e["venue"] else []),
        "service_areas": [],
        "attributes": [{"taxonomy_term": {"code": c}} for c in e["terms"]],
        "gender": gender,
        "faith_setting": e.get("faith", "none"),
        "food": e.get("food", []),
        "how_to_join": join,
        "transport_provided": e.get("transport", False),
        "carers_welcome": e.get("carers", True),
        "listing_status": e.get("status", "active"),
        "last_verified": e.get("verified", "2026-09-14"),
    }
    if e.get("area"):
        aname, ring = places.AREAS[e["area"]]
        svc["service_areas"].append({
            "id": uid("service-area", slug), "name": aname,
            "extent": json.dumps({"type": "Polygon", "coordinates": [[list(p) for p in ring]]}),
            "extent_type": "geojson"})
    return nfc(svc)


# ------------------------------------------------------------------------------ postcodes
SECTORS = {  # sector -> (place name, lat, lon)
    "LE1 1": ("Leicester", 52.6350, -1.1290), "LE1 2": ("St Matthews", 52.6385, -1.1230),
    "LE1 3": ("Leicester", 52.6392, -1.1335), "LE1 5": ("Leicester", 52.6345, -1.1372),
    "LE1 6": ("Leicester", 52.6318, -1.1305), "LE1 7": ("Leicester", 52.6282, -1.1300),
    "LE2 0": ("Highfields", 52.6300, -1.1160), "LE2 1": ("Highfields", 52.6268, -1.1190),
    "LE3 0": ("Westcotes", 52.6330, -1.1560), "LE3 5": ("Westcotes", 52.6270, -1.1490),
    "LE4 5": ("Belgrave", 52.6500, -1.1290), "LE4 6": ("Belgrave", 52.6548, -1.1222),
    "LE4 7": ("Rushey Mead", 52.6625, -1.1200), "LE5 0": ("North Evington", 52.6405, -1.1060),
    "LE5 1": ("Humberstone", 52.6440, -1.0850), "LE5 2": ("Thurnby Lodge", 52.6405, -1.0630),
    "LE5 3": ("Spinney Hills", 52.6350, -1.1110), "LE5 4": ("Spinney Hills", 52.6300, -1.1010),
    "LE5 5": ("Evington", 52.6282, -1.0900), "LE5 6": ("Evington", 52.6240, -1.0780),
}
UNIT = "ABDEFGHJLNPQRSTUWXYZ"


def build_postcodes(used):
    """used: {postcode: (lat, lon, ward)} from venues."""
    rng = random.Random(20261125)
    rows = {}
    for pc, (lat, lon, ward) in used.items():
        dlat, dlon = rng.uniform(-0.0007, 0.0007), rng.uniform(-0.0010, 0.0010)
        place = SECTORS.get(pc[:5], (PLACE_NAMES[ward],))[0]
        rows[pc] = (place, round(lat + dlat, 4), round(lon + dlon, 4))
    for sector, (place, clat, clon) in SECTORS.items():
        made = 0
        while made < 16:
            pc = f"{sector}{rng.choice(UNIT)}{rng.choice(UNIT)}"
            if pc in rows:
                continue
            rows[pc] = (place, round(clat + rng.uniform(-0.004, 0.004), 4),
                        round(clon + rng.uniform(-0.006, 0.006), 4))
            made += 1
    lines = []
    for pc in sorted(rows):
        place, lat, lon = rows[pc]
        lines.append("\t".join(["GB", pc, place, "England", "ENG", "Leicestershire", "E10000018",
                                "Leicester", "E06000016", f"{lat:.4f}", f"{lon:.4f}", "6"]))
    return "\n".join(lines) + "\n"


# ------------------------------------------------------------------------------ main
def dump(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, indent=2)
        f.write("\n")


def main():
    dump(os.path.join(ROOT, "taxonomy.json"), nfc(build_taxonomy()))
    org_cache = {}
    used = {}
    os.makedirs(os.path.join(ROOT, "services"), exist_ok=True)
    for ward, mod in WARDS:
        out = [service_obj(ward, e, org_cache) for e in mod.LISTINGS]
        for e in mod.LISTINGS:
            if e["venue"]:
                _, _, pc, lat, lon, _, _ = places.VENUES[e["venue"]]
                used[pc] = (lat, lon, ward)
        dump(os.path.join(ROOT, "services", f"{ward}.json"), out)
        print(f"{ward:14s} {len(out):3d} listings")
    # every venue's postcode goes in, used or not
    for key, (_, _, pc, lat, lon, _, _) in places.VENUES.items():
        used.setdefault(pc, (lat, lon, "city-centre"))
    with open(os.path.join(ROOT, "postcodes.txt"), "w", encoding="utf-8") as f:
        f.write(build_postcodes(dict(sorted(used.items()))))
    print("written taxonomy.json, services/*.json, postcodes.txt")


if __name__ == "__main__":
    main()
