"""The page tree is a spec: where each page type can and cannot be created."""

import pytest
from wagtail.models import Page

from cms.events.models import EventIndexPage, EventPage
from cms.home.models import HomePage
from cms.news.models import NewsIndexPage, NewsPage
from cms.pages.models import StandardPage
from cms.services.models import ServiceCategoryPage, ServiceIndexPage, ServicePage

ALLOWED = {
    HomePage: {StandardPage, NewsIndexPage, EventIndexPage, ServiceIndexPage},
    StandardPage: {StandardPage},
    NewsIndexPage: {NewsPage},
    NewsPage: set(),
    EventIndexPage: {EventPage},
    EventPage: set(),
    ServiceIndexPage: {ServiceCategoryPage},
    ServiceCategoryPage: {ServicePage},
    ServicePage: set(),
}


@pytest.mark.parametrize("parent", list(ALLOWED))
def test_each_page_type_allows_exactly_its_children(parent):
    ours = set(ALLOWED)
    allowed = {model for model in parent.allowed_subpage_models() if model in ours}
    assert allowed == ALLOWED[parent]
    for child in ours - ALLOWED[parent]:
        assert parent not in child.clean_parent_page_models() or child not in parent.clean_subpage_models()


def test_only_the_root_holds_the_home_page():
    assert HomePage.clean_parent_page_models() == [Page]


def test_home_page_also_accepts_the_request_form_pages():
    """cms.forms pages (issue 4) go under the home page without this app naming them."""
    form_models = [m for m in HomePage.allowed_subpage_models() if m._meta.app_label == "cms_forms"]
    from django.apps import apps

    expected = [m for m in apps.get_app_config("cms_forms").get_models() if issubclass(m, Page)]
    assert sorted(m.__name__ for m in form_models) == sorted(
        m.__name__ for m in expected if HomePage in m.clean_parent_page_models()
    )


@pytest.mark.django_db
def test_singleton_index_pages(tree):
    home = tree["home"]
    for model in (NewsIndexPage, EventIndexPage, ServiceIndexPage):
        assert not model.can_create_at(home), f"only one {model.__name__} per home page"
    assert StandardPage.can_create_at(home)
    assert ServiceCategoryPage.can_create_at(tree["services"])
