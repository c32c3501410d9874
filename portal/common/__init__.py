"""Small shared helpers that import only Django (see docs/architecture.md, layers)."""
