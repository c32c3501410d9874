"""`WAGTAILSEARCH_BACKENDS` entry point: the Chinese-aware backend for the default database.

SQLite → `search.backends.sqlite` (FTS5), PostgreSQL → `search.backends.postgres` (tsvector); both
subclass Wagtail's (modelsearch's) own database backends, see `search.backends.common`.
"""

from django.db import connection


def SearchBackend(params):  # noqa: N802 - Wagtail looks up `SearchBackend` in the module
    """The Chinese-aware backend for the default database's engine."""
    if connection.vendor == "postgresql":
        from .postgres import PostgresSearchBackend

        return PostgresSearchBackend(params)
    if connection.vendor == "sqlite":
        from .sqlite import SQLiteSearchBackend

        return SQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as upstream

    return upstream(params)
