"""A resident on a phone-sized screen submits a repair with a photo and gets a number (real Chromium)."""

import shutil

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_resident_submits_a_repair_with_a_photo_on_a_phone(live_server, tmp_path, monkeypatch):
    if not shutil.which("chromium"):
        pytest.skip("Debian Chromium is not installed")
    playwright = pytest.importorskip("playwright.sync_api")
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # the ORM is used beside Playwright's event loop

    from cms.core.models import BrandSettings
    from cms.forms.models import RequestFormPage
    from cms.home.demo import ensure_home_page
    from portal.workorders.models import WorkOrder, WorkOrderPhoto
    from tests.portal.workorders.factories import BuildingFactory, CategoryFactory, jpeg_with_gps

    home, site = ensure_home_page()
    BrandSettings.for_site(site).save()
    category = CategoryFactory(code="water-leak", name="水管漏水")
    building = BuildingFactory()
    form_page = RequestFormPage(title="报事报修", slug="baoshi")
    home.add_child(instance=form_page)
    form_page.save_revision().publish()
    photo = tmp_path / "leak.jpg"
    photo.write_bytes(jpeg_with_gps(size=(800, 600)).read())

    with playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
        page.goto(live_server.url + "/baoshi/")
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
        page.select_option("#id_category", str(category.pk))
        page.fill("#id_name", "李阿姨")
        page.fill("#id_phone", "138 0000 1234")
        page.select_option("#id_building", str(building.pk))
        page.select_option("#id_unit", "1")
        page.select_option("#id_room", "301")
        page.fill("#id_description", "厨房水管漏水，地面积水。")
        page.set_input_files("#id_photos", str(photo))
        page.check("#id_consent")
        page.click("button[type=submit]")
        page.wait_for_url("**/receipt/")
        text = page.inner_text("main")
        browser.close()

    order = WorkOrder.objects.get()
    assert order.number in text and order.lookup_token in text
    assert WorkOrderPhoto.objects.filter(work_order=order).count() == 1
