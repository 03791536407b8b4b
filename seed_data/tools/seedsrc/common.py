"""Tiny helper used by the per-ward listing files: S(...) records one hand-written listing."""


def S(slug, venue, terms, locale, name, description, **kw):
    """One listing.

    slug      unique, lowercase-hyphenated
    venue     key in places.VENUES, or None (comes to you: give area=...)
    terms     space-separated taxonomy codes
    locale    language the name/description are written in (en, gu, pl, zh_Hans, zh_Hant)
    kw        tr={locale: (name, description)}, langs="gu en", sched=[...], cost=..., fees=...,
              org=key|(name, description), gender, faith, food, join, transport, carers,
              min_age, max_age, status, verified, elig, apply, area, contact, email, url
    """
    d = dict(slug=slug, venue=venue, terms=terms.split(), locale=locale, name=name,
             description=description)
    d.update(kw)
    return d
