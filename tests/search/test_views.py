"""The search page, the API endpoint and the admin page search, as residents and editors use them."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageViewRestriction

from tests.search.conftest import add_page


@pytest.fixture
def pages(home_page, synonyms):
    return {
        "menu": add_page(home_page, "长者食堂本周菜单", "周一红烧鸡块、清蒸鲈鱼，老人八折。"),
        "card": add_page(home_page, "就餐卡办理", "就餐卡可在党群服务站办理，长者食堂窗口可充值。"),
        "care": add_page(home_page, "居家养老上门服务", "红管家为独居老人提供探访、代买代办服务。"),
        "leak": add_page(home_page, "卫生间漏水怎么办", "请先关闭总阀，再通过报事报修提交，维修人员两小时内上门。"),
        "draft": add_page(home_page, "食堂草稿页面", "还没有发布的食堂通知。", live=False),
    }


@pytest.mark.django_db
def test_search_page_ranks_highlights_and_counts(client, pages):
    response = client.get("/search/", {"q": "食堂"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "找到 2 条结果" in html
    assert "<mark>食堂</mark>" in html
    titles = [hit.title for hit in response.context["outcome"].hits]
    assert titles[0] == "长者食堂本周菜单"  # title match above a body-only match
    assert "食堂草稿页面" not in html  # drafts are not public


@pytest.mark.django_db
def test_pinyin_and_traditional_queries_find_the_same_pages(client, pages):
    for query in ["shitang", "長者食堂", "ＳＨＩＴＡＮＧ"]:
        outcome = client.get("/search/", {"q": query}).context["outcome"]
        assert [h.title for h in outcome.hits][:1] == ["长者食堂本周菜单"], query
    response = client.get("/search/", {"q": "shitang"})  # the same results again, from the page cache
    assert response["X-Wagtail-Cache"] == "hit"
    assert "<mark>食堂</mark>" in response.content.decode()  # the word whose pinyin was typed


@pytest.mark.django_db
def test_private_pages_are_not_found(client, pages):
    PageViewRestriction.objects.create(page=pages["card"], restriction_type=PageViewRestriction.PASSWORD, password="x")
    outcome = client.get("/search/", {"q": "食堂"}).context["outcome"]
    assert [h.title for h in outcome.hits] == ["长者食堂本周菜单"]


@pytest.mark.django_db
def test_unpublished_and_deleted_pages_leave_the_results(client, pages):
    pages["menu"].unpublish()
    assert [h.title for h in client.get("/search/", {"q": "食堂"}).context["outcome"].hits] == ["就餐卡办理"]
    pages["card"].delete()
    assert client.get("/search/", {"q": "食堂"}).context["outcome"].total == 0


@pytest.mark.django_db
def test_pagination_and_facets(client, pages, home_page):
    for n in range(12):
        add_page(home_page, f"维修通知{n}", "电梯维修保养。")
    first = client.get("/search/", {"q": "维修", "per_page": 5}).context
    assert first["outcome"].total == 13 and first["outcome"].num_pages == 3
    assert "page=2" in first["next_url"]
    third = client.get("/search/", {"q": "维修", "per_page": 5, "page": 3}).context["outcome"]
    assert len(third.hits) == 3
    facet = third.facets["content_type"][0]
    assert facet.value == "wagtailcore.page" and facet.count == 13
    filtered = client.get("/search/", {"q": "维修", "type": "home.homepage"}).context["outcome"]
    assert filtered.total == 0


@pytest.mark.django_db
def test_no_results_suggest_words_that_find_pages(client, pages):
    response = client.get("/search/", {"q": "食堂 游泳池"})
    outcome = response.context["outcome"]
    assert outcome.total == 0
    assert "食堂" in outcome.suggestions
    assert 'href="?q=%E9%A3%9F%E5%A0%82"' in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "params",
    [{"q": "食" * 101}, {"q": "食堂", "page": "abc"}, {"q": "食堂", "per_page": "500"}, {"q": "食堂", "page": 9}],
)
def test_bad_input_is_a_400_with_a_message(client, pages, params):
    response = client.get("/search/", params)
    assert response.status_code == 400
    assert response.context["error"]


@pytest.mark.django_db
def test_api_returns_the_same_results_as_the_page(client, pages):
    page_hits = client.get("/search/", {"q": "漏水维修"}).context["outcome"].hits
    body = client.get("/api/portal/search/", {"q": "漏水维修"}).json()
    assert [r["id"] for r in body["results"]] == [h.page.pk for h in page_hits] == [pages["leak"].pk]
    assert body["engine"] == "database"
    assert "<mark>漏水</mark>" in body["results"][0]["title_html"]
    assert body["facets"]["content_type"][0]["count"] == 1
    bad = client.get("/api/portal/search/", {"q": "x" * 101})
    assert bad.status_code == 400 and bad.json()["detail"]


@pytest.mark.django_db
def test_autocomplete_by_characters_pinyin_and_initials(client, pages):
    for q in ["食", "shit", "st", "养老"]:
        data = client.get("/search/autocomplete/", {"q": q}).json()
        assert data["results"], q
    assert client.get("/search/autocomplete/", {"q": "st"}).json()["results"][0]["title"] == "长者食堂本周菜单"
    api = client.get("/api/portal/search/autocomplete", {"q": "yl"}).json()
    assert [r["title"] for r in api["results"]] == ["居家养老上门服务"]


@pytest.mark.django_db
def test_admin_page_search_understands_chinese(client, pages):
    admin = get_user_model().objects.create_superuser("searchadmin", "a@example.com", "pw-123456789")
    client.force_login(admin)
    for query, title in [("食堂", "长者食堂本周菜单"), ("養老", "居家养老上门服务"), ("shitang", "长者食堂本周菜单")]:
        response = client.get("/admin/pages/search/", {"q": query})
        assert response.status_code == 200
        assert title in response.content.decode(), query


@pytest.mark.django_db
def test_facets_by_content_type_and_service_category_on_real_page_types(client, corpus):
    outcome = client.get("/search/", {"q": "养老"}).context["outcome"]
    types = {f.value: f.count for f in outcome.facets["content_type"]}
    assert types == {"services.servicepage": 4, "services.servicecategorypage": 1}
    assert [(f.label, f.count) for f in outcome.facets["category"]] == [("居家养老", 4)]
    narrowed = client.get("/search/", {"q": "养老", "category": "居家养老"}).context["outcome"]
    assert narrowed.total == 4 and all(h.category == "居家养老" for h in narrowed.hits)
    events = client.get("/api/portal/search/", {"q": "讲座", "type": "events.eventpage"}).json()
    assert events["total"] >= 5 and {r["content_type"] for r in events["results"]} == {"events.eventpage"}
    assert events["results"][0]["url"].startswith("/")


@pytest.mark.django_db
def test_request_forms_are_found_by_their_intro_and_the_requests_they_take(client, home_page, synonyms):
    from cms.forms.models import RequestFormPage
    from portal.workorders.models import Category

    leak = Category.objects.create(code="water-leak", name="水管漏水", kind=Category.Kind.REPAIR_IN_HOME)
    form = RequestFormPage(title="报事报修", slug="baoshi", intro="<p>户内维修和公共区域问题都可以在这里提交。</p>")
    home_page.add_child(instance=form)
    form.categories.set([leak])
    form.save_revision().publish()
    news = add_page(home_page, "上半年处置线上报事报修958条", "共处置房屋漏水与裂缝维修、下水道堵塞等报事报修。")

    # The category name ranks like the title: the form comes before a report that mentions leaks.
    ids = [h.page.pk for h in client.get("/search/", {"q": "漏水维修"}).context["outcome"].hits]
    assert ids == [form.pk, news.pk]
    # The introduction is searchable.
    assert client.get("/search/", {"q": "公共区域"}).context["outcome"].hits[0].page.pk == form.pk
    # A category added later reaches the index when the form is published again.
    form.categories.add(Category.objects.create(code="blocked", name="下水堵塞", kind=Category.Kind.REPAIR_IN_HOME))
    form.save_revision().publish()
    assert client.get("/search/", {"q": "堵塞"}).context["outcome"].hits[0].page.pk == form.pk


@pytest.mark.django_db
def test_search_service_loads_specific_pages_in_a_bounded_number_of_queries(corpus, django_assert_max_num_queries):
    from cms.services.models import ServicePage
    from search import services

    services.search_pages("养老")  # content types cached, as on a running site
    # Locale, view restrictions, ranking with the live/public check (which also reads each
    # candidate's type and path), the category pages, one query per page type of the page shown.
    with django_assert_max_num_queries(8):
        outcome = services.search_pages("养老", per_page=50)
    services_hits = [h for h in outcome.hits if h.content_type == "services.servicepage"]
    assert len(services_hits) == 4
    # The hits are the specific pages (their own fields are there for templates and the API).
    assert all(type(h.page) is ServicePage for h in services_hits)
    assert all(h.category == "居家养老" for h in services_hits)
