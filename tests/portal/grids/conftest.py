import pytest

from .factories import World


@pytest.fixture
def world(db, home_page):
    return World()
