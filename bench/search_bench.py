"""Search benchmark: rebuild speed, query latency and edit-to-visible time, ours vs a naive baseline.

For each size N this script

1. generates N synthetic listings deterministically (``random.Random(seed)``) from small pools of
   real phrases taken from ``seed_data/services/*.json`` (English, Gujarati, Polish, Simplified
   and Traditional Chinese), with realistic schedules, costs, languages, access codes, taxonomy
   attributes and locations clustered around ~45 towns of the English Midlands and South East
   (lat 51.3-53.8, lon -2.6-0.4; ``--dense`` puts everything within 10 km of Leicester);
2. bulk-inserts them into a temporary, migrated SQLite database (SQLAlchemy Core executemany:
   this bypasses ``session.merge`` on purpose, only the rows matter);
3. measures OUR engine: ``directory.search.sync.rebuild_index`` listings/s; p50/p95 latency of
   text-only, location-only (5 km) and text + location + 2 filters searches; time until an
   edit made through a SQLAlchemy session (with ``IndexSync`` installed as ``create_app`` does)
   is searchable;
4. measures the SAME figures for a NAIVE BASELINE on the same data in the same process: one
   Whoosh TEXT field with Whoosh's StandardAnalyzer, geohash-prefix KEYWORD terms for location
   and Python haversine over every hit, sorted in Python;
5. prints a table (ours, baseline, ratio ours/baseline, target) and one JSON line per size.

Run:  .venv/bin/python bench/search_bench.py --sizes 1000,10000,50000
Only local files and a temporary folder are used; it stops by itself. Not run by the tests.
"""
from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import math
import os
import platform
import pstats
import random
import shutil
import statistics
import string
import sys
import tempfile
import time
import uuid
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import event, insert, select  # noqa: E402
from sqlalchemy.orm import Session  # noqa: E402

from directory.db import Database  # noqa: E402
from directory.geography import Point, haversine_m  # noqa: E402
from directory.models import (  # noqa: E402
    Accessibility, Attribute, CostOption, Language, Location, Organization, Schedule, Service, ServiceArea,
    ServiceAtLocation, ServiceTranslation, TaxonomyTerm,
)
from directory.schema import upgrade_database  # noqa: E402
from directory.search import IndexStore, IndexSync, SearchEngine, SearchRequest  # noqa: E402
from directory.search.analysis import warm_up  # noqa: E402
from directory.search.sync import rebuild_index  # noqa: E402
from directory.seed import load_taxonomy  # noqa: E402

SEED_DIR = ROOT / "seed_data"
TARGETS = {"rebuild_per_s": ("≥", 2000.0), "filtered_p95_ms": ("≤", 15.0), "edit_visible_ms": ("<", 1000.0)}

# (name, lat, lon, weight ~ relative population): real towns inside lat 51.3-53.8, lon -2.6-0.4
TOWNS = [
    ("Leicester", 52.6369, -1.1398, 5), ("Birmingham", 52.4862, -1.8904, 8), ("Nottingham", 52.9548, -1.1581, 5),
    ("Derby", 52.9225, -1.4746, 4), ("Coventry", 52.4068, -1.5197, 4), ("Sheffield", 53.3811, -1.4701, 5),
    ("Wolverhampton", 52.5870, -2.1288, 3), ("Stoke-on-Trent", 53.0027, -2.1794, 3), ("Northampton", 52.2405, -0.9027, 3),
    ("Peterborough", 52.5695, -0.2405, 3), ("Cambridge", 52.2053, 0.1218, 3), ("Oxford", 51.7520, -1.2577, 3),
    ("Milton Keynes", 52.0406, -0.7594, 3), ("Luton", 51.8787, -0.4200, 3), ("Bedford", 52.1360, -0.4667, 2),
    ("Lincoln", 53.2307, -0.5406, 2), ("Loughborough", 52.7721, -1.2062, 2), ("Stafford", 52.8067, -2.1168, 1),
    ("Burton upon Trent", 52.8019, -1.6367, 1), ("Tamworth", 52.6339, -1.6953, 1), ("Nuneaton", 52.5230, -1.4652, 1),
    ("Rugby", 52.3709, -1.2650, 1), ("Leamington Spa", 52.2852, -1.5201, 1), ("Kettering", 52.3993, -0.7257, 1),
    ("Corby", 52.4914, -0.6965, 1), ("Grantham", 52.9119, -0.6426, 1), ("Newark", 53.0765, -0.8087, 1),
    ("Mansfield", 53.1472, -1.1987, 2), ("Chesterfield", 53.2350, -1.4216, 2), ("Worksop", 53.3017, -1.1237, 1),
    ("Doncaster", 53.5228, -1.1285, 3), ("Rotherham", 53.4326, -1.3635, 2), ("Banbury", 52.0629, -1.3398, 1),
    ("Aylesbury", 51.8168, -0.8124, 1), ("High Wycombe", 51.6287, -0.7482, 2), ("Stevenage", 51.9038, -0.1966, 1),
    ("Watford", 51.6565, -0.3903, 2), ("Reading", 51.4543, -0.9781, 3), ("Swindon", 51.5558, -1.7797, 2),
    ("Worcester", 52.1920, -2.2200, 2), ("Redditch", 52.3094, -1.9409, 1), ("Hinckley", 52.5387, -1.3723, 1),
    ("Melton Mowbray", 52.7661, -0.8867, 1), ("Wellingborough", 52.3027, -0.6943, 1), ("Telford", 52.6784, -2.4453, 2),
]
LEICESTER = (52.6369, -1.1398)
ACCESS_FREQ = {"step_free": 0.9, "accessible_toilet": 0.75, "bus_route": 0.75, "hearing_loop": 0.45,
               "parking": 0.3, "seating": 0.3, "large_print": 0.15}
