"""Templates compiled once per locale, with their fixed texts already translated.

Why: a request wrote ~45 fixed texts through ``{{ _("…") }}`` (the header, the search
form, the facets' headings), and each call went through Jinja's ``Context.call``,
Flask-Babel's locale lookup and the catalogue, then made a ``Markup`` and formatted it:
~6 µs each. Compiled in, they cost nothing: the load bench's mix of pages took 4.8% less CPU
(docs/PERFORMANCE.md, fifteenth session). A text with no variables reads the same on every page
of a locale, so each locale gets its own compiled copy of every template, in which
``_("text")`` and ``gettext("text")`` are the translation itself: a constant, marked safe
where autoescaping is on, exactly what ``template_gettext`` returns for it. In an
autoescaped ``{{ … }}`` Jinja then writes the constant into the compiled template's text.

Left to run as before: texts with variables, ``ngettext``, anything that is not a literal,
every call in a template that binds ``_`` or ``gettext`` itself, and every template but the
public pages' (``FOLDED``). A sheet or newsletter calls one macro in two locales
(``connect.rendering.in_locale``: the participant's language beside English), so its
templates, and ``macros.html`` which it imports, must translate as they are drawn; a folded
macro would say the locale it was compiled in, whatever ``force_locale`` says.

How: ``render_template`` asks the app's environment (``LocaleTemplates``) for a template;
in a request it answers from an overlay of itself for the request's locale
(``get_locale()``, so ``force_locale`` still applies), whose parser folds the texts in.
An overlay has its own template cache, and the process's bytecode cache keys its code by
locale (``template_bytecode``), so no locale is ever served another's code. A template an
overlay includes, extends or imports is loaded by that overlay, in the same locale.
"""
from __future__ import annotations

import threading

from flask.templating import Environment
from flask_babel import get_locale
from jinja2 import nodes
from jinja2.visitor import NodeTransformer
from markupsafe import Markup

from .template_gettext import current_catalogue

_TRANSLATING = frozenset({"_", "gettext"})
FOLDED = ("public/", "base.html", "_language_switcher.html", "_map.html", "error.html")
"""The templates whose fixed texts are compiled in: the public pages' own (a name equal to,
or under, one of these). None of them is drawn in two locales at once."""


class LocaleTemplates(Environment):
    """Flask's Jinja environment, serving each locale's requests from its own overlay.

    ``fold_texts = False`` on the app's environment serves every request from the
    environment itself, unfolded (tests compare the two)."""

    fold_texts = True
    folded_locale: str | None = None  # set on a locale's overlay
    folded_catalogue = None

    def __init__(self, app, **options):
        super().__init__(app, **options)
        self._overlays: dict[str, LocaleTemplates] = {}
        self._overlays_lock = threading.Lock()

    def get_or_select_template(self, template_name_or_list, parent=None, globals=None):
        environment = self._for_current_locale()
        if environment is self:
            return super().get_or_select_template(template_name_or_list, parent, globals)
        return environment.get_or_select_template(template_name_or_list, parent, globals)

    def locale_environment(self, locale) -> LocaleTemplates | None:
        """The overlay serving ``locale`` (a babel Locale or its name), once a request made it."""
        return self._overlays.get(str(locale))

    def forget_locales(self) -> None:
        """Drop every locale's overlay and the templates it compiled."""
        with self._overlays_lock:
            self._overlays.clear()

    def _for_current_locale(self) -> LocaleTemplates:
        if self.folded_locale is not None or not self.fold_texts:
            return self
        locale = get_locale()  # None outside a request
        if locale is None:
            return self
        key = str(locale)
        overlay = self._overlays.get(key)
        if overlay is None:
            with self._overlays_lock:
                overlay = self._overlays.get(key)
                if overlay is None:
                    overlay = self.overlay(cache_size=self.cache.capacity if self.cache is not None else 0)
                    overlay.folded_locale, overlay.folded_catalogue = key, current_catalogue()
                    overlay._overlays = {}
                    self._overlays[key] = overlay
        return overlay

    def _parse(self, source, name, filename):
        tree = super()._parse(source, name, filename)
        if self.folded_locale is None or not _is_folded(name) or _binds_a_translating_name(tree):
            return tree
        return _TextFolder(self.folded_catalogue.ugettext).visit(tree)


def _is_folded(name: str | None) -> bool:
    return name is not None and any(name == prefix or (prefix.endswith("/") and name.startswith(prefix))
                                    for prefix in FOLDED)


def _binds_a_translating_name(tree: nodes.Template) -> bool:
    """A template that binds ``_`` or ``gettext`` itself (``{% set _ = … %}``, a loop, a
    macro or its argument, an import) could call something else by that name: it is left
    unfolded."""
    bound = [name.name for name in tree.find_all(nodes.Name) if name.ctx != "load"]
    bound += [macro.name for macro in tree.find_all(nodes.Macro)]
    bound += [node.target for node in tree.find_all(nodes.Import)]
    for node in tree.find_all(nodes.FromImport):
        bound += [name[1] if isinstance(name, tuple) else name for name in node.names]
    return not _TRANSLATING.isdisjoint(bound)


class _TextFolder(NodeTransformer):
    """``_("text")`` → the translation, as ``template_gettext`` would return it."""

    def __init__(self, ugettext):
        self.ugettext = ugettext

    def visit_Call(self, node: nodes.Call) -> nodes.Node:
        node = self.generic_visit(node)
        text = _fixed_text(node)
        if text is None:
            return node
        translated = self.ugettext(text)
        try:
            # template_gettext always %-formats, with no variables: "%%" becomes "%".
            plain, marked = translated % {}, Markup(translated) % {}
        except (KeyError, TypeError, ValueError):
            return node  # left to fail (or not) at run time, as before
        if plain != str(marked):
            return node
        return nodes.MarkSafeIfAutoescape(nodes.Const(plain, lineno=node.lineno), lineno=node.lineno)


def _fixed_text(call: nodes.Call) -> str | None:
    """The text of ``_("text")`` or ``gettext("text")``, else None."""
    if not (isinstance(call.node, nodes.Name) and call.node.name in _TRANSLATING and call.node.ctx == "load"):
        return None
    if call.kwargs or call.dyn_args is not None or call.dyn_kwargs is not None or len(call.args) != 1:
        return None
    argument = call.args[0]
    return argument.value if isinstance(argument, nodes.Const) and isinstance(argument.value, str) else None


def init_app(app) -> None:
    """Call right after ``Flask(...)``, before anything reads ``app.jinja_env``."""
    if "jinja_env" in app.__dict__:
        raise RuntimeError("template_locales.init_app must run before the app's Jinja environment is made")
    app.jinja_environment = LocaleTemplates


__all__ = ["LocaleTemplates", "init_app"]
