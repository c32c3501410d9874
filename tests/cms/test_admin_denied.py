"""A staff member without page rights who opens "add news" is told so (issue 15 item 8), not silently
sent to the admin home; an editor may add news."""

import pytest

from cms.news.models import NewsPage
from tests.cms.factories import make_user

pytestmark = pytest.mark.django_db


def test_general_steward_adding_news_is_told_why(client, tree):
    client.force_login(make_user("general9", "general_steward"))
    url = f"/admin/pages/add/news/newspage/{tree['news'].pk}/"
    response = client.get(url, follow=True)
    html = response.content.decode()
    assert response.redirect_chain[-1][0] == "/admin/"
    assert "您的账号没有这项操作的权限" in html and "请联系党支部编辑或物业经理" in html


def test_editor_may_add_news(client, tree):
    client.force_login(make_user("editor9", "editor"))
    response = client.get(f"/admin/pages/add/news/newspage/{tree['news'].pk}/")
    assert response.status_code == 200
    assert NewsPage in tree["news"].specific_class.allowed_subpage_models()
