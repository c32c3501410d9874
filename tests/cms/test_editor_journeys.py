"""Done means: an editor with no developer builds a page from blocks, a service category and an
event in the Wagtail admin; after the secretary approves, they are on the site and in /api/v2/."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from cms.events.models import EventPage
from cms.pages.models import StandardPage
from cms.services.models import ServiceCategoryPage
from tests.cms.factories import make_user

pytestmark = pytest.mark.django_db


def approve(page, user):
    """What the secretary's "Approve" button does."""
    state = page.current_workflow_state
    assert state is not None, "the page is not in review"
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, user, "approve")


def add_page(client, model, parent, data):
    url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
    response = client.post(url, nested_form_data({**data, "action-submit": "submit"}))
    form = response.context and response.context.get("form")
    assert response.status_code == 302, form.errors.as_data() if form else response.status_code
    return response


def test_editor_builds_a_brand_page_from_blocks_and_it_goes_live_after_review(client, tree):
    editor = make_user("editor1", "editor")
    secretary = make_user("secretary1", "secretary")
    client.force_login(editor)
    body = streamfield(
        [
            (
                "hero",
                {
                    "heading": "党建引领 红色物业",
                    "text": "枝叶关情 潍美家园",
                    "image": "",
                    "link": {"text": "", "page": "", "external_url": ""},
                },
            ),
            ("rich_text", rich_text("<h2>鸢都红管家</h2><p>公司党支部被评为先进党组织。</p>")),
            ("quote", {"quote": "这才是我想要的社区生活。", "attribution": "王先生"}),
            ("contact_card", {"name": "党群服务站", "role": "", "phone": "0536-8888 1234", "address": "", "hours": ""}),
        ]
    )
    response = add_page(client, StandardPage, tree["home"], {"title": "党建引领", "slug": "party", "body": body})
    assert response.status_code == 302, response.content.decode()[:3000]
    page = StandardPage.objects.get(slug="party")
    assert not page.live
    assert client.get("/party/").status_code == 404
    # The editor cannot publish directly.
    client.post(
        f"/admin/pages/{page.pk}/edit/",
        nested_form_data({"title": "党建引领", "slug": "party", "body": body, "action-publish": "1"}),
    )
    page.refresh_from_db()
    assert not page.live

    approve(page, secretary)
    page.refresh_from_db()
    assert page.live
    html = client.get("/party/").content.decode()
    for text in ("党建引领 红色物业", "鸢都红管家", "这才是我想要的社区生活。", "0536-8888 1234"):
        assert text in html
    data = client.get(f"/api/v2/pages/{page.pk}/").json()
    assert [block["type"] for block in data["body"]] == ["hero", "rich_text", "quote", "contact_card"]


def test_editor_adds_a_service_category_and_an_event(client, tree):
    editor = make_user("editor1", "editor")
    secretary = make_user("secretary1", "secretary")
    client.force_login(editor)
    response = add_page(
        client,
        ServiceCategoryPage,
        tree["services"],
        {"title": "助浴服务", "slug": "bathing", "intro": rich_text("<p>上门助浴。</p>"), "body": streamfield([])},
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    category = ServiceCategoryPage.objects.get(slug="bathing")
    approve(category, make_user("editor2", "editor"))  # the service directory is reviewed by an editor

    start = timezone.localtime() + timedelta(days=10)
    event_data = {
        "title": "近邻议事厅：电动车充电",
        "slug": "council-charging",
        "kind": "council",
        "start": start.strftime("%Y-%m-%d %H:%M"),
        "end": (start + timedelta(hours=2)).strftime("%Y-%m-%d %H:%M"),
        "place": "圣菲漫步党群服务站",
        "host": "黄世如",
        "audience": "",
        "signup_enabled": "on",
        "capacity": "30",
        "max_party_size": "2",
        "agenda": streamfield([("item", {"time": "14:30", "item": "征集业主意见"})]),
        "body": streamfield([]),
        "outcome_summary": "",
        "outcome": streamfield([]),
    }
    response = add_page(client, EventPage, tree["events"], event_data)
    assert response.status_code == 302, response.content.decode()[:3000]
    event = EventPage.objects.get(slug="council-charging")
    assert not event.live
    approve(event, secretary)

    assert "助浴服务" in client.get("/services/").content.decode()
    events_html = client.get("/events/").content.decode()
    assert "近邻议事厅：电动车充电" in events_html
    assert "近邻议事厅：电动车充电" in client.get("/events/?kind=council").content.decode()
    assert "近邻议事厅：电动车充电" not in client.get("/events/?kind=lecture").content.decode()

    listing = client.get(
        "/api/v2/pages/?type=events.EventPage&fields=kind,start,capacity,remaining_places,place"
    ).json()
    [item] = listing["items"]
    assert item["kind"] == "council"
    assert item["capacity"] == 30
    assert item["remaining_places"] == 30
    assert item["place"] == "圣菲漫步党群服务站"
    categories = client.get("/api/v2/pages/?type=services.ServiceCategoryPage").json()
    assert "助浴服务" in [c["title"] for c in categories["items"]]


def test_news_needs_the_secretary_and_scheduled_publishing_waits(client, tree):
    from cms.news.models import NewsPage

    editor = make_user("editor1", "editor")
    secretary = make_user("secretary1", "secretary")
    client.force_login(editor)
    data = {
        "title": "公益食堂开业",
        "slug": "canteen-opens",
        "date": "2026-11-20",
        "category": "",
        "tags": "公益食堂, 民生",
        "body": streamfield([("rich_text", rich_text("<p>开业啦</p>"))]),
        "go_live_at": (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%d %H:%M"),
    }
    assert add_page(client, NewsPage, tree["news"], data).status_code == 302
    article = NewsPage.objects.get(slug="canteen-opens")
    # Approval by a plain editor is refused: the task belongs to the secretary group.
    state = article.current_workflow_state
    task = state.current_task_state.task.specific
    assert not task.user_can_access_editor(article, make_user("editor2", "editor")) or not any(
        name == "approve" for name, *_rest in task.get_actions(article, make_user("editor3", "editor"))
    )
    approve(article, secretary)
    article.refresh_from_db()
    assert not article.live  # scheduled for later
    assert article.get_latest_revision().approved_go_live_at is not None
    assert "公益食堂开业" not in Client().get("/news/").content.decode()  # a resident sees no trace of it yet


def test_page_type_listing_in_api_and_public_filter(client, tree):
    from tests.cms.factories import EventPageFactory

    EventPageFactory(parent=tree["events"], title="公开讲座")
    private = EventPageFactory(parent=tree["events"], title="内部会议")
    from wagtail.models import PageViewRestriction

    PageViewRestriction.objects.create(page=private, restriction_type="login")
    html = client.get("/events/").content.decode()
    assert "公开讲座" in html
    assert "内部会议" not in html
    assert Page.objects.filter(title="内部会议").exists()


def test_admin_add_forms_render_for_every_page_type(client, tree):
    from cms.news.models import NewsPage
    from cms.services.models import ServicePage

    client.force_login(make_user("editor1", "editor"))
    cases = [
        (StandardPage, tree["home"]),
        (NewsPage, tree["news"]),
        (EventPage, tree["events"]),
        (ServiceCategoryPage, tree["services"]),
        (ServicePage, tree["canteen"]),
    ]
    for model, parent in cases:
        url = f"/admin/pages/add/{model._meta.app_label}/{model._meta.model_name}/{parent.pk}/"
        assert client.get(url).status_code == 200, url
    assert client.get("/admin/settings/cms_core/brandsettings/").status_code in (200, 302, 403)
