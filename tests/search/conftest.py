import pytest
from wagtail.models import Page

from search.synonyms import clear_cache, ensure_default_synonyms
from tests.search.corpus import DOCUMENTS


def add_page(parent, title, body="", live=True):
    """A page under `parent` with its text as the summary (indexed as the body by search)."""
    page = parent.add_child(instance=Page(title=title, search_description=body, live=live))
    if live:
        page.save_revision().publish()
    return page


@pytest.fixture
def synonyms(db):
    ensure_default_synonyms()
    yield
    clear_cache()


@pytest.fixture
def corpus(home_page, synonyms):
    """The judged documents as live pages; returns {key: page}."""
    return {key: add_page(home_page, title, body) for key, (_kind, title, body) in DOCUMENTS.items()}
