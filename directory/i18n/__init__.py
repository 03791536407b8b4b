"""Locales, locale negotiation and translated vocabulary (Babel catalogues in translations/)."""
