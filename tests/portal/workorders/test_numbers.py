"""Request numbers stay unique when many residents submit at the same moment."""

import threading

import pytest
from django.conf import settings
from django.db import close_old_connections

from portal.workorders import services
from portal.workorders.models import WorkOrder
from tests.factories import submission

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
            services.submit(submission(category, building, idempotency_key=f"t{n}"), notify=False)
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
    order = services.submit(submission(category, building), notify=False)
    assert order.number.endswith("-10000")


@pytest.mark.postgres
@pytest.mark.skipif(not ON_POSTGRES, reason="needs PostgreSQL row locks and concurrent connections")
@pytest.mark.django_db(transaction=True)
def test_a_slow_submission_does_not_hold_up_the_next_one(category, building):
    """A submission whose transaction is still open (slow disk, slow notification) must not make
    every other resident wait for it: the day's counter is not locked for the whole transaction."""
    from django.db.models.signals import post_save

    slow_started, release = threading.Event(), threading.Event()
    slow_thread = {}

    def hold_open(sender, instance, created, **kwargs):
        if created and threading.get_ident() == slow_thread.get("id"):
            slow_started.set()
            release.wait(20)  # the slow submission's transaction stays open here

    post_save.connect(hold_open, sender=WorkOrder, weak=False)
    results = {}

    def slow():
        slow_thread["id"] = threading.get_ident()
        try:
            results["slow"] = services.submit(submission(category, building, idempotency_key="slow"), notify=False)
        finally:
            close_old_connections()

    def fast():
        try:
            results["fast"] = services.submit(submission(category, building, idempotency_key="fast"), notify=False)
        finally:
            close_old_connections()

    try:
        first = threading.Thread(target=slow)
        first.start()
        assert slow_started.wait(20)
        second = threading.Thread(target=fast)
        second.start()
        second.join(10)
        finished_while_first_open = not second.is_alive()
        release.set()
        first.join(20)
        second.join(20)
    finally:
        release.set()
        post_save.disconnect(hold_open, sender=WorkOrder)
    assert finished_while_first_open, "the second submission waited for the first one's transaction"
    assert results["slow"].number.endswith("-0001")
    assert results["fast"].number.endswith("-0002")
    assert WorkOrder.objects.count() == 2


@pytest.mark.django_db
def test_each_day_has_its_own_counter(category, building):
    from datetime import timedelta

    from django.utils import timezone

    today = timezone.now()
    yesterday = today - timedelta(days=1)
    assert services.next_number(yesterday).endswith("-0001")
    assert services.next_number(today).endswith("-0001")
    assert services.next_number(today).endswith("-0002")
    assert services.next_number(yesterday).endswith("-0002")
    assert services.next_number(today) == f"BY-{timezone.localdate(today):%Y%m%d}-0003"


@pytest.mark.django_db(transaction=True)
def test_a_failed_submission_leaves_a_gap_never_a_duplicate(category, building):
    """Documented trade-off: the number is taken before the request's transaction, so a submission
    whose transaction fails uses up its number; the next one gets a new number, never the same."""
    from django.db import IntegrityError
    from wagtail.models import Page

    first = services.submit(submission(category, building), notify=False)
    gone = Page(pk=987654)  # a service page deleted while the resident was filling in the form
    with pytest.raises(IntegrityError):
        services.submit(submission(category, building, service_page=gone), notify=False)
    third = services.submit(submission(category, building), notify=False)
    assert list(WorkOrder.objects.order_by("pk").values_list("number", flat=True)) == [first.number, third.number]
    assert first.number.endswith("-0001")
    assert third.number.endswith("-0003")