LANGUAGE_NAMES = {"en": "English", "gu": "Gujarati", "hi": "Hindi", "pl": "Polish", "zh": "Chinese", "ur": "Urdu",
                  "yue": "Cantonese", "pa": "Punjabi", "so": "Somali", "ar": "Arabic"}
LOCALE_LANGUAGE = {"en": "en", "gu": "gu", "pl": "pl", "zh_Hans": "zh", "zh_Hant": "yue"}
SCHEDULES = [("WEEKLY", "MO"), ("WEEKLY", "TU"), ("WEEKLY", "WE"), ("WEEKLY", "TH"), ("WEEKLY", "FR"),
             ("WEEKLY", "SA"), ("WEEKLY", "SU"), ("WEEKLY", "TU,FR"), ("WEEKLY", "TU,TH"),
             ("WEEKLY", "MO,TU,WE,TH,FR"), ("MONTHLY", "2WE"), ("MONTHLY", "1SA"), ("MONTHLY", "-1FR")]
OPENS = [dt.time(9, 30), dt.time(10, 0), dt.time(10, 30), dt.time(11, 0), dt.time(13, 30), dt.time(14, 0),
         dt.time(18, 30), dt.time(19, 0)]


# ---------------------------------------------------------------- helpers
def cpu_seconds() -> float:
    """CPU time of this process and of its finished children (a large rebuild runs its
    analysis and writing in worker processes)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * q
    lo, hi = math.floor(k), math.ceil(k)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def det_id(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def load_templates() -> list[dict]:
    """Real listings' texts, languages and categories: the phrase pools."""
    templates = []
    for path in sorted((SEED_DIR / "services").glob("*.json")):
        for data in json.loads(path.read_text(encoding="utf-8")):
            texts = {data["locale"]: (data["name"], data.get("description"))}
            for locale, text in (data.get("translations") or {}).items():
                texts.setdefault(locale, (text["name"], text.get("description")))
            templates.append({
                "locale": data["locale"], "texts": texts,
                "languages": [item["code"] for item in data.get("languages") or [] if item.get("code")],
                "terms": [item["taxonomy_term"]["code"] for item in data.get("attributes") or []
                          if (item.get("taxonomy_term") or {}).get("code")],
            })
    return templates


def query_pools(taxonomy: dict, rng: random.Random) -> dict[str, list[str]]:
    """What people type, per language: category names and synonyms, plus some listing words."""
    pools = {"en": [], "gu": [], "pl": [], "zh": []}
    for term in taxonomy["terms"]:
        for locale, name in (term.get("names") or {}).items():
            key = "zh" if locale.startswith("zh") else locale
            if key in pools:
                pools[key].append(name)
        for locale, words in (term.get("synonyms") or {}).items():
            key = "zh" if locale.startswith("zh") else locale
            if key in pools:
                pools[key].extend(words)
    pools["en"] += ["tea", "yoga", "chair exercise", "walking group", "knitting", "bingo", "lunch", "carers",
                    "computer help", "singing", "garden", "women only exercise", "free lunch", "dementia"]
    pools["pl"] += ["zajecia", "obiad", "spotkania", "gimnastyka", "herbata", "seniorów"]
    for pool in pools.values():
        pool.sort()
        rng.shuffle(pool)
    return pools


