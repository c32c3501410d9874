"""The monthly 公示 page is drafted by a command and submitted for review, never published unseen."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from portal.stats.models import PublicReportPage

pytestmark = pytest.mark.django_db


def last_month():
    today = timezone.localdate()
    return (today.year - (today.month == 1), (today.month - 2) % 12 + 1)


def run(*args):
    out = StringIO()
    call_command("draft_monthly_publicity", "--no-progress", *args, stdout=out)
    return out.getvalue()


def test_drafts_last_month_and_submits_it_to_the_review_workflow(client, home_page, django_user_model):
    from cms.core.workflows import ensure_workflows

    ensure_workflows()
    django_user_model.objects.create_user("editor1", password="pw-123456789")
    output = run("--user", "editor1")
    year, month = last_month()
    page = PublicReportPage.objects.get(year=year, month=month)
    index = page.get_parent().specific
    assert not page.live and index.get_parent().pk == home_page.pk
    assert type(index).__name__ == "PublicReportIndexPage" and index.live and index.show_in_menus
    assert page.workflow_in_progress
    assert page.current_workflow_state.requested_by.username == "editor1"
    assert f"{year}年{month}月" in page.title and "服务公示" in page.title
    assert "submitted for review" in output or "已提交审核" in output
    assert client.get(f"/gongshi/gongshi-{year}-{month:02d}/").status_code == 404  # not public before approval
    # Running again (the scheduler retries) changes nothing.
    run()
    assert PublicReportPage.objects.filter(year=year, month=month).count() == 1


def test_since_drafts_every_missing_past_month(home_page):
    today = timezone.localdate()
    run("--since", f"{today.year - 1}-{today.month:02d}")
    assert PublicReportPage.objects.count() == 12
    assert not PublicReportPage.objects.live().exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--month", "2026-13"], "2026-05"),
        (["--month", "May"], "2026-05"),
        (["--month", "2020-01", "--since", "2020-01"], "--since"),
        (["--user", "nobody"], "nobody"),
    ],
)
def test_bad_arguments_get_a_clear_error_and_nothing_is_made(home_page, args, message):
    with pytest.raises(CommandError) as error:
        run(*args)
    assert message in str(error.value)
    assert not PublicReportPage.objects.exists()


def test_the_current_month_is_refused(home_page):
    today = timezone.localdate()
    with pytest.raises(CommandError) as error:
        run("--month", f"{today.year}-{today.month:02d}")
    assert "公示" in str(error.value)
    assert not PublicReportPage.objects.exists()
