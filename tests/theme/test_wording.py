"""Words a Chinese reader meets in the admin and on the site (issue 15, item 10): one test per defect.

Django merges every app's catalog into one: a project msgid such as "Pages" or "Requests" translated
for one spot (a pagination label, a count column) replaced Wagtail's own word everywhere else.
"""

from django.utils import translation
from django.utils.translation import gettext, pgettext


def zh(func, *args):
    with translation.override("zh-hans"):
        return str(func(*args))


def test_the_admin_says_pages_not_pagination():
    assert zh(gettext, "Pages") == "页面"
    assert zh(pgettext, "pagination", "Pages") == "分页"


def test_requests_is_not_a_count_outside_the_count_columns():
    assert zh(gettext, "Requests") != "工单数"
    assert zh(pgettext, "count of requests", "Requests") == "工单数"


def test_events_are_活动_not_事件_in_search_facets():
    from cms.events.models import EventPage

    with translation.override("zh-hans"):
        assert str(EventPage._meta.verbose_name) == "活动"


def test_a_requests_description_is_headed_问题描述():
    from portal.workorders.models import WorkOrder

    with translation.override("zh-hans"):
        assert str(WorkOrder._meta.get_field("description").verbose_name) == "问题描述"


def test_the_canteen_promises_only_the_meals_its_menu_has():
    from cms.services.demo import CATEGORIES, LISTINGS, MENU

    canteen = next(spec for spec in LISTINGS if spec["slug"] == "sfmb-canteen")
    summary = next(text for slug, _title, text in CATEGORIES if slug == "canteen")
    assert "breakfast" not in MENU and "早" not in canteen["description"] and "一日三餐" not in summary
    assert min(opens for _day, opens, _closes in canteen["hours"]).hour >= 10
