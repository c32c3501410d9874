"""Whole-page caching of anonymous public pages, invalidated by a generation counter.

See docs/performance.md. `invalidate()` is the one call for code that changes what public pages
show without saving a model instance (QuerySet.update, bulk_create, raw SQL).
"""
