"""The connector's workspace (``/<lang>/connect/``): find for a participant, shortlist,
print a signposting sheet, make a neighbourhood newsletter, read the gap report.

Staff only (connectors and moderators). Nothing about a participant is stored on the
server: see ``state`` for where it lives instead.
"""
from flask import Flask
from flask_login import user_logged_out

from .rendering import clock_time, day_and_date, in_locale
from .state import forget_participant


def init_app(app: Flask) -> None:
    from . import reports, views  # noqa: F401  (routes register on the blueprint)
    from .blueprint import blueprint

    app.register_blueprint(blueprint)
    app.add_template_global(in_locale, "in_locale")
    app.add_template_filter(day_and_date, "day_and_date")
    app.add_template_filter(clock_time, "clock_time")
    # Signing out ends the participant's session too: the next person at this computer
    # must not find someone else's postcode or shortlist.
    user_logged_out.connect(forget_participant, app)
