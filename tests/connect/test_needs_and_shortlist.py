"""The workspace's building blocks as a library: the needs form, the searches it makes and
the shortlist the cookie holds."""
from werkzeug.datastructures import MultiDict

from directory.connect.needs import REACH_METRES, parse_needs, searches_for
from directory.connect.shortlist import MAX_ITEMS, MAX_NOTE, Shortlist, ShortlistFull


def test_needs_form_keeps_known_choices_and_drops_anything_else():
    needs = parse_needs(MultiDict([("postcode", " LE4 5AA "), ("reach", "teleport"), ("language", "gu"),
                                   ("language", "klingon"), ("access", "step_free"), ("access", "<script>"),
                                   ("interest", "yoga"), ("interest", "made-up"), ("gender", "women_only"),
                                   ("day", "tu"), ("day", "xx"), ("budget", "free")]), categories={"yoga"})
    assert (needs.postcode, needs.reach, needs.languages, needs.access) == ("LE4 5AA", "bus", ["gu"], ["step_free"])
    assert (needs.interests, needs.gender, needs.days, needs.budget) == (["yoga"], "women_only", ["tu"], "free")


def test_needs_survive_a_round_trip_through_the_cookie():
    needs = parse_needs(MultiDict([("postcode", "LE4 5AA"), ("language", "gu"), ("language", "en"), ("time", "morning")]))
    assert parse_needs(MultiDict()).from_dict(needs.as_dict()) == needs


def test_a_walker_is_searched_for_within_ten_minutes_walk_among_running_groups_only():
    needs = parse_needs(MultiDict([("postcode", "LE4 5AA"), ("reach", "walk"), ("language", "gu"),
                                   ("access", "step_free"), ("budget", "low")]))
    [request] = searches_for(needs, "gu")
    assert request.radius_m == REACH_METRES["walk"] == 800
    assert request.filters == {"language": ["gu"], "access": ["step_free"], "cost": ["low"], "status": ["active"]}
    assert request.languages == ["gu"]


def test_someone_who_cannot_travel_is_offered_transport_or_a_group_that_comes_to_them():
    needs = parse_needs(MultiDict([("postcode", "LE4"), ("reach", "transport")]))
    assert [request.filters["feature"] for request in searches_for(needs, "en")] == [["transport_provided"],
                                                                                     ["comes_to_you"]]


def test_shortlist_keeps_the_agreed_order_and_short_notes():
    shortlist = Shortlist()
    for service_id in ("a", "b", "c"):
        shortlist.add(service_id)
    shortlist.add("a")
    shortlist.move("c", -1)
    shortlist.move("a", -1)
    shortlist.set_note("b", "  Ask for   Meena at the door.\n" + "x" * 400)
    assert shortlist.ids == ["a", "c", "b"]
    assert shortlist.notes()["b"].startswith("Ask for Meena at the door. x") and len(shortlist.notes()["b"]) == MAX_NOTE
    shortlist.remove("c")
    assert Shortlist.from_data(shortlist.as_data()).ids == ["a", "b"]


def test_shortlist_has_room_for_twelve_and_ignores_a_tampered_cookie():
    shortlist = Shortlist()
    for number in range(MAX_ITEMS):
        shortlist.add(f"id-{number}")
    try:
        shortlist.add("one-too-many")
    except ShortlistFull:
        pass
    else:
        raise AssertionError("a thirteenth item was accepted")
    assert Shortlist.from_data([["ok", "note"], "junk", [5], None, ["ok"]]).as_data() == [["ok", "note"]]
    assert Shortlist.from_data({"not": "a list"}).ids == []
