"""The monthly 公示: one service function drafts a past month's public report page for review.

The page goes under the site's 数据公开 index (made, live and in the main menu, the first time) as a
draft and, where the site has a review workflow, is submitted to it: figures reach residents only
after someone has looked at them. The
`draft_monthly_publicity` command (run monthly by the scheduler) and the demo call it.
"""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from .models import PublicReportIndexPage, PublicReportPage


class PublicityError(ValueError):
    """A month that cannot have a report (yet): the message is for the person who asked."""


def report_title(year, month):
    return _("%(year)d-%(month)02d service report") % {"year": year, "month": month}


def report_intro(year, month):
    return _(
        "<p>Requests, visits and satisfaction in %(year)d-%(month)02d. "
        "Thank you to our red stewards and to every resident.</p>"
    ) % {"year": year, "month": month}


def index_title():
    return _("Public figures")


def index_intro():
    return _(
        "<p>Every month the property service publishes its figures here: requests received and resolved, "
        "response times, household visits and residents' satisfaction. Totals only, never personal data.</p>"
    )


def publicity_index(home, locale, user=None):
    """The 数据公开 page under `home`: the existing one, or a new live one (it lists only reviewed,
    published reports, so it shows residents nothing unchecked)."""
    index = PublicReportIndexPage.objects.child_of(home).filter(locale=locale).first()
    if index is not None:
        return index
    with translation.override(settings.LANGUAGE_CODE):
        title, intro = index_title(), index_intro()
    index = PublicReportIndexPage(title=title, slug="gongshi", intro=intro, locale=locale, owner=user)
    home.add_child(instance=index)
    # Published by the system, not as `user`: the drafter of a report may have no right to publish,
    # and the index shows residents only the reports a reviewer has published.
    index.save_revision(user=user).publish()
    index.refresh_from_db()
    return index


def past_months(since, until=None):
    """(year, month) from `since` up to the month before `until` (default: this month)."""
    today = until or timezone.localdate()
    year, month = since
    months = []
    while (year, month) < (today.year, today.month):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


@transaction.atomic
def draft_monthly_report(year, month, user=None, submit=True):
    """The report page of `year`-`month`: drafted (and submitted for review) if there is none yet.

    Returns (page, created). Refuses the current and future months, whose figures are not final.
    """
    today = timezone.localdate()
    if (year, month) >= (today.year, today.month):
        raise PublicityError(
            _("%(year)d-%(month)02d has not ended yet: only past months get a 公示 page.")
            % {"year": year, "month": month}
        )
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        raise PublicityError(_("There is no default site to put the 公示 page on."))
    locale = Locale.get_default()
    home = site.root_page
    existing = PublicReportPage.objects.filter(year=year, month=month, locale=locale).first()
    if existing is not None:
        return existing, False
    first = datetime.date(year, month, 1)
    with translation.override(settings.LANGUAGE_CODE):  # the page is written in the site's default language
        title, intro = report_title(year, month), report_intro(year, month)
    page = PublicReportPage(
        title=title,
        slug=f"gongshi-{first:%Y-%m}",
        year=year,
        month=month,
        intro=intro,
        live=False,
        locale=locale,
        owner=user,
    )
    publicity_index(home, locale, user=user).add_child(instance=page)
    page.save_revision(user=user)
    workflow = page.get_workflow() if submit else None
    if workflow is not None:
        workflow.start(page, user)
    page.refresh_from_db()
    return page, True
