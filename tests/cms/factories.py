"""Factories and small builders for content tests: a page tree like the demo's, minus the volume."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from cms.events.models import EventIndexPage, EventPage
from cms.news.models import NewsIndexPage, NewsPage
from cms.services.models import OpeningHours, ServiceCategoryPage, ServiceIndexPage, ServicePage


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_event(index, *, title="博悦大讲堂：学区政策解读", capacity=10, days=7, start=None, **extra):
    start = start or timezone.now() + timedelta(days=days)
    defaults = {"place": "圣菲漫步党群服务站", "kind": "lecture", "end": start + timedelta(hours=2)}
    defaults.update(extra)
    return publish(index, EventPage(title=title, start=start, capacity=capacity, **defaults))


def make_tree(home):
    news = publish(home, NewsIndexPage(title="新闻动态", slug="news"))
    events = publish(home, EventIndexPage(title="活动报名", slug="events"))
    services = publish(home, ServiceIndexPage(title="社区服务", slug="services"))
    canteen = publish(services, ServiceCategoryPage(title="公益食堂", slug="canteen"))
    return {"news": news, "events": events, "services": services, "canteen": canteen}


def make_news(index, title="党群联席会召开", **extra):
    return publish(index, NewsPage(title=title, **extra))


def make_service(category, title="圣菲漫步公益食堂", partner=None, hours=(), **extra):
    page = ServicePage(title=title, partner=partner, **extra)
    for weekday, opens, closes in hours:
        page.opening_hours.add(OpeningHours(weekday=weekday, opens=opens, closes=closes))
    return publish(category, page)


def make_user(username, *groups, **extra):
    user = get_user_model().objects.create_user(username=username, password="pw-12345678", **extra)
    for name in groups:
        user.groups.add(Group.objects.get_or_create(name=name)[0])
    return user
