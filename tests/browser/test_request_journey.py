"""A resident on a phone-sized screen submits a repair with a photo, gets a number and opens the lookup link."""

from tests.browser.conftest import ARTIFACTS, BROWSER_DB

pytestmark = BROWSER_DB


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
    phone.click("form[data-emergency-ids] button[type=submit]")  # not the header's elder-mode switch
    phone.wait_for_url("**/receipt/")
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / "request-receipt-phone.png"), full_page=True)
    receipt = phone.inner_text("main")

    order = WorkOrder.objects.get()
    assert order.number in receipt
    assert WorkOrderPhoto.objects.filter(work_order=order).count() == 1

    # The private lookup link on the receipt opens the request's status page.
    phone.click(f"a[href*='{order.lookup_token}']")
    status = phone.inner_text("main")
    assert order.number in status
    assert "13800001234" not in status and "138 0000 1234" not in status  # never the full phone number
