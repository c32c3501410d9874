"""Small shared helpers that import only Django (DESIGN.md, layers)."""
