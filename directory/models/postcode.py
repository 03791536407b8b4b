"""Postcode centroids: how a searcher's postcode becomes a point without any network."""
from __future__ import annotations

from sqlalchemy import Float, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class Postcode(Base):
    """A UK postcode's centroid (from ONSPD or GeoNames), keyed by its normalised form."""

    __tablename__ = "postcode"

    postcode: Mapped[str] = mapped_column(String(8), primary_key=True)  # "LE1 5WW"
    district: Mapped[str] = mapped_column(String(4), index=True)        # "LE1"
    latitude: Mapped[float] = mapped_column(Float)
    longitude: Mapped[float] = mapped_column(Float)
