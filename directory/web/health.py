"""``/healthz``: is this node able to serve, and how far behind is its search index?

JSON for load balancers and monitoring: 200 while the database answers, 503 when it does
not. Index lag (change-log seqs not yet applied here) and the index's listing count
against the database's active listings are reported, not fatal: a lagging node still
answers searches, a little out of date. No personal data — counts and timings only.
"""
from __future__ import annotations

from flask import Blueprint, Flask, current_app, jsonify

blueprint = Blueprint("health", __name__)


@blueprint.get("/healthz")
def healthz():
    report = current_app.extensions["directory.index_sync"].health()
    response = jsonify(report)
    response.status_code = 200 if report["ok"] else 503
    response.headers["Cache-Control"] = "no-store"
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(blueprint)
