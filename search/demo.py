"""Demo: the default synonyms; the search index is built once, after every other step has run."""

from contextlib import contextmanager

from portal.demo.registry import around, step

from . import indexing
from .synonyms import ensure_default_synonyms


@step(500, "search synonyms")
def load_synonyms(ctx):
    ensure_default_synonyms()


@around
@contextmanager
def one_index_build(ctx):
    """Saves index nothing while the demo loads; the whole index is built once at the end."""
    with indexing.paused():
        yield
    result = indexing.rebuild_all(progress=False)
    if ctx.stdout is not None:
        ctx.stdout.write(f"  search: {result}")
