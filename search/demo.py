"""Demo: the default synonyms, then the search index rebuilt over all the demo content."""

from portal.demo.registry import step

from . import indexing
from .synonyms import ensure_default_synonyms


@step(500, "search synonyms and index")
def rebuild_search_index(ctx):
    ensure_default_synonyms()
    result = indexing.rebuild_all(progress=False)
    if ctx.stdout is not None:
        ctx.stdout.write(f"  search: {result}")
