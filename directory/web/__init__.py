"""The web layer: thin blueprints that parse a request, call domain code and render."""
