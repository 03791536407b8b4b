"""Open Referral UK interchange: ORUK-shaped dicts to models (read) and back (write)."""
