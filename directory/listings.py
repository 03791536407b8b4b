"""Reading the directory: categories and what is in them (one listing: ``listing_view``).

The HTML pages and (later) the JSON API both call these; only the rendering differs.
"""
from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .models import Attribute, Service, TaxonomyTerm, TaxonomyTermTranslation


class UnknownTaxonomy(LookupError):
    """No taxonomy term with that code or id (the page answers 404)."""


VISIBLE_STATUSES = ("active", "paused", "full")
"""Closed listings are never shown in lists; paused and full ones are, marked."""


@dataclass
class Category:
    term: "TermName"
    count: int
    children: list["Category"]


def get_term(session: Session, code: str) -> TaxonomyTerm:
    """The term a category page's address names: by code, or by id for a term without one."""
    term = session.scalar(select(TaxonomyTerm).where(TaxonomyTerm.code == code)) if code else None
    if term is None and code and len(code) <= 36:
        term = session.get(TaxonomyTerm, code)
    if term is None:
        raise UnknownTaxonomy(code)
    return term


@dataclass(frozen=True)
class TermName:
    """A taxonomy term's name in each locale: what facet labels, explanations and category
    lists show, without the ORM."""

    code: str  # the term's code, or its id when it has none: what its page's address carries
    names: dict[str, str]  # locale -> name; English ("en") always present

    @property
    def url_code(self) -> str:
        return self.code

    def name_in(self, locale: str) -> str:
        return self.names.get(locale) or self.names["en"]


@dataclass(frozen=True)
class _Taxonomy:
    """Every term once, as plain values: by code, and as a tree of ids ordered by name."""

    by_code: dict[str, TermName]
    by_id: dict[str, TermName]
    children_of: dict[str | None, list[str]]


_taxonomies: dict[str, tuple[object, _Taxonomy]] = {}  # database URL -> (stamp, taxonomy)
_taxonomies_lock = threading.Lock()


def _taxonomy(session: Session, stamp: object = None) -> _Taxonomy:
    """The taxonomy from two plain queries.

    With a ``stamp`` that changes whenever the taxonomy does (the search index's catalogue
    stamp: a taxonomy change rewrites the catalogue), the answer is kept per process until
    the stamp moves: every results page labels its category facets and every home page lists
    the categories, and loading every term with its translations as ORM objects cost a page
    more than the rest of it together.
    """
    key = str(session.get_bind().url)
    if stamp is not None:
        with _taxonomies_lock:
            cached = _taxonomies.get(key)
        if cached is not None and cached[0] == stamp:
            return cached[1]
    rows = session.execute(select(TaxonomyTerm.id, TaxonomyTerm.code, TaxonomyTerm.name, TaxonomyTerm.parent_id)
                           .order_by(TaxonomyTerm.name)).all()
    names = {term_id: {"en": name} for term_id, _code, name, _parent in rows}
    for term_id, locale, name in session.execute(select(TaxonomyTermTranslation.term_id,
                                                        TaxonomyTermTranslation.locale,
                                                        TaxonomyTermTranslation.name)):
        if term_id in names and name:
            names[term_id][locale] = name
    by_id = {term_id: TermName(code or term_id, names[term_id]) for term_id, code, _name, _parent in rows}
    children_of: dict[str | None, list[str]] = {}
    for term_id, _code, _name, parent_id in rows:
        children_of.setdefault(parent_id, []).append(term_id)
    taxonomy = _Taxonomy({term.code: term for term in by_id.values()}, by_id, children_of)
    if stamp is not None:
        with _taxonomies_lock:
            _taxonomies[key] = (stamp, taxonomy)
    return taxonomy


def term_names(session: Session, stamp: object = None) -> dict[str, TermName]:
    """Every term's names by code (see ``_taxonomy`` for the ``stamp``)."""
    return _taxonomy(session, stamp).by_code


def term_names_by_id(session: Session, stamp: object = None) -> dict[str, TermName]:
    """Every term's names by id (see ``_taxonomy`` for the ``stamp``)."""
    return _taxonomy(session, stamp).by_id


def _visible_counts(session: Session) -> Counter:
    rows = session.execute(
        select(Attribute.taxonomy_term_id, func.count(Attribute.link_id))
        .join(Service, Service.id == Attribute.link_id)
        .where(Attribute.link_entity == "service", Service.listing_status.in_(VISIBLE_STATUSES))
        .group_by(Attribute.taxonomy_term_id)
    ).all()
    return Counter(dict(rows))


def category_tree(session: Session, stamp: object = None) -> list[Category]:
    """Top-level categories with their sub-categories and counts of visible listings
    (a parent's count includes its children's listings). The counts are read afresh; the
    terms come from ``_taxonomy`` (kept per process while ``stamp`` stays)."""
    counts = _visible_counts(session)
    taxonomy = _taxonomy(session, stamp)

    def build(term_id: str) -> Category:
        children = [build(child) for child in taxonomy.children_of.get(term_id, [])]
        return Category(taxonomy.by_id[term_id], counts.get(term_id, 0) + sum(child.count for child in children),
                        children)

    return [build(term_id) for term_id in taxonomy.children_of.get(None, [])]


def term_and_descendant_ids(session: Session, term: TaxonomyTerm) -> list[str]:
    """The term and every term below it. An imported taxonomy may hold a cycle (a term that
    is its own parent, or two that are each other's): each term is visited once, where the
    walk used to go round for ever and hang the category page."""
    ids, frontier = [term.id], [term.id]
    seen = set(ids)
    while frontier:
        children = session.scalars(select(TaxonomyTerm.id).where(TaxonomyTerm.parent_id.in_(frontier)))
        frontier = [child for child in children if child not in seen]
        seen.update(frontier)
        ids.extend(frontier)
    return ids


CATEGORY_PAGE_SIZE = 20


@dataclass(frozen=True)
class CategoryPage:
    """One page of a category's listings: their ids in order, and where the page stands."""
    service_ids: list[str]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return _page_count(self.total, self.per_page)


def _page_count(total: int, per_page: int) -> int:
    return max(1, -(-total // per_page))


def category_page(session: Session, term: TaxonomyTerm, page: int = 1,
                  per_page: int = CATEGORY_PAGE_SIZE) -> CategoryPage:
    """Visible services tagged with the term or any of its sub-categories, by name, one page
    at a time: a category of a 50,000-listing directory holds thousands, and the page listing
    them all did not answer within a minute. A page past the last shows the last.

    The page and the count come from one query (the count as a window over every match):
    at 50,000 listings each query joins a few thousand tags to the listings, ~30 ms of
    PostgreSQL's CPU, and counting first in a query of its own made it twice. Only a page
    past the last, which gets no rows to carry the count, asks again."""
    ids = term_and_descendant_ids(session, term)
    tagged = (
        select(Service.id, func.count().over())
        .where(Service.listing_status.in_(VISIBLE_STATUSES))
        .where(Service.id.in_(select(Attribute.link_id).where(Attribute.taxonomy_term_id.in_(ids),
                                                             Attribute.link_entity == "service")))
        .order_by(Service.name, Service.id)
    )
    page = max(page, 1)
    rows = session.execute(tagged.limit(per_page).offset((page - 1) * per_page)).all()
    if not rows and page > 1:
        total = session.scalar(select(func.count()).select_from(tagged.order_by(None).subquery())) or 0
        page = min(page, _page_count(total, per_page))
        rows = session.execute(tagged.limit(per_page).offset((page - 1) * per_page)).all()
    total = rows[0][1] if rows else 0
    return CategoryPage([service_id for service_id, _total in rows], total, page, per_page)
