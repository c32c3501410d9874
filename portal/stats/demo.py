"""Demo: a 公示 page for each past month of the demo's request history.

Made by the same service function as the monthly command, without the review step, and published
at once (the demo shows residents what a month of reviewed reports looks like).
"""

from django.utils import timezone

from portal.demo.registry import step

from .publicity import draft_monthly_report, past_months


@step(320, "monthly 公示 pages")
def load_public_reports(ctx):
    today = timezone.localdate()
    start = (today.year - 1, today.month)  # the requests step makes 12 months of history
    for year, month in past_months(start, today):
        page, created = draft_monthly_report(year, month, user=ctx.admin, submit=False)
        if created:
            page.get_latest_revision().publish(user=ctx.admin)
