"""Words for the connector's forms (codes from ``directory.connect.needs`` → translated text)."""
from flask_babel import lazy_gettext as _l

REACH_LABELS = {
    "walk": _l("A short walk (about 10 minutes)"),
    "bus": _l("A bus ride"),
    "transport": _l("Cannot travel: needs transport provided, or someone to come to them"),
}
BUDGET_LABELS = {"any": _l("Any cost"), "low": _l("Free or low cost (up to £3)"), "free": _l("Free only")}
GENDER_LABELS = {"any": _l("Any group"), "women_only": _l("Women-only groups"), "men_only": _l("Men-only groups")}
FREQUENCY_LABELS = {"weekly": _l("Every week"), "fortnightly": _l("Every other week"), "monthly": _l("Once a month")}
