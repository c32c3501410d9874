import pytest

from tests.portal.workorders.conftest import building, category, fresh_cache  # noqa: F401 - shared fixtures


@pytest.fixture
def sms_outbox(settings):
    from portal.notifications.sms import LocmemSmsBackend

    settings.SMS_BACKEND = "portal.notifications.sms.LocmemSmsBackend"
    LocmemSmsBackend.outbox.clear()
    LocmemSmsBackend.messages.clear()
    return LocmemSmsBackend.outbox
