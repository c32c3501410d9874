"""Page factories (wagtail-factories) for content tests, and `make_tree`: a page tree like the demo's,
minus the volume. Domain factories (grids, stewards, requests) are in tests/factories.py.

Every page factory takes `parent=` and publishes the page through a revision, as an editor would:

    EventPageFactory(parent=tree["events"], capacity=5, days=3)
"""

from datetime import timedelta

import factory
import wagtail_factories
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from cms.events.models import EventIndexPage, EventPage
from cms.forms.models import RequestFormPage
from cms.news.models import NewsIndexPage, NewsPage
from cms.pages.models import StandardPage
from cms.services.models import OpeningHours, ServiceCategoryPage, ServiceIndexPage, ServicePage


class PublishedPageFactory(wagtail_factories.PageFactory):
    """A page added under `parent` and published through a revision (so it has a live revision)."""

    # Empty: Wagtail makes the slug from the (Chinese) title and keeps it unique among siblings.
    slug = ""

    class Meta:
        abstract = True

    @classmethod
    def _create_instance(cls, model_class, parent, kwargs):
        page = super()._create_instance(model_class, parent, kwargs)
        page.save_revision().publish()
        page.refresh_from_db()
        return page


class NewsIndexPageFactory(PublishedPageFactory):
    title = "新闻动态"

    class Meta:
        model = NewsIndexPage


class NewsPageFactory(PublishedPageFactory):
    title = "党群联席会召开"

    class Meta:
        model = NewsPage


class EventIndexPageFactory(PublishedPageFactory):
    title = "活动报名"

    class Meta:
        model = EventIndexPage


class EventPageFactory(PublishedPageFactory):
    """An event `days` from now (default a week), two hours long."""

    class Params:
        days = 7

    title = "博悦大讲堂：学区政策解读"
    capacity = 10
    place = "圣菲漫步党群服务站"
    kind = "lecture"
    start = factory.LazyAttribute(lambda o: timezone.now() + timedelta(days=o.days))
    end = factory.LazyAttribute(lambda o: o.start + timedelta(hours=2))

    class Meta:
        model = EventPage


class ServiceIndexPageFactory(PublishedPageFactory):
    title = "社区服务"

    class Meta:
        model = ServiceIndexPage


class ServiceCategoryPageFactory(PublishedPageFactory):
    title = "公益食堂"

    class Meta:
        model = ServiceCategoryPage


class ServicePageFactory(PublishedPageFactory):
    """A service listing; `hours=[(weekday, opens, closes), ...]` become its opening hours."""

    class Params:
        hours = ()

    title = "圣菲漫步公益食堂"
    partner = None
    opening_hours = factory.LazyAttribute(
        lambda o: [OpeningHours(weekday=weekday, opens=opens, closes=closes) for weekday, opens, closes in o.hours]
    )

    class Meta:
        model = ServicePage


class StandardPageFactory(PublishedPageFactory):
    title = "党建引领"

    class Meta:
        model = StandardPage


class RequestFormPageFactory(PublishedPageFactory):
    """A request form; pass `form_fields=[RequestFormField(...)]` and `categories=[...]` to have them
    in the published revision."""

    title = "报事报修"

    class Meta:
        model = RequestFormPage


def make_tree(home):
    """The section pages under `home`: news, events, the service directory with the canteen category."""
    news = NewsIndexPageFactory(parent=home, slug="news")
    events = EventIndexPageFactory(parent=home, slug="events")
    services = ServiceIndexPageFactory(parent=home, slug="services")
    canteen = ServiceCategoryPageFactory(parent=services, slug="canteen")
    return {"news": news, "events": events, "services": services, "canteen": canteen}


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(username=username, password="pw-12345678", **extra)
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user


__all__ = [
    "EventIndexPageFactory",
    "EventPageFactory",
    "NewsIndexPageFactory",
    "NewsPageFactory",
    "RequestFormPageFactory",
    "ServiceCategoryPageFactory",
    "ServiceIndexPageFactory",
    "ServicePageFactory",
    "StandardPageFactory",
    "make_tree",
    "make_user",
]
