"""Request numbers stay unique when many residents submit at the same moment."""

import threading

import pytest
from django.conf import settings
from django.db import close_old_connections

from portal.workorders import services
from portal.workorders.models import WorkOrder

from .factories import submission

ON_POSTGRES = "postgresql" in settings.DATABASES["default"]["ENGINE"]


@pytest.mark.postgres
@pytest.mark.skipif(
    not ON_POSTGRES, reason="SQLite serialises writers with its database lock; row locks need PostgreSQL"
)
@pytest.mark.django_db(transaction=True)
def test_concurrent_submissions_get_distinct_consecutive_numbers(category, building):
    errors = []
    barrier = threading.Barrier(8)

    def worker(n):
        try:
            barrier.wait()
            services.submit(**submission(category, building), idempotency_key=f"t{n}", notify=False)
        except Exception as exc:  # noqa: BLE001 - collected and asserted below
            errors.append(exc)
        finally:
            close_old_connections()

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    numbers = sorted(WorkOrder.objects.values_list("number", flat=True))
    assert len(set(numbers)) == 8
    assert [int(n[-4:]) for n in numbers] == list(range(1, 9))


def test_numbers_continue_past_9999(category, building):
    from django.utils import timezone

    from portal.workorders.models import DailySequence

    DailySequence.objects.create(day=timezone.localdate(), last=9999)
    order = services.submit(**submission(category, building), notify=False)
    assert order.number.endswith("-10000")
