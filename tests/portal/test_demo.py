"""The demo loader: the customer's community, and running it twice duplicates nothing."""

import pytest
from django.apps import apps
from django.contrib.auth import authenticate
from django.core.management import CommandError, call_command
from django.test import RequestFactory

from portal.grids.models import Building, Community, Grid, Steward

# Rows whose count may legitimately change between runs: logs of what the loader did.
VOLATILE = {"wagtailcore.modellogentry", "wagtailcore.pagelogentry", "django_tasks_database.dbtaskresult"}


def login_request():
    """django-axes (the one lockout policy) needs the log-in's request, as every real log-in has."""
    return RequestFactory().post("/admin/login/")


def row_counts():
    return {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models()
        if model._meta.label_lower not in VOLATILE and not model._meta.proxy
    }


@pytest.mark.django_db(transaction=True)
def test_demo_loader_builds_the_community_and_is_idempotent(monkeypatch, capsys):
    monkeypatch.setenv("DEMO_ADMIN_PASSWORD", "demo-pass-123")
    call_command("load_demo", "--scale", "0.02", "--no-progress")
    first = row_counts()
    call_command("load_demo", "--scale", "0.02", "--no-progress")
    second = row_counts()
    assert {k: (first[k], second[k]) for k in first if first[k] != second[k]} == {}

    community = Community.objects.get(name="圣菲漫步")
    assert Grid.objects.filter(community=community).count() == 8
    assert Building.objects.filter(community=community, grid__isnull=False).count() >= 8
    assert Steward.objects.filter(kind=Steward.Kind.GRID).count() == 8
    assert Steward.objects.filter(kind=Steward.Kind.GENERAL).count() == 4
    assert all(grid.stewards.filter(kind=Steward.Kind.GRID).count() == 1 for grid in Grid.objects.all())

    out = capsys.readouterr().out
    assert "demo-pass-123" in out
    assert authenticate(login_request(), username="admin", password="demo-pass-123").is_superuser
    assert authenticate(login_request(), username="steward3", password="demo-pass-123") is not None

    # One account per role, so a customer (and the site crawl) can try each (issue 15 item 8).
    for username, group in {
        "editor1": "editor",
        "moderator1": "secretary",
        "manager1": "manager",
        "official1": "official",
        "partner_canteen": "partner",
        "general1": "general_steward",
    }.items():
        user = authenticate(login_request(), username=username, password="demo-pass-123")
        assert user is not None and user.groups.filter(name=group).exists(), username
    resident = authenticate(login_request(), username="resident1", password="demo-pass-123")
    assert resident.resident_profile.bound_household is not None
    # The moderator is the approver of the content workflow; the editor drafts news.
    from wagtail.models import GroupApprovalTask

    from cms.news.models import NewsIndexPage

    approvers = {g.name for task in GroupApprovalTask.objects.all() for g in task.groups.all()}
    assert "secretary" in approvers
    news = NewsIndexPage.objects.first()
    editor = authenticate(login_request(), username="editor1", password="demo-pass-123")
    assert news.permissions_for_user(editor).can_add_subpage()
    pending = authenticate(login_request(), username="partner_pending", password="demo-pass-123")
    assert pending.partner_membership.partner.status == "pending"


def test_demo_loader_rejects_a_bad_scale(db):
    with pytest.raises(CommandError, match="--scale"):
        call_command("load_demo", "--scale", "lots", "--no-progress")
    with pytest.raises(CommandError, match="--scale"):
        call_command("load_demo", "--scale", "-1", "--no-progress")
