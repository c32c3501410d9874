import pytest

from tests.browser.conftest import restore_initial_rows
from tests.factories import BuildingFactory, CategoryFactory, StewardFactory, UserFactory


@pytest.fixture(scope="package", autouse=True)
def _initial_rows_back_afterwards(django_db_blocker):
    """test_numbers commits for real (PostgreSQL); leave the database as migrations made it."""
    yield
    with django_db_blocker.unblock():
        restore_initial_rows()


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
    from portal.notifications.sms import LocmemSmsBackend

    settings.SMS_BACKEND = "portal.notifications.sms.LocmemSmsBackend"
    LocmemSmsBackend.outbox.clear()
    return LocmemSmsBackend.outbox


@pytest.fixture
def staff_key(db):
    """Authorization header of a manager's staff API key."""
    from portal.accounts import roles
    from portal.workorders.models import ApiToken

    user = UserFactory(username="manager7", first_name="赵经理")
    user.groups.add(roles.ensure_roles()[roles.MANAGER])
    _token, raw = ApiToken.issue(user, "app")
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


@pytest.fixture
def hotline_account():
    """Make `user` the account a city platform's (12345) API key belongs to: it may enter requests
    (`workorders.add_workorder`, which Open311's create asks of the key's account), nothing more."""
    from django.contrib.auth.models import Permission

    def allow_entry(user):
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="workorders", codename="add_workorder")
        )
        return user

    return allow_entry
