import pytest

from tests.portal.grids.factories import World


@pytest.fixture
def world(db, home_page):
    return World()
