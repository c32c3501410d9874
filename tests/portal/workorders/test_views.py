"""The resident's pages: look-up, rating, "not fixed", 我的报事."""

from portal.workorders import services
from portal.workorders.models import Rating
from tests.factories import UserFactory, submission


def resolved(category, building, **overrides):
    order = services.submit(submission(category, building, **overrides), notify=False)
    return services.resolve(services.accept(order, notify=False), notify=False)


def test_lookup_by_number_and_code(client, home_page, category, building):
    order = services.submit(submission(category, building), notify=False)
    wrong = client.get("/requests/lookup/", {"number": order.number, "code": "XXXXXXXXXX"})
    assert wrong.status_code == 404 and "没有找到" in wrong.content.decode()
    right = client.get("/requests/lookup/", {"number": order.number.lower(), "code": order.lookup_token.lower()})
    assert right.status_code == 302
    page = client.get(right["Location"])
    assert page.status_code == 200 and order.number in page.content.decode()
    assert client.get(f"/requests/{order.number}/WRONG/").status_code == 404


def test_resident_rates_on_the_web(client, home_page, category, building):
    order = resolved(category, building)
    url = f"/requests/{order.number}/{order.lookup_token}/"
    assert "请评价我们的服务" in client.get(url).content.decode()
    bad = client.post(url, {"action": "rate", "speed": "9"})
    assert bad.status_code == 400
    ok = client.post(url, {"action": "rate", "speed": "5", "quality": "4", "attitude": "5", "comment": "好"})
    assert ok.status_code == 302
    assert Rating.objects.get().satisfied
    again = client.post(url, {"action": "rate", "speed": "1", "quality": "1", "attitude": "1"})
    assert again.status_code == 409
    assert Rating.objects.count() == 1


def test_resident_says_not_fixed(client, home_page, category, building):
    order = resolved(category, building)
    url = f"/requests/{order.number}/{order.lookup_token}/"
    assert client.post(url, {"action": "reopen", "note": ""}).status_code == 400
    assert client.post(url, {"action": "reopen", "note": "还在漏"}).status_code == 302
    order.refresh_from_db()
    assert order.status == "reopened"
    assert order.transitions.last().by_resident


def test_my_requests_needs_login_and_shows_only_mine(client, home_page, category, building):
    me = UserFactory(username="resident1")
    mine = services.submit(submission(category, building, resident=me), notify=False)
    other = services.submit(submission(category, building), notify=False)
    assert client.get("/requests/mine/").status_code == 302
    client.force_login(me)
    html = client.get("/requests/mine/").content.decode()
    assert mine.number in html and other.number not in html
