"""Reading the directory: one service, categories and what is in them.

The HTML pages and (later) the JSON API both call these; only the rendering differs.
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Attribute, Service, TaxonomyTerm, TaxonomyTermTranslation


class ServiceNotFound(LookupError):
    """No service with that id (the page answers 404)."""


class UnknownTaxonomy(LookupError):
    """No taxonomy term with that code or id (the page answers 404)."""


VISIBLE_STATUSES = ("active", "paused", "full")
"""Closed listings are never shown in lists; paused and full ones are, marked."""


@dataclass
class Category:
    term: TaxonomyTerm
    count: int
    children: list["Category"]


def get_service(session: Session, service_id: str) -> Service:
    service = session.get(Service, service_id) if service_id and len(service_id) <= 36 else None
    if service is None:
        raise ServiceNotFound(service_id)
    return service


def get_term(session: Session, code: str) -> TaxonomyTerm:
    term = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == code)) if code else None
    if term is None and code and len(code) <= 36:  # a term without a code is named by its id (TaxonomyTerm.slug)
        term = session.get(TaxonomyTerm, code)
    if term is None:
        raise UnknownTaxonomy(code)
    return term


@dataclass(frozen=True)
class TermName:
    """A taxonomy term's name in each locale: what facet labels and explanations show."""

    code: str
    names: dict[str, str]  # locale -> name; English ("en") always present

    def name_in(self, locale: str) -> str:
        return self.names.get(locale) or self.names["en"]


_term_names: dict[str, tuple[object, dict[str, TermName]]] = {}  # database URL -> (stamp, names)
_term_names_lock = threading.Lock()


def term_names(session: Session, stamp: object = None) -> dict[str, TermName]:
    """Every term's names by code, from two plain queries.

    With a ``stamp`` that changes whenever the taxonomy does (the search index's catalogue
    stamp: a taxonomy change rewrites the catalogue), the answer is kept per process until
    the stamp moves: every results page labels its category facets, and loading every term
    with its translations as ORM objects cost a results page more than its ten listings.
    """
    key = str(session.get_bind().url)
    if stamp is not None:
        with _term_names_lock:
            cached = _term_names.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    names = {term_id: (code or term_id, {"en": name})
             for term_id, code, name in session.execute(select(TaxonomyTerm.id, TaxonomyTerm.code,
                                                                 TaxonomyTerm.name))}
    for term_id, locale, name in session.execute(select(TaxonomyTermTranslation.term_id,
                                                        TaxonomyTermTranslation.locale,
                                                        TaxonomyTermTranslation.name)):
        if term_id in names and name:
            names[term_id][1][locale] = name
    by_code = {code: TermName(code, by_locale) for code, by_locale in names.values()}
    if stamp is not None:
        with _term_names_lock:
            _term_names[key] = (stamp, by_code)
    return by_code


def _visible_counts(session: Session) -> Counter:
    rows = session.execute(
        select(Attribute.taxonomy_term_id, func.count(Attribute.link_id))
        .join(Service, Service.id == Attribute.link_id)
        .where(Attribute.link_entity == "service", Service.listing_status.in_(VISIBLE_STATUSES))
        .group_by(Attribute.taxonomy_term_id)
    ).all()
    return Counter(dict(rows))


def category_tree(session: Session) -> list[Category]:
    """Top-level categories with their sub-categories and counts of visible listings
    (a parent's count includes its children's listings)."""
    counts = _visible_counts(session)
    terms = session.scalars(select(TaxonomyTerm).order_by(TaxonomyTerm.name)).all()
    children_of: dict[str | None, list[TaxonomyTerm]] = {}
    for term in terms:
        children_of.setdefault(term.parent_id, []).append(term)

    def build(term: TaxonomyTerm) -> Category:
        children = [build(child) for child in children_of.get(term.id, [])]
        return Category(term, counts.get(term.id, 0) + sum(child.count for child in children), children)

    return [build(term) for term in children_of.get(None, [])]


def term_and_descendant_ids(session: Session, term: TaxonomyTerm) -> list[str]:
    ids, frontier = [term.id], [term.id]
    while frontier:
        frontier = list(session.scalars(select(TaxonomyTerm.id).where(TaxonomyTerm.parent_id.in_(frontier))))
        ids.extend(frontier)
    return ids


def services_in_category(session: Session, term: TaxonomyTerm) -> list[Service]:
    """Visible services tagged with the term or any of its sub-categories, by name."""
    ids = term_and_descendant_ids(session, term)
    statement = (
        select(Service)
        .where(Service.listing_status.in_(VISIBLE_STATUSES))
        .where(Service.id.in_(select(Attribute.link_id).where(Attribute.taxonomy_term_id.in_(ids),
                                                             Attribute.link_entity == "service")))
        .order_by(Service.name)
    )
    return list(session.scalars(statement))
