"""Hand-written source texts for the fictional sample directory (see ../build_seed.py)."""
