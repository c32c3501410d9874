import pytest
from wagtail_factories import PageFactory

from search.synonyms import clear_cache, ensure_default_synonyms
from tests.cms.factories import (
    EventIndexPageFactory,
    EventPageFactory,
    NewsIndexPageFactory,
    NewsPageFactory,
    ServiceCategoryPageFactory,
    ServiceIndexPageFactory,
    ServicePageFactory,
    StandardPageFactory,
)
from tests.search.corpus import DOCUMENTS, SECTIONS


def add_page(parent, title, body="", live=True):
    """A plain page under `parent` with its text as the summary (indexed as the body by search)."""
    page = PageFactory(parent=parent, title=title, slug="", search_description=body, live=live)
    if live:
        page.save_revision().publish()
    return page


@pytest.fixture
def synonyms(db):
    ensure_default_synonyms()
    yield
    clear_cache()


def build_sections(home):
    """The portal's own page tree, with the page types of cms/* (as the demo builds it)."""
    sections = {"home": home}
    sections["news"] = NewsIndexPageFactory(parent=home, title=SECTIONS["news"][0], slug="news")
    sections["events"] = EventIndexPageFactory(parent=home, title=SECTIONS["events"][0], slug="events")
    services = sections["services"] = ServiceIndexPageFactory(
        parent=home, title=SECTIONS["services"][0], slug="services"
    )
    for key in ("cat_canteen", "cat_elderly", "cat_house"):
        title, intro = SECTIONS[key]
        sections[key] = ServiceCategoryPageFactory(parent=services, title=title, intro=f"<p>{intro}</p>", slug=key)
    title, summary = SECTIONS["repairs"]
    sections["repairs"] = StandardPageFactory(parent=home, title=title, listing_summary=summary, slug="repairs")
    return sections


def build_document(sections, kind, title, body, n):
    """One judged document as the page type residents would meet it as."""
    if kind in ("menu", "elderly", "housekeeping"):
        parent = sections[{"menu": "cat_canteen", "elderly": "cat_elderly", "housekeeping": "cat_house"}[kind]]
        return ServicePageFactory(parent=parent, title=title, description=f"<p>{body}</p>", slug=f"s{n}")
    if kind in ("meeting", "lecture"):
        return EventPageFactory(
            parent=sections["events"],
            title=title,
            listing_summary=body,
            kind="lecture" if kind == "lecture" else "council",
            days=n,
            slug=f"e{n}",
        )
    if kind == "repair":
        return StandardPageFactory(parent=sections["repairs"], title=title, listing_summary=body, slug=f"r{n}")
    return NewsPageFactory(parent=sections["news"], title=title, listing_summary=body, slug=f"n{n}")


@pytest.fixture
def corpus(home_page, synonyms):
    """The judged documents as live pages of the portal's types; returns {key: page} (sections too)."""
    pages = build_sections(home_page)
    for n, (key, (kind, title, body)) in enumerate(DOCUMENTS.items()):
        pages[key] = build_document(pages, kind, title, body, n)
    return pages
