"""The API has a rate limit per client address (issue 16, finding 10), answered with an
RFC 9457 problem document and Retry-After, like every other API error."""
from __future__ import annotations


def test_the_api_answers_429_past_its_limit(app, client):
    app.config["API_RATE_LIMIT"] = "5 per minute"
    codes = [client.get("/api/taxonomies").status_code for _ in range(5)]
    past = client.get("/api/services")
    assert codes == [200] * 5
    assert past.status_code == 429 and past.mimetype == "application/problem+json"
    assert past.json["status"] == 429 and int(past.headers["Retry-After"]) > 0


def test_the_api_limit_is_counted_per_address(app, client):
    app.config["API_RATE_LIMIT"] = "2 per minute"
    assert [client.get("/api/").status_code for _ in range(3)] == [200, 200, 429]
    other = client.get("/api/", environ_base={"REMOTE_ADDR": "192.0.2.7"})
    assert other.status_code == 200
