import pytest

from tests.browser.conftest import pytest_runtest_teardown  # noqa: F401 - restores migration data after flushes

from .factories import BuildingFactory, CategoryFactory, StewardFactory


@pytest.fixture(autouse=True)
def fresh_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def building(db):
    return BuildingFactory()


@pytest.fixture
def steward(building):
    return StewardFactory(grids=[building.grid])


@pytest.fixture
def category(db):
    return CategoryFactory(code="water-leak", name="水管漏水")


@pytest.fixture
def public_category(db):
    from portal.workorders.models import Category

    return CategoryFactory(code="street-light", name="路灯不亮", kind=Category.Kind.PUBLIC_AREA)


@pytest.fixture
def emergency_category(db):
    return CategoryFactory(code="gas-smell", name="燃气异味", is_emergency=True, response_hours=1, resolution_hours=4)


@pytest.fixture
def sms_outbox(settings):
    from portal.workorders.notifications import LocmemSmsBackend

    settings.SMS_BACKEND = "portal.workorders.notifications.LocmemSmsBackend"
    LocmemSmsBackend.outbox.clear()
    return LocmemSmsBackend.outbox
