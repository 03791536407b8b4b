"""The templates' ``_``, ``gettext`` and ``ngettext``: Flask-Babel's catalogues and locale,
looked up once per locale instead of on every call.

Why: a results page calls ``_()`` about a hundred times. Through Flask-Babel's callables each
call cost ~17 µs: it finds the request's domain and catalogue again (~8 µs), and Jinja's
newstyle wrappers call through two more layers (~8 µs). That was ~1.7 ms of a 15 ms page.
These do the same in one call (~3 µs):

- the locale is Flask-Babel's ``get_locale()``, so ``force_locale`` (an e-mail in the
  recipient's language) still applies;
- the catalogue is the one Flask-Babel loads for that locale (its ``get_translations()``,
  kept here per locale for the process: every app loads the same catalogue directory);
- the text is formatted the way Jinja's newstyle gettext formats it: always ``%``-formatted,
  marked safe (then escaped by ``%``) when autoescaping.

``gettext``, ``ngettext`` and ``lazy_gettext`` do the same for the Python code that writes
pieces of a results page (``presenters``, ``listing_words``): they are Flask-Babel's
functions of those names, with the catalogue kept per locale.
"""
from __future__ import annotations

from flask import Flask
from flask_babel import get_locale, get_translations
from flask_babel.speaklater import LazyString
from jinja2 import pass_context
from markupsafe import Markup

_CATALOGUES: dict = {}  # babel.Locale (or None outside a request) -> its Translations


def current_catalogue():
    """The current locale's catalogue (Flask-Babel's), kept per locale for the process."""
    locale = get_locale()
    catalogue = _CATALOGUES.get(locale)
    if catalogue is None:
        catalogue = _CATALOGUES[locale] = get_translations()
    return catalogue


def gettext(string: str, **variables) -> str:
    """Flask-Babel's ``gettext``: the translation, ``%``-formatted when given variables."""
    text = current_catalogue().ugettext(string)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """Flask-Babel's ``ngettext``: always ``%``-formatted, with ``num`` among the variables."""
    variables.setdefault("num", num)
    return current_catalogue().ungettext(singular, plural, num) % variables


def lazy_gettext(string: str, **variables) -> LazyString:
    """Flask-Babel's ``lazy_gettext``: translated each time it is used as text."""
    return LazyString(gettext, string, **variables)


def translator():
    """A function writing what ``{{ _(string, **variables) }}`` writes in an autoescaped
    template, in the current locale, for markup built in Python (``directory.web.public.cards``)."""
    ugettext = current_catalogue().ugettext

    def translated(string: str, **variables) -> Markup:
        return Markup(ugettext(string)) % variables
    return translated


@pass_context
def template_gettext(context, string: str, **variables) -> str:
    text = current_catalogue().ugettext(string)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


@pass_context
def template_ngettext(context, singular: str, plural: str, num: int, **variables) -> str:
    variables.setdefault("num", num)
    text = current_catalogue().ungettext(singular, plural, num)
    if context.eval_ctx.autoescape:
        text = Markup(text)
    return text % variables


def install(app: Flask) -> None:
    """Replace the callables Flask-Babel installed (call after ``Babel(app)``)."""
    app.jinja_env.globals.update(_=template_gettext, gettext=template_gettext, ngettext=template_ngettext)


__all__ = ["current_catalogue", "gettext", "install", "lazy_gettext", "ngettext", "template_gettext", "template_ngettext",
           "translator"]
