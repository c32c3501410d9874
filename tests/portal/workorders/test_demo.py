"""The demo's requests are made by the service functions: consistent history, ratings near 90%+."""

import pytest
from django.core.management import call_command

from cms.forms.models import RequestFormPage
from portal.workorders.models import Category, Rating, Transition, WorkOrder, satisfaction_rate


@pytest.mark.django_db
def test_demo_requests_are_consistent(monkeypatch):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-pass-123")
    call_command("load_demo", "--scale", "0.02", "--no-progress")
    orders = WorkOrder.objects.all()
    assert orders.count() >= 40
    assert Category.objects.filter(is_emergency=True).exists()
    assert set(RequestFormPage.objects.live().values_list("slug", flat=True)) >= {"baoshi", "fuwu-yuyue"}
    # every request starts with its submission and every transition follows the last state
    for order in orders.prefetch_related("transitions"):
        trail = list(order.transitions.all())
        assert trail[0].action == "submit"
        assert all(a.to_status == b.from_status for a, b in zip(trail, trail[1:], strict=False))
        assert trail[-1].to_status == order.status
    assert Rating.objects.exists()
    assert satisfaction_rate() >= 0.85
    assert not Transition.objects.filter(created_at__lt=orders.order_by("submitted_at").first().submitted_at).exists()
