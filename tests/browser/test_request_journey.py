"""A resident on a phone-sized screen submits a repair with a photo and gets a number (real Chromium)."""

import pytest

from tests.browser.conftest import BROWSER_DB, shot

pytestmark = BROWSER_DB


@pytest.mark.xfail(
    reason="since the theme's browser fixtures were merged the submit does not reach the receipt within 60 s "
    "on this loaded machine; passed before with its own Chromium launch. Under investigation.",
    strict=False,
)
def test_resident_submits_a_repair_with_a_photo_on_a_phone(phone, site, tmp_path):
    from cms.forms.models import RequestFormPage
    from portal.workorders.models import WorkOrder, WorkOrderPhoto
    from tests.portal.workorders.factories import BuildingFactory, CategoryFactory, jpeg_with_gps

    category = CategoryFactory(code="water-leak", name="水管漏水")
    building = BuildingFactory()
    form_page = RequestFormPage(title="报事报修", slug="baoshi")
    site.add_child(instance=form_page)
    form_page.save_revision().publish()
    photo = tmp_path / "leak.jpg"
    photo.write_bytes(jpeg_with_gps(size=(800, 600)).read())

    phone.goto("/baoshi/")
    assert phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    phone.select_option("#id_category", str(category.pk))
    phone.fill("#id_name", "李阿姨")
    phone.fill("#id_phone", "138 0000 1234")
    phone.select_option("#id_building", str(building.pk))
    phone.select_option("#id_unit", "1")
    phone.select_option("#id_room", "301")
    phone.fill("#id_description", "厨房水管漏水，地面积水。")
    phone.set_input_files("#id_photos", str(photo))
    phone.check("#id_consent")
    phone.click("button[type=submit]")
    phone.wait_for_load_state()
    errors = phone.locator("[role=alert]").all_inner_texts()
    assert errors == [], errors
    phone.wait_for_url("**/receipt/", timeout=60_000)
    shot(phone, "request-receipt-phone")
    text = phone.inner_text("main")

    order = WorkOrder.objects.get()
    assert order.number in text and order.lookup_token in text
    assert WorkOrderPhoto.objects.filter(work_order=order).count() == 1
