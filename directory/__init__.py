"""Community Signpost: find the nearest suitable community activity.

``create_app`` wires configuration, the database, Babel, blueprints and the CLI — nothing
else happens at import time.
"""
from __future__ import annotations

from flask import Flask


def create_app(test_config: dict | None = None) -> Flask:
    from .access_log import install_log_filters
    from .changelog_pruning import PruningPolicy
    from . import mail
    from .config import settings_from_environment
    from .db import Database
    from .package_data import data_folder
    from .search import IndexSync, SearchEngine
    from .web import (accounts, api, bidi, connect, errors, health, i18n, moderate, page_cache, public, reminders,
                      security, static_urls, submit, template_bytecode, template_locales)
    from .web.context import close_session

    app = Flask(__name__, template_folder=str(data_folder("templates")), static_folder=str(data_folder("static")))
    template_locales.init_app(app)
    app.config.from_mapping(settings_from_environment())
    if test_config:
        app.config.from_mapping(test_config)
    database = app.extensions["directory.db"] = Database(app.config["DATABASE_URL"])
    app.teardown_appcontext(close_session)
    engine = app.extensions["directory.search"] = SearchEngine(app.config["INDEX_DIR"], app.config["STALE_AFTER_DAYS"])
    pruning = PruningPolicy(app.config["CHANGE_LOG_KEEP_DAYS"], app.config["INDEX_NODE_DAYS"])
    index_sync = app.extensions["directory.index_sync"] = IndexSync(database, engine.store, on_update=engine.refresh,
                                                                    pruning=pruning).install()
    if app.config["INDEX_FOLLOW"] and not app.testing:
        # Started by the first request, so each (forked) worker starts its own follower.
        app.before_request(index_sync.follow)

    install_log_filters(app.logger)
    page_cache.init_app(app)  # first: its after-request hook runs last, after every cookie is set
    mail.init_app(app)
    i18n.init_app(app)
    static_urls.install(app)
    template_bytecode.init_app(app)
    bidi.init_app(app)
    errors.init_app(app)
    health.init_app(app)
    security.init_app(app)
    accounts.init_app(app)
    public.init_app(app)
    api.init_app(app)
    submit.init_app(app)
    moderate.init_app(app)
    reminders.init_app(app)
    connect.init_app(app)
    return app
