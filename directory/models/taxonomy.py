"""ORUK taxonomy, taxonomy_term and attribute, with names and synonyms in every locale.

Cross-lingual search rests on this: a term knows its name and synonyms in each locale, so
"યોગ", "joga" and "瑜伽" all reach the listings tagged with the yoga term.
"""
from __future__ import annotations

from sqlalchemy import JSON, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import ID_LENGTH, Base, IdMixin


class Taxonomy(IdMixin, Base):
    """A vocabulary of terms (ORUK ``taxonomy``)."""

    __tablename__ = "taxonomy"

    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    uri: Mapped[str | None] = mapped_column(String(512))
    version: Mapped[str | None] = mapped_column(String(32))

    terms: Mapped[list["TaxonomyTerm"]] = relationship(back_populates="taxonomy_ref")


class TaxonomyTerm(IdMixin, Base):
    """A category such as "Lunch club" (ORUK ``taxonomy_term``); ``name`` is the English name."""

    __tablename__ = "taxonomy_term"

    code: Mapped[str | None] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[str | None] = mapped_column(ForeignKey("taxonomy_term.id", ondelete="SET NULL"), index=True)
    taxonomy: Mapped[str | None] = mapped_column(String(255))
    taxonomy_id: Mapped[str | None] = mapped_column(ForeignKey("taxonomy.id", ondelete="SET NULL"), index=True)
    language: Mapped[str | None] = mapped_column(String(16))
    term_uri: Mapped[str | None] = mapped_column(String(512))
    icon: Mapped[str | None] = mapped_column(String(64))  # extension: an icon name for the category tiles

    parent: Mapped["TaxonomyTerm | None"] = relationship(remote_side="TaxonomyTerm.id", back_populates="children")
    children: Mapped[list["TaxonomyTerm"]] = relationship(back_populates="parent", order_by="TaxonomyTerm.name")
    taxonomy_ref: Mapped[Taxonomy | None] = relationship(back_populates="terms")
    translations: Mapped[list["TaxonomyTermTranslation"]] = relationship(
        back_populates="term", cascade="all, delete-orphan", lazy="selectin")

    @property
    def slug(self) -> str:
        """What names the term in URLs and the index: its code, or its id when an imported
        scheme gave it none (no page may depend on a term having a code)."""
        return self.code or self.id

    def translation(self, locale: str) -> "TaxonomyTermTranslation | None":
        return next((item for item in self.translations if item.locale == locale), None)

    def name_in(self, locale: str) -> str:
        """The term's name in ``locale``, falling back to English (taxonomy labels are
        always shown in the reader's language where a translation exists)."""
        translated = self.translation(locale)
        return translated.name if translated and translated.name else self.name

    def all_words(self) -> list[str]:
        """Every name and synonym in every locale: what cross-lingual search indexes."""
        words = [self.name]
        for item in self.translations:
            words.append(item.name)
            words.extend(item.synonyms or [])
        return [word for word in words if word]


class TaxonomyTermTranslation(Base):
    """A term's name, description and synonyms in one locale (extension to ORUK)."""

    __tablename__ = "taxonomy_term_translation"
    __table_args__ = (UniqueConstraint("term_id", "locale"),)

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    term_id: Mapped[str] = mapped_column(ForeignKey("taxonomy_term.id", ondelete="CASCADE"), index=True)
    locale: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(255))
    description: Mapped[str | None] = mapped_column(Text)
    synonyms: Mapped[list[str]] = mapped_column(JSON, default=list)

    term: Mapped[TaxonomyTerm] = relationship(back_populates="translations")


class Attribute(IdMixin, Base):
    """Tags an entity with a taxonomy term (ORUK 3.0 ``attribute``; we link services)."""

    __tablename__ = "attribute"
    __table_args__ = (UniqueConstraint("link_id", "taxonomy_term_id", "link_entity"),)

    link_id: Mapped[str] = mapped_column(String(ID_LENGTH), index=True)
    taxonomy_term_id: Mapped[str] = mapped_column(ForeignKey("taxonomy_term.id", ondelete="CASCADE"), index=True)
    link_type: Mapped[str | None] = mapped_column(String(64))
    link_entity: Mapped[str] = mapped_column(String(64), default="service")
    value: Mapped[str | None] = mapped_column(Text)
    label: Mapped[str | None] = mapped_column(String(255))

    taxonomy_term: Mapped[TaxonomyTerm] = relationship(lazy="selectin")