def random_word(rng: random.Random) -> str:
    return "zq" + "".join(rng.choice(string.ascii_lowercase[:20]) for _ in range(8))


# ---------------------------------------------------------------- data
def generate(database: Database, n: int, seed: int, dense: bool) -> dict:
    """Bulk-insert n services (and their organisations, places and children). Returns facts
    the queries need (town centres, service ids)."""
    rng = random.Random(seed)
    taxonomy = json.loads((SEED_DIR / "taxonomy.json").read_text(encoding="utf-8"))
    with database.session() as session:
        load_taxonomy(session, taxonomy)
    with Session(database.engine) as session:
        term_ids = {term.code: term.id for term in session.scalars(select(TaxonomyTerm))}
    all_codes = sorted(term_ids)
    templates = load_templates()
    today = dt.date.today()
    weights = [town[3] for town in TOWNS]

    def place() -> tuple[float, float, str]:
        if dense:
            r, a = 10_000 * math.sqrt(rng.random()), rng.random() * 2 * math.pi
            lat = LEICESTER[0] + math.degrees(r * math.cos(a) / 6_371_000)
            lon = LEICESTER[1] + math.degrees(r * math.sin(a) / (6_371_000 * math.cos(math.radians(LEICESTER[0]))))
            return lat, lon, "Leicester"
        if rng.random() < 0.12:  # villages and the countryside between towns
            return rng.uniform(51.3, 53.8), rng.uniform(-2.6, 0.4), "Rural"
        name, lat, lon, _w = rng.choices(TOWNS, weights)[0]
        sigma_km = rng.choice((2.0, 3.0, 4.0, 6.0))
        lat += rng.gauss(0, sigma_km) / 111.2
        lon += rng.gauss(0, sigma_km) / (111.2 * math.cos(math.radians(lat)))
        return min(53.8, max(51.3, lat)), min(0.4, max(-2.6, lon)), name

    rows: dict[str, list[dict]] = {name: [] for name in (
        "organization", "location", "accessibility", "service", "service_translation", "service_at_location",
        "schedule", "language", "cost_option", "attribute", "service_area")}
    orgs = [det_id(rng) for _ in range(max(1, n // 3))]
    for org_id in orgs:
        rows["organization"].append({"id": org_id, "name": f"Community group {org_id[:8]}", "description": None})
    locations = []
    for _ in range(max(1, int(n * 0.45))):
        loc_id = det_id(rng)
        lat, lon, town = place()
        locations.append((loc_id, lat, lon, town))
        rows["location"].append({"id": loc_id, "name": f"{town} community centre", "latitude": round(lat, 6),
                                 "longitude": round(lon, 6), "location_type": "physical"})
        for code, share in ACCESS_FREQ.items():
            if rng.random() < share:
                rows["accessibility"].append({"id": det_id(rng), "location_id": loc_id, "description": code,
                                              "details": None})
    service_ids = []
    for _ in range(n):
        template = rng.choice(templates)
        service_id = det_id(rng)
        service_ids.append(service_id)
        chosen = [rng.choice(locations)] + ([rng.choice(locations)] if rng.random() < 0.08 else [])
        town = chosen[0][3]
        locale = template["locale"]
        name, description = template["texts"][locale]
        if locale == "en" and town != "Rural":
            name = f"{name} – {town}"
        free = rng.random() < 0.45
        status = rng.choices(("active", "paused", "full", "closed"), (90, 4, 3, 3))[0]
        rows["service"].append({
            "id": service_id, "organization_id": rng.choice(orgs), "name": name, "description": description,
            "status": "active", "locale": locale, "minimum_age": rng.choice((None, None, 50, 55, 60, 65)),
            "maximum_age": None, "gender": rng.choices(("mixed", "women_only", "men_only"), (85, 11, 4))[0],
            "faith_setting": rng.choices(("none", "church", "mosque", "temple", "gurdwara"), (75, 10, 5, 7, 3))[0],
            "food": rng.choice(([], [], ["vegetarian"], ["halal"], ["vegetarian", "halal"])),
            "how_to_join": rng.choices(("drop_in", "ring_first", "referral", "waiting_list"), (60, 25, 10, 5))[0],
            "transport_provided": rng.random() < 0.1, "carers_welcome": rng.random() < 0.5,
            "listing_status": status, "last_verified": today - dt.timedelta(days=rng.randint(0, 400)),
        })
        for other, (tname, tdesc) in template["texts"].items():
            if other != locale:
                rows["service_translation"].append({"service_id": service_id, "locale": other, "name": tname,
                                                    "description": tdesc})
        for loc_id, *_rest in dict.fromkeys(chosen):
            rows["service_at_location"].append({"id": det_id(rng), "service_id": service_id, "location_id": loc_id,
                                                "description": None})
        for _ in range(rng.choice((1, 1, 1, 2))):
            freq, byday = rng.choice(SCHEDULES)
            opens = rng.choice(OPENS)
            closes = (dt.datetime.combine(today, opens) + dt.timedelta(minutes=rng.choice((60, 90, 120)))).time()
            start = dt.date(2026, 1, 5) + dt.timedelta(days=rng.randint(0, 6))
            rows["schedule"].append({"id": det_id(rng), "service_id": service_id, "freq": freq, "interval": 1,
                                     "byday": byday, "dtstart": start, "valid_from": start, "opens_at": opens,
                                     "closes_at": closes, "description": None})
        languages = list(dict.fromkeys(template["languages"] or [LOCALE_LANGUAGE.get(locale, "en")]))
        if rng.random() < 0.2:
            languages.append(rng.choice(sorted(LANGUAGE_NAMES)))
        for code in dict.fromkeys(languages):
            rows["language"].append({"id": det_id(rng), "service_id": service_id, "code": code,
                                     "name": LANGUAGE_NAMES.get(code, code)})
        if free:
            if rng.random() < 0.5:
                rows["cost_option"].append({"id": det_id(rng), "service_id": service_id, "option": "Free",
                                            "currency": "GBP", "amount": Decimal("0")})
        else:
            rows["cost_option"].append({"id": det_id(rng), "service_id": service_id, "option": "Per session",
                                        "currency": "GBP", "amount": Decimal(rng.choice(("1.50", "2", "3", "4", "5.50")))})
        codes = [code for code in template["terms"] if code in term_ids] or [rng.choice(all_codes)]
        if rng.random() < 0.25:
            codes.append(rng.choice(all_codes))
        for code in dict.fromkeys(codes):
            rows["attribute"].append({"id": det_id(rng), "link_id": service_id, "taxonomy_term_id": term_ids[code],
                                      "link_entity": "service", "link_type": None})
        if rng.random() < 0.01:  # "we come to you" over a few km around the first place
            _id, lat, lon, _t = chosen[0]
            d = rng.uniform(0.02, 0.05)
            ring = [[lon - d, lat - d], [lon + d, lat - d], [lon + d, lat + d], [lon - d, lat + d], [lon - d, lat - d]]
            rows["service_area"].append({"id": det_id(rng), "service_id": service_id, "name": "Home visits",
                                         "extent": json.dumps({"type": "Polygon", "coordinates": [ring]}),
                                         "extent_type": "geojson"})
    tables = {"organization": Organization, "location": Location, "accessibility": Accessibility,
              "service": Service, "service_translation": ServiceTranslation,
              "service_at_location": ServiceAtLocation, "schedule": Schedule, "language": Language,
              "cost_option": CostOption, "attribute": Attribute, "service_area": ServiceArea}
    with database.engine.begin() as connection:
        for name, model in tables.items():
            table_rows = rows[name]
            for start in range(0, len(table_rows), 20_000):
                connection.execute(insert(model.__table__), table_rows[start:start + 20_000])
    database.refresh_statistics()  # as `directory import` does after a bulk write
    centres = [(lat, lon) for _n, lat, lon, _w in TOWNS] if not dense else [LEICESTER]
    return {"service_ids": service_ids, "centres": centres, "town_weights": weights if not dense else [1],
            "taxonomy": taxonomy, "rows": sum(len(v) for v in rows.values())}


# ---------------------------------------------------------------- query sets
def make_queries(facts: dict, count: int, seed: int, dense: bool) -> dict[str, list[dict]]:
    rng = random.Random(seed + 1)
    pools = query_pools(facts["taxonomy"], rng)
    mix = ["en"] * 4 + ["gu"] * 2 + ["pl"] * 2 + ["zh"] * 2

    def text() -> tuple[str, str]:
        lang = rng.choice(mix)
        return lang, rng.choice(pools[lang])

    def centre() -> tuple[float, float]:
        lat, lon = rng.choices(facts["centres"], facts["town_weights"])[0]
        if dense:  # anywhere in the dense area
            lat += rng.uniform(-0.05, 0.05)
            lon += rng.uniform(-0.08, 0.08)
        return lat, lon

    query_language = {"en": "en", "gu": "gu", "pl": "pl", "zh": "zh"}
    sets = {"text": [], "location": [], "filtered": []}
    for _ in range(count):
        lang, words = text()
        sets["text"].append({"text": words, "lang": lang})
        sets["location"].append({"point": centre(), "radius": 5000})
        lang, words = text()
        second = rng.choice((("access", rng.choice(("step_free", "accessible_toilet", "hearing_loop", "bus_route"))),
                             ("cost", "free"), ("cost", "low")))
        sets["filtered"].append({"text": words, "lang": lang, "point": centre(), "radius": 5000,
                                 "filters": {"language": [query_language[lang]], second[0]: [second[1]]}})
    return sets


# ---------------------------------------------------------------- ours
def ours_request(query: dict) -> SearchRequest:
    point = Point(*query["point"]) if "point" in query else None
    return SearchRequest(text=query.get("text", ""), point=point, radius_m=query.get("radius"),
                         filters=query.get("filters", {}),
                         languages=[query["lang"]] if query.get("lang", "en") != "en" else [],
                         locale=query.get("lang", "en"))


def time_passes(run, queries: list[dict], result: dict, kind: str) -> None:
    """Two timed passes over the same queries: the first after a short warm-up (most
    words are new to the engine's caches), the second with every word seen before — what a
    long-running server meets for the words people actually type."""
    timings, mean_hits = time_queries(run, queries)
    result[f"{kind}_p50_ms"] = percentile(timings, 0.5)
    result[f"{kind}_p95_ms"] = percentile(timings, 0.95)
    result[f"{kind}_mean_hits"] = mean_hits
    timings, _ = time_queries(run, queries, warm=0)
    result[f"{kind}_warm_p50_ms"] = percentile(timings, 0.5)
    result[f"{kind}_warm_p95_ms"] = percentile(timings, 0.95)


def time_queries(run, queries: list[dict], warm: int = 20) -> tuple[list[float], float]:
    for query in queries[:warm]:
        run(query)
    timings, hits = [], 0
    for query in queries:
        started = time.perf_counter()
        total = run(query)
        timings.append((time.perf_counter() - started) * 1000)
        hits += total
    return timings, hits / max(1, len(queries))


def edit_latency(database: Database, service_ids: list[str], found, edits: int, seed: int) -> list[float]:
    """Rename a listing through a session (the installed listeners reindex after commit), then
    poll ``found(word)`` until the new word is searchable. Milliseconds per edit."""
    rng = random.Random(seed + 2)
    results = []
    for _ in range(edits):
        word = random_word(rng)
        service_id = rng.choice(service_ids)
        started = time.perf_counter()
        with database.session() as session:
            service = session.get(Service, service_id)
            if service.listing_status == "closed":
                service.listing_status = "active"
            service.name = f"{service.name} {word}"
        deadline = started + 30
        while not found(word):
            if time.perf_counter() > deadline:
                raise RuntimeError(f"edit {word!r} not searchable after 30 s")
            time.sleep(0.002)
        results.append((time.perf_counter() - started) * 1000)
    return results


def run_ours(url: str, workdir: Path, facts: dict, queries: dict, edits: int, seed: int,
             profile_dir: Path | None) -> dict:
    database = Database(url)
    store = IndexStore(workdir / "index")
    profiler = cProfile.Profile() if profile_dir else None
    started, cpu = time.perf_counter(), cpu_seconds()
    if profiler:
        profiler.enable()
    summary = rebuild_index(database, store)
    if profiler:
        profiler.disable()
        _dump_profile(profiler, profile_dir / "rebuild")
    rebuild_s = time.perf_counter() - started
    engine = SearchEngine(workdir / "index")
    opened = time.perf_counter()
    engine.refresh()
    open_s = time.perf_counter() - opened
    result = {"rebuild_s": rebuild_s, "rebuild_per_s": summary.services / rebuild_s, "documents": summary.documents,
              "rebuild_per_cpu_s": summary.services / (cpu_seconds() - cpu), "open_s": open_s}

    def run(query: dict) -> int:
        return engine.search(ours_request(query)).total

    for kind, query_list in queries.items():
        if profiler and kind == "filtered":
            profiler = cProfile.Profile()
            profiler.enable()
        time_passes(run, query_list, result, kind)
        if profiler and kind == "filtered":
            profiler.disable()
            _dump_profile(profiler, profile_dir / "filtered_query")
    # the same filtered searches without facet counts (what the naive baseline never computes)
    timings, _ = time_queries(lambda q: engine.search(
        SearchRequest(**{**ours_request(q).__dict__, "with_facets": False})).total, queries["filtered"])
    result["filtered_nofacets_p95_ms"] = percentile(timings, 0.95)
    IndexSync(database, engine.store, on_update=engine.refresh).install()
    edit = edit_latency(database, facts["service_ids"], lambda word: engine.search(SearchRequest(text=word)).total > 0,
                        edits, seed)
    result["edit_visible_ms"] = statistics.median(edit)
    result["edit_visible_max_ms"] = max(edit)
    engine.close()
    database.dispose()
    return result


def _dump_profile(profiler: cProfile.Profile, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    profiler.dump_stats(str(path) + ".prof")
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats("cumulative").print_stats(45)
    out.write("\n\n---- by internal time ----\n")
    pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(35)
    (Path(str(path) + ".txt")).write_text(out.getvalue(), encoding="utf-8")


# ---------------------------------------------------------------- naive baseline
_BASE32 = "0123456789bcdefghjkmnpqrstuvwxyz"


def geohash(lat: float, lon: float, precision: int = 6) -> str:
    """The textbook geohash: interleave longitude/latitude bisection bits, 5 bits a character."""
    lat_range, lon_range = [-90.0, 90.0], [-180.0, 180.0]
    chars, bits, value, even = [], 0, 0, True
    while len(chars) < precision:
        rng_ = lon_range if even else lat_range
        coord = lon if even else lat
        mid = (rng_[0] + rng_[1]) / 2
        value <<= 1
        if coord >= mid:
            value |= 1
            rng_[0] = mid
        else:
            rng_[1] = mid
        even = not even
        bits += 1
        if bits == 5:
            chars.append(_BASE32[value])
            bits = value = 0
    return "".join(chars)


def geohash_cover(lat: float, lon: float, radius_m: float, precision: int = 5) -> list[str]:
    """Precision-5 cells (~4.9 x 4.9 km at the equator) touching the circle's bounding box,
    found by sampling the box on a grid finer than a cell."""
    dlat = math.degrees(radius_m / 6_371_008.8)
    dlon = math.degrees(radius_m / (6_371_008.8 * math.cos(math.radians(lat))))
    lat_cell, lon_cell = 180 / 2 ** (5 * precision // 2), 360 / 2 ** (5 * precision - 5 * precision // 2)
    cells = set()
    steps_lat = int(2 * dlat / (lat_cell / 2)) + 2
    steps_lon = int(2 * dlon / (lon_cell / 2)) + 2
    for i in range(steps_lat + 1):
        for j in range(steps_lon + 1):
            cells.add(geohash(lat - dlat + 2 * dlat * i / steps_lat, lon - dlon + 2 * dlon * j / steps_lon, precision))
    return sorted(cells)


class NaiveBaseline:
    """What a first attempt looks like: one analysed text field, geohash terms, Python distances."""

    def __init__(self, path: Path):
        from whoosh import index
        from whoosh.analysis import StandardAnalyzer
        from whoosh.fields import ID, KEYWORD, STORED, TEXT, Schema

        self.path = path
        path.mkdir(parents=True, exist_ok=True)
        self.schema = Schema(key=ID(unique=True, stored=True), service_id=ID(stored=True),
                             text=TEXT(analyzer=StandardAnalyzer()), geohash=KEYWORD(), language=KEYWORD(),
                             access=KEYWORD(), cost=KEYWORD(), latitude=STORED(), longitude=STORED())
        self.index = index.create_in(str(path), self.schema)
        self.searcher = None

    @staticmethod
    def documents(service: Service) -> list[dict]:
        if service.listing_status == "closed":
            return []
        words = []
        for name, description in service.texts_by_locale().values():
            words += [name, description or ""]
        for term in service.taxonomy_terms:
            words += term.all_words()
        amounts = [o.amount for o in service.cost_options if o.amount is not None]
        cost = "free" if service.is_free else ("low" if amounts and min(amounts) <= 3 else "")
        base = {"service_id": service.id, "text": "\n".join(words), "language": " ".join(service.language_codes),
                "cost": cost}
        documents = []
        for location in service.locations:
            if location.latitude is None:
                continue
            gh = geohash(location.latitude, location.longitude, 6)
            documents.append(dict(base, key=f"{service.id}@{location.id}", latitude=location.latitude,
                                  longitude=location.longitude, geohash=" ".join(gh[:i] for i in range(1, 7)),
                                  access=" ".join(location.accessibility_codes)))
        return documents or [dict(base, key=service.id)]

    def rebuild(self, database: Database) -> int:
        writer = self.index.writer()
        count = 0
        with Session(database.engine) as session:
            ids = list(session.scalars(select(Service.id).order_by(Service.id)))
            for start in range(0, len(ids), 500):
                for service in session.scalars(select(Service).where(Service.id.in_(ids[start:start + 500]))):
                    for document in self.documents(service):
                        writer.add_document(**document)
                    count += 1
                session.expunge_all()
        writer.commit()
        self.searcher = self.index.searcher()
        return count

    def update(self, database: Database, service_ids: set[str]) -> None:
        writer = self.index.writer(timeout=10)
        with Session(database.engine) as session:
            for service_id in service_ids:
                writer.delete_by_term("service_id", service_id)
                service = session.get(Service, service_id)
                for document in self.documents(service) if service else []:
                    writer.add_document(**document)
        writer.commit()
        self.searcher = self.searcher.refresh()

    def install(self, database: Database) -> None:
        pending: set[str] = set()

        def collect(session, _context):
            for obj in [*session.new, *session.dirty, *session.deleted]:
                if isinstance(obj, Service):
                    pending.add(obj.id)

        def apply(_session):
            if pending:
                ids = set(pending)
                pending.clear()
                self.update(database, ids)

        event.listen(database.sessionmaker, "after_flush", collect)
        event.listen(database.sessionmaker, "after_commit", apply)

    def search(self, query: dict, limit: int = 10) -> int:
        from whoosh import query as wq
        from whoosh.qparser import QueryParser

        clauses = []
        if query.get("text"):
            clauses.append(QueryParser("text", self.schema).parse(query["text"]))
        point = query.get("point")
        if point:
            clauses.append(wq.Or([wq.Term("geohash", cell) for cell in geohash_cover(*point, query["radius"])]))
        for field, values in (query.get("filters") or {}).items():
            clauses.extend(wq.Term(field, value) for value in values)
        whoosh_query = wq.And(clauses) if len(clauses) > 1 else clauses[0]
        if not point:
            return len(self.searcher.search(whoosh_query, limit=limit)) if clauses else 0
        centre = Point(*point)
        results = self.searcher.search(whoosh_query, limit=None)
        kept = []
        for hit in results:  # every hit: read its stored point, measure, keep what is in reach
            stored = hit.fields()
            distance = haversine_m(centre, Point(stored["latitude"], stored["longitude"]))
            if distance <= query["radius"]:
                kept.append((hit.score / (1 + distance / 1600), distance, stored["service_id"]))
        kept.sort(key=lambda item: (-item[0], item[1]))
        return len(kept)


def run_baseline(url: str, workdir: Path, facts: dict, queries: dict, edits: int, seed: int) -> dict:
    database = Database(url)  # its own sessionmaker: our IndexSync listeners are not on it
    baseline = NaiveBaseline(workdir / "baseline")
    started, cpu = time.perf_counter(), cpu_seconds()
    services = baseline.rebuild(database)
    rebuild_s = time.perf_counter() - started
    result = {"rebuild_s": rebuild_s, "rebuild_per_s": services / rebuild_s,
              "rebuild_per_cpu_s": services / (cpu_seconds() - cpu)}
    for kind, query_list in queries.items():
        time_passes(baseline.search, query_list, result, kind)
    baseline.install(database)

    def found(word: str) -> bool:
        from whoosh import query as wq
        return len(baseline.searcher.search(wq.Term("text", word), limit=1)) > 0

    edit = edit_latency(database, facts["service_ids"], found, edits, seed)
    result["edit_visible_ms"] = statistics.median(edit)
    result["edit_visible_max_ms"] = max(edit)
    baseline.searcher.close()
    database.dispose()
    return result


# ---------------------------------------------------------------- report
ROWS = [
    ("rebuild_per_s", "rebuild (listings/s, higher is better)", "rebuild_per_s"),
    ("rebuild_per_cpu_s", "rebuild (listings per CPU-second)", None),
    ("text_p50_ms", "text-only p50 (ms)", None), ("text_p95_ms", "text-only p95 (ms)", None),
    ("location_p50_ms", "location-only 5 km p50 (ms)", None), ("location_p95_ms", "location-only 5 km p95 (ms)", None),
    ("filtered_p50_ms", "text+location+2 filters p50 (ms)", None),
    ("filtered_p95_ms", "text+location+2 filters p95 (ms)", "filtered_p95_ms"),
    ("text_warm_p50_ms", "2nd pass: text-only p50 (ms)", None), ("text_warm_p95_ms", "2nd pass: text-only p95 (ms)", None),
    ("location_warm_p50_ms", "2nd pass: location-only p50 (ms)", None),
    ("location_warm_p95_ms", "2nd pass: location-only p95 (ms)", None),
    ("filtered_warm_p50_ms", "2nd pass: text+location+filters p50 (ms)", None),
    ("filtered_warm_p95_ms", "2nd pass: text+location+filters p95 (ms)", "filtered_p95_ms"),
    ("edit_visible_ms", "edit visible, median of edits (ms)", "edit_visible_ms"),
]


def report(n: int, dense: bool, ours: dict, base: dict, extra: dict) -> None:
    print(f"\n== {n} listings{' (dense: all within 10 km of Leicester)' if dense else ''}: "
          f"{ours['documents']} index documents, {extra['rows']} database rows ==")
    print(f"{'figure':<40} {'ours':>10} {'baseline':>10} {'ours/base':>10} {'target':>10}")
    for key, label, target in ROWS:
        ratio = ours[key] / base[key] if base.get(key) else float("nan")
        goal = f"{TARGETS[target][0]}{TARGETS[target][1]:g}" if target else ""
        print(f"{label:<40} {ours[key]:>10.1f} {base[key]:>10.1f} {ratio:>10.2f} {goal:>10}")
    print(f"{'mean hits text/location/filtered':<40} "
          f"{ours['text_mean_hits']:.0f}/{ours['location_mean_hits']:.0f}/{ours['filtered_mean_hits']:.0f}"
          f"  vs baseline {base['text_mean_hits']:.0f}/{base['location_mean_hits']:.0f}/{base['filtered_mean_hits']:.0f}")
    print(f"ours: filtered p95 without facet counts {ours['filtered_nofacets_p95_ms']:.1f} ms; "
          f"first searcher open {ours['open_s'] * 1000:.0f} ms; worst edit {ours['edit_visible_max_ms']:.0f} ms "
          f"(baseline {base['edit_visible_max_ms']:.0f} ms); data generation {extra['generate_s']:.1f} s; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    line = {"bench": "search", "n": n, "dense": dense, "ours": ours, "baseline": base,
            "ratio": {key: (ours[key] / base[key] if base.get(key) else None) for key, _l, _t in ROWS},
            "targets": {k: {"op": v[0], "value": v[1]} for k, v in TARGETS.items()},
            "python": platform.python_version(), "date": dt.date.today().isoformat(), "loadavg": os.getloadavg()}
    print("JSON " + json.dumps(line, default=float))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000", help="comma-separated listing counts (default 1000,10000)")
    parser.add_argument("--queries", type=int, default=300, help="queries per kind (at least 200 recommended)")
    parser.add_argument("--edits", type=int, default=12, help="edits timed for edit-to-visible (median reported)")
    parser.add_argument("--seed", type=int, default=20240601)
    parser.add_argument("--dense", action="store_true", help="put every listing within 10 km of Leicester")
    parser.add_argument("--no-baseline", action="store_true", help="measure only our engine")
    parser.add_argument("--profile", type=Path, default=None,
                        help="write cProfile output (rebuild, filtered queries) for each size under this folder")
    parser.add_argument("--keep-dir", action="store_true", help="keep the temporary folder and print its path")
    args = parser.parse_args()
    warm_up()
    for n in [int(part) for part in args.sizes.split(",") if part.strip()]:
        workdir = Path(tempfile.mkdtemp(prefix=f"search-bench-{n}-"))
        try:
            url = f"sqlite:///{workdir / 'bench.sqlite3'}"
            database = Database(url)
            upgrade_database(database)
            started = time.perf_counter()
            facts = generate(database, n, args.seed, args.dense)
            facts["generate_s"] = time.perf_counter() - started
            database.dispose()
            queries = make_queries(facts, args.queries, args.seed, args.dense)
            profile_dir = args.profile / f"{n}{'-dense' if args.dense else ''}" if args.profile else None
            ours = run_ours(url, workdir, facts, queries, args.edits, args.seed, profile_dir)
            if args.no_baseline:
                base = {key: float("nan") for key, _l, _t in ROWS} | {
                    f"{k}_mean_hits": float("nan") for k in queries} | {"edit_visible_max_ms": float("nan")}
            else:
                base = run_baseline(url, workdir, facts, queries, args.edits, args.seed)
            report(n, args.dense, ours, base, facts)
            sys.stdout.flush()
        finally:
            if args.keep_dir:
                print(f"kept {workdir}")
            else:
                shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
