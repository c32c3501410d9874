"""A resident's main journeys on a phone: a lecture sign-up and the canteen menu; an editor's news page."""

import re

from django.utils import timezone
from playwright.sync_api import expect

from tests.cms.factories import EventPageFactory, ServicePageFactory, make_tree

from .conftest import BROWSER_DB, admin_login, shot

pytestmark = BROWSER_DB


def in_menu(*pages):
    for page in pages:
        page.show_in_menus = True
        page.save_revision().publish()


def test_resident_opens_a_lecture_and_signs_up(phone, site):
    tree = make_tree(site)
    in_menu(tree["events"], tree["services"], tree["news"])
    EventPageFactory(parent=tree["events"], title="博悦大讲堂：学区划分政策解读", capacity=30)
    phone.goto("/")
    phone.get_by_role("navigation", name="主导航").get_by_role("link", name="活动报名").click()
    expect(phone.locator("h1")).to_have_text("活动报名")
    shot(phone, "phone-events")
    phone.get_by_role("link", name="博悦大讲堂：学区划分政策解读").click()
    expect(phone.locator("h1")).to_have_text("博悦大讲堂：学区划分政策解读")
    expect(phone.get_by_role("navigation", name="当前位置")).to_contain_text("活动报名")
    # Submitting the empty form: errors are announced and linked to the fields.
    phone.locator(".event__signup button[type=submit]").click()
    expect(phone.locator("[data-error-summary]")).to_be_visible()
    expect(phone.locator("#id_name")).to_have_attribute("aria-invalid", "true")
    assert phone.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    shot(phone, "phone-event-errors")
    phone.fill("#id_name", "王秀英")
    phone.fill("#id_phone", "13800001234")
    phone.fill("#id_party_size", "2")
    phone.check("#id_consent")
    phone.locator(".event__signup button[type=submit]").click()
    expect(phone.locator("h1")).to_have_text(re.compile("报名"))
    expect(phone.locator(".signup__code")).not_to_be_empty()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "phone-event-signed-up")


def test_resident_browses_the_canteen_menu(phone, site):
    tree = make_tree(site)
    in_menu(tree["services"])
    menu = [
        ("day", {"weekday": "1", "lunch": ["红烧肉", "清炒时蔬"], "dinner": ["小米粥"], "price": "老人 ¥8 / 其他 ¥12"}),
        ("day", {"weekday": "2", "lunch": ["西红柿炒鸡蛋"], "dinner": [], "price": "老人 ¥8"}),
    ]
    ServicePageFactory(parent=tree["canteen"], title="圣菲漫步公益食堂", weekly_menu=menu)
    phone.goto("/")
    phone.get_by_role("navigation", name="主导航").get_by_role("link", name="社区服务").click()
    phone.get_by_role("link", name="公益食堂").first.click()
    phone.get_by_role("link", name="圣菲漫步公益食堂").click()
    table = phone.get_by_role("table", name="每周菜单")
    expect(table).to_contain_text("红烧肉")
    expect(table).to_contain_text("老人 ¥8 / 其他 ¥12")
    # The table scrolls inside its box; the page itself never scrolls sideways.
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "phone-canteen-menu")


def test_editor_creates_and_publishes_a_news_page(desktop, admin_user, site):
    tree = make_tree(site)
    admin_login(desktop)
    desktop.goto(f"/admin/pages/add/news/newspage/{tree['news'].pk}/")
    desktop.fill("#id_title", "党群联席会召开：共商小区停车难题")
    date = desktop.locator("#id_date")
    if date.count():
        date.fill(timezone.localdate().isoformat())
    shot(desktop, "admin-news-create")
    desktop.locator("footer [data-w-dropdown-target='toggle']").first.click()
    desktop.get_by_role("button", name="发布").click()
    expect(desktop.locator(".messages")).to_contain_text("创建并发布")
    desktop.goto(tree["news"].url)
    expect(desktop.get_by_role("link", name="党群联席会召开：共商小区停车难题")).to_be_visible()
    shot(desktop, "desktop-news-index")


def test_resident_submits_a_repair_with_a_photo_and_opens_the_lookup_link(phone, site, tmp_path):
    from cms.forms.models import RequestFormPage
    from portal.workorders.models import WorkOrder, WorkOrderPhoto
    from tests.factories import BuildingFactory, CategoryFactory, jpeg_with_gps

    category = CategoryFactory(code="water-leak", name="水管漏水")
    building = BuildingFactory()
    form_page = RequestFormPage(title="报事报修", slug="baoshi", show_in_menus=True)
    site.add_child(instance=form_page)
    form_page.save_revision().publish()
    photo = tmp_path / "leak.jpg"
    photo.write_bytes(jpeg_with_gps(size=(800, 600)).read())

    phone.goto("/")
    phone.get_by_role("navigation", name="主导航").get_by_role("link", name="报事报修").click()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "phone-repair-form")
    phone.select_option("#id_category", str(category.pk))
    phone.fill("#id_name", "李阿姨")
    phone.fill("#id_phone", "138 0000 1234")
    phone.select_option("#id_building", str(building.pk))
    phone.select_option("#id_unit", "1")
    phone.select_option("#id_room", "301")
    phone.fill("#id_description", "厨房水管漏水，地面积水。")
    phone.set_input_files("#id_photos", str(photo))
    phone.check("#id_consent")
    phone.click("form[data-emergency-ids] button[type=submit]")  # the form's own button
    phone.wait_for_url("**/receipt/")
    order = WorkOrder.objects.get()
    expect(phone.locator("main")).to_contain_text(order.number)
    expect(phone.locator("main")).to_contain_text(order.lookup_token)
    assert WorkOrderPhoto.objects.filter(work_order=order).count() == 1
    shot(phone, "phone-repair-receipt")
    # The lookup link on the receipt shows the request's progress.
    phone.locator(".receipt__link").click()
    expect(phone.locator("main")).to_contain_text(order.number)
    expect(phone.locator("main")).to_contain_text("水管漏水")
    status = phone.inner_text("main")
    assert "13800001234" not in status and "138 0000 1234" not in status  # never the full phone number
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "phone-repair-lookup")


def test_neighbour_finds_an_open_street_light_request_and_adds_me_too(phone, site):
    from portal.workorders import services
    from portal.workorders.models import Category, MeToo
    from tests.factories import BuildingFactory, CategoryFactory, submission

    street_light = CategoryFactory(code="street-light", name="路灯不亮", kind=Category.Kind.PUBLIC_AREA)
    order = services.submit(
        submission(street_light, BuildingFactory(), name="李阿姨", location="3号楼东侧路灯"), notify=False
    )

    phone.goto("/requests/lookup/")
    phone.get_by_role("link", name=re.compile("公共区域报事")).click()
    item = phone.locator(f"#request-{order.pk}")
    expect(item).to_contain_text("3号楼东侧路灯")
    assert "李阿姨" not in phone.inner_text("main")
    item.get_by_label("您的手机号码").fill("139 0000 2222")
    item.get_by_role("button", name="我也遇到了").click()
    expect(phone.locator("main")).to_contain_text("1 位邻居也遇到了同样的问题")
    expect(phone.locator("body")).to_contain_text("谢谢")
    assert MeToo.objects.filter(work_order=order, phone="13900002222").exists()
    assert phone.evaluate("document.documentElement.scrollWidth") <= 375
    shot(phone, "phone-me-too")
