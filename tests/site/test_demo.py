"""The loaded demo, as the customer's story tells it: content, English tree, search, requests.

These read the one demo the package loads (conftest.py) instead of loading their own.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.http import HttpRequest
from wagtail.models import Locale, Page

from cms.events.models import EventPage, EventSignup
from cms.forms.models import RequestFormPage
from cms.services.models import ServicePage
from portal.workorders.models import Category, Rating, Transition, WorkOrder, satisfaction_rate
from theme.demo import english_locale

from .conftest import DEMO_PASSWORD

pytestmark = pytest.mark.xdist_group("site")


def test_demo_content_is_served(demo, db, client):
    chinese = Locale.get_default()
    home = client.get("/").content.decode()
    for text in ("9480", "近期活动", "圣菲漫步公益食堂", "了解党建引领"):
        assert text in home
    party = client.get("/party-building/").content.decode()
    for honour in ("鸢都红管家 先进党组织", "齐鲁红色物业 星级服务企业", "绿色智慧住区示范项目"):
        assert honour in party
    lecture = EventPage.objects.get(slug="school-district-lecture-2022", locale=chinese)
    html = client.get(lecture.url).content.decode()
    assert "问题清单 → 服务清单 → 满意清单" in html and "一对一讲解" in html
    past = client.get("/events/?when=past&kind=owners_forum").content.decode()
    assert "业主恳谈会：供暖保障" in past
    council = EventPage.objects.get(slug="council-parking", locale=chinese)
    assert EventSignup.objects.filter(event=council, status="waiting").exists()
    canteen = ServicePage.objects.get(slug="sfmb-canteen", locale=chinese)
    assert "本周菜单" in client.get(canteen.url).content.decode()
    assert ServicePage.objects.filter(locale=chinese).values("partner").distinct().count() == 3
    for category in ("canteen", "elderly-care", "housekeeping", "family-doctor"):
        assert client.get(f"/services/{category}/").status_code == 200
    assert client.get("/news/").status_code == 200
    assert client.login(request=HttpRequest(), username="partner_canteen", password=DEMO_PASSWORD)  # axes needs one
    assert "圣菲漫步公益食堂" in client.get("/partners/dashboard/").content.decode()


def test_every_page_of_the_demo_tree_is_served_in_english(demo, db, client):
    """The demo once left the English home and sections counting no children: /en/news/ etc. 404ed."""
    english = english_locale()
    chinese = Locale.get_default()
    sources = Page.objects.filter(locale=chinese, depth__gt=1).live()
    pages = Page.objects.filter(locale=english).live().specific()
    assert pages.count() == sources.count() > 20
    for page in pages:
        assert page.numchild == page.get_children().count() == Page.objects.child_of(page).count(), page.url_path
        url = page.get_url()
        assert url.startswith("/en/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        source = page.get_translation(chinese)
        if source.title != page.title or page.depth == 2:
            assert page.title in response.content.decode(), url
    for path in ("/en/news/", "/en/events/", "/en/services/", "/en/baoshi/", "/en/services/canteen/sfmb-canteen/"):
        assert client.get(path).status_code == 200, path
    news = client.get("/en/news/").content.decode()
    assert "958 online requests handled in the first half-year" in news
    # The home page: news, notices and upcoming events, each in the visitor's language (item 12).
    home = client.get("/").content.decode()
    latest = ("物业服务向公益食堂、居家养老延伸", "博悦大讲堂：居家养老与家庭医生签约")
    for text in ("新闻动态", "通知公告", "近期活动", *latest):
        assert text in home
    assert "/en/" not in home.split("<main", 1)[1]
    english_home = client.get("/en/").content.decode()
    for text in ("News", "Notices", "Upcoming events", "Boyue Lecture Hall: home elderly care and family doctors"):
        assert text in english_home
    assert "Caring Branches and Leaves" in english_home and "Shandong Boyue Property Management" in english_home
    main = english_home.split("<main", 1)[1]
    assert 'href="/events/' not in main and 'href="/news/' not in main
    # Pictures drawn on the machine, stored as Wagtail images, shown with alt text (item 11).
    pictured = ["/", "/en/", "/news/", "/events/", "/services/canteen/"]
    pictured += ["/news/elderly-visits/", "/events/lecture-elderly-care/", "/services/canteen/sfmb-canteen/"]
    pictured += ["/en/news/elderly-visits/", "/en/services/canteen/sfmb-canteen/"]
    for path in pictured:
        html = client.get(path).content.decode()
        images = re.findall(r"<img\b[^>]*>", html)
        assert images, path
        assert all(re.search(r'\salt="[^"]*"', img) for img in images), path
        assert all("/media/images/" in img for img in images), path
    article = client.get("/news/elderly-visits/").content.decode()
    assert 'alt="护理员上门，握着老人的手聊天。"' in article and "srcset=" in article
    assert 'alt="Homes of the Shengfei Manbu community in the sunshine."' in english_home
    # The 预约/咨询 button of a service listing leads to the booking form, in both languages.
    canteen = client.get("/services/canteen/sfmb-canteen/").content.decode()
    assert 'href="/fuwu-yuyue/?service=' in canteen
    english_canteen = client.get("/en/services/canteen/sfmb-canteen/").content.decode()
    assert 'href="/en/fuwu-yuyue/?service=' in english_canteen
    service = canteen.split('href="/fuwu-yuyue/?service=', 1)[1].split('"', 1)[0]
    booking = client.get(f"/fuwu-yuyue/?service={service}")
    assert booking.status_code == 200 and "圣菲漫步公益食堂" in booking.content.decode()


# query → what the first result must be: (content type, a test on its title)
RIGHT_FIRST = {
    "食堂": ("services.servicecategorypage", lambda title: title == "公益食堂"),
    "shitang": ("services.servicecategorypage", lambda title: title == "公益食堂"),
    "养老": ("services.servicecategorypage", lambda title: title == "居家养老"),
    "養老": ("services.servicecategorypage", lambda title: title == "居家养老"),
    "恳谈会": ("events.eventpage", lambda title: "恳谈会" in title),
    "漏水维修": ("cms_forms.requestformpage", lambda title: title == "报事报修"),
}


def _right(query, page):
    content_type, title_ok = RIGHT_FIRST[query]
    return f"{page.content_type.app_label}.{page.content_type.model}" == content_type and title_ok(page.title)


def test_the_demo_site_finds_the_right_page_first_on_every_surface(demo, db, client):
    """Issue 6: 食堂, 养老, 恳谈会, 漏水维修, 養老 and shitang find the right page first in the site
    search, the portal API and the Wagtail admin's page search."""
    for query in RIGHT_FIRST:
        # The site search page.
        hits = client.get("/search/", {"q": query}).context["outcome"].hits
        assert hits and _right(query, hits[0].page), (query, [h.title for h in hits[:3]])
        # The portal API: the same first page.
        results = client.get("/api/portal/search/", {"q": query}).json()["results"]
        assert results and results[0]["id"] == hits[0].page.pk, (query, [r["title"] for r in results[:3]])

    # The Wagtail admin's page search, as an editor uses it.
    admin = get_user_model().objects.create_superuser("demo-search-admin", "a@example.com", "pw-123456789")
    client.force_login(admin)
    for query in RIGHT_FIRST:
        response = client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        listed = [p if isinstance(p, Page) else p.page for p in response.context["pages"]]
        assert listed and _right(query, listed[0].specific), (query, [p.title for p in listed[:3]])


def test_demo_requests_are_consistent(demo, db):
    """The demo's requests are made by the service functions: consistent history, ratings near 90%+."""
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
