import pytest

from cms.core.workflows import ensure_workflows
from tests.cms.factories import make_tree


@pytest.fixture
def tree(home_page):
    """Home page with news, events and service directory (canteen category), workflows attached."""
    pages = make_tree(home_page)
    ensure_workflows()
    pages["home"] = home_page
    return pages
