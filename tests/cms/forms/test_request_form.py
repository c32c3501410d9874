"""A resident submits a request through a form page: receipt, photos, hostile input, abuse."""

import io
import resource
import signal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from portal.workorders.models import WorkOrder, WorkOrderPhoto
from tests.factories import jpeg_with_gps


def post_data(category, building, **overrides):
    data = {
        "category": category.pk,
        "name": "李阿姨",
        "phone": "138 0000 1234",
        "building": building.pk,
        "unit": "1",
        "room": "301",
        "description": "厨房水管漏水",
        "consent": "on",
        "website": "",
        "idempotency_key": "key-1",
    }
    from cms.forms.models import RequestFormField

    field = RequestFormField.objects.filter(label="方便上门时间").first()
    if field is not None:
        data[field.clean_name] = "周六上午"
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def media_files():
    return sorted(p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file())


def test_form_shows_core_and_editor_fields(client, form_page):
    response = client.get(form_page.url)
    assert response.status_code == 200
    html = response.content.decode()
    shown = ("报事报修", "您的姓名", 'for="id_phone">手机号', "楼栋", "照片", "方便上门时间", 'name="idempotency_key"')
    for text in shown:
        assert text in html
    assert "手机号码" not in html  # one word for "Mobile number" across the site's catalogs
    assert 'name="extra_name"' in html  # an editor field called "name" does not replace the core one


def test_submit_with_photo_gives_a_receipt_and_strips_gps(client, form_page, category, building, steward):
    response = client.post(form_page.url, post_data(category, building, photos=[jpeg_with_gps()]))
    assert response.status_code == 302
    order = WorkOrder.objects.get()
    assert response["Location"].endswith(f"/requests/{order.number}/{order.lookup_token}/receipt/")
    assert order.phone == "13800001234"
    assert order.steward == steward
    assert order.extra == {"方便上门时间": "周六上午", "name": ""}
    assert order.form_page_id == form_page.pk
    receipt = client.get(response["Location"])
    assert receipt.status_code == 200
    html = receipt.content.decode()
    assert order.number in html and order.lookup_token in html and "<svg" in html
    assert receipt["Cache-Control"].startswith("private")

    photo = WorkOrderPhoto.objects.get(work_order=order)
    for field in (photo.image, photo.thumbnail):
        with Image.open(field.path) as stored:
            assert stored.format == "JPEG"
            assert not stored.getexif()
            assert "exif" not in stored.info
        assert b"PhoneMaker" not in Path(field.path).read_bytes()
    # the rendition a resident's browser gets is the clean thumbnail
    served = client.get(f"/requests/{order.number}/{order.lookup_token}/photos/{photo.pk}/thumb/")
    assert served.status_code == 200
    with Image.open(io.BytesIO(b"".join(served.streaming_content))) as image:
        assert not image.getexif()


def test_double_submit_with_the_same_key_creates_one_request(client, form_page, category, building):
    first = client.post(form_page.url, post_data(category, building))
    second = client.post(form_page.url, post_data(category, building))
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert WorkOrder.objects.count() == 1


def test_invalid_input_keeps_what_was_typed_with_chinese_messages(client, form_page, category, building):
    response = client.post(form_page.url, post_data(category, building, phone="12345", consent=None))
    assert response.status_code == 400
    html = response.content.decode()
    assert "请输入 11 位大陆手机号码" in html
    assert "请同意隐私声明" in html
    assert "厨房水管漏水" in html  # the description is kept
    assert WorkOrder.objects.count() == 0


@pytest.mark.parametrize(
    ("phone", "stored"),
    [
        ("１３８００００１２３４", "13800001234"),
        ("+86 138-0000-1234", "13800001234"),
        ("0086 13800001234", "13800001234"),
    ],
)
def test_mobile_numbers_are_normalised(client, form_page, category, building, phone, stored):
    assert client.post(form_page.url, post_data(category, building, phone=phone)).status_code == 302
    assert WorkOrder.objects.get().phone == stored


def test_bidi_and_control_characters_are_stripped(client, form_page, category, building):
    nasty = "水管\u202e漏水\u0000\u200b了\x1b[31m"
    client.post(form_page.url, post_data(category, building, description=nasty, name="李\u2066阿姨"))
    order = WorkOrder.objects.get()
    assert order.description == "水管漏水了[31m"
    assert order.name == "李阿姨"


def test_length_limits(client, form_page, category, building):
    response = client.post(form_page.url, post_data(category, building, description="漏" * 2001))
    assert response.status_code == 400
    assert WorkOrder.objects.count() == 0


def test_honeypot_refuses_bots(client, form_page, category, building):
    response = client.post(form_page.url, post_data(category, building, website="http://spam.example"))
    assert response.status_code == 400
    assert WorkOrder.objects.count() == 0


def test_csrf_is_enforced(form_page, category, building):
    client = Client(enforce_csrf_checks=True)
    response = client.post(form_page.url, post_data(category, building))
    assert response.status_code == 403
    assert WorkOrder.objects.count() == 0


def _upload(content, name, content_type="image/jpeg"):
    return SimpleUploadedFile(name, content, content_type=content_type)


SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def _big_png(side):
    out = io.BytesIO()
    Image.new("1", (side, side)).save(out, format="PNG")
    return out.getvalue()


@pytest.mark.parametrize(
    "upload",
    [
        lambda: _upload(
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "x.svg", "image/svg+xml"
        ),
        lambda: _upload(b"<html><script>alert(1)</script></html>", "photo.jpg"),
        lambda: _upload(b"GIF89a" + b"\x00" * 100, "photo.gif", "image/gif"),
        lambda: _upload(_big_png(10000), "bomb.png", "image/png"),  # 100 megapixels in a few kB
    ],
    ids=["svg-script", "html-as-jpeg", "broken-gif", "decompression-bomb"],
)
def test_hostile_uploads_are_refused_and_nothing_is_stored(client, form_page, category, building, upload):
    before = media_files()
    response = client.post(form_page.url, post_data(category, building, photos=[upload()]))
    assert response.status_code == 400
    assert "照片" in response.content.decode() or "图片" in response.content.decode()
    assert WorkOrder.objects.count() == 0
    assert media_files() == before


def test_more_than_four_photos_are_refused(client, form_page, category, building):
    photos = [jpeg_with_gps(name=f"p{i}.jpg") for i in range(5)]
    response = client.post(form_page.url, post_data(category, building, photos=photos))
    assert response.status_code == 400
    assert "最多上传 4 张照片" in response.content.decode()


def test_rate_limits_per_phone_and_per_ip(client, form_page, category, building, settings):
    settings.WORKORDER_RATE_LIMITS = {"ip_per_hour": 3, "phone_per_hour": 2}
    statuses = [
        client.post(form_page.url, post_data(category, building, idempotency_key=f"k{i}")).status_code for i in range(3)
    ]
    assert statuses == [302, 302, 429]
    other_phone = client.post(form_page.url, post_data(category, building, idempotency_key="k9", phone="13900009999"))
    assert other_phone.status_code == 429  # the IP limit
    assert "请稍等" in other_phone.content.decode() or "24 小时热线" in other_phone.content.decode()
    assert other_phone["Retry-After"]
    assert WorkOrder.objects.count() == 2
    # a retry of an already-saved request is not refused
    assert client.post(form_page.url, post_data(category, building, idempotency_key="k0")).status_code == 302


def test_emergency_category_shows_the_hotline_and_is_urgent(client, form_page, emergency_category, building):
    html = client.get(form_page.url).content.decode()
    assert "hotline-banner" in html
    assert 'href="tel:053688881234"' in html
    response = client.post(form_page.url, post_data(emergency_category, building, description="楼道燃气味很重"))
    order = WorkOrder.objects.get()
    assert order.urgent
    receipt = client.get(response["Location"]).content.decode()
    assert "hotline-banner" in receipt


def test_full_disk_leaves_no_file_and_no_row(client, form_page, category, building):
    """A real write failure: the process may not write files beyond 1 kB while the form is posted."""
    big = io.BytesIO()
    Image.effect_noise((600, 600), 80).convert("RGB").save(big, format="JPEG", quality=95)
    upload = _upload(big.getvalue(), "big.jpg")
    before = media_files()
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, hard))
    try:
        response = client.post(form_page.url, post_data(category, building, photos=[upload]))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert response.status_code == 503
    assert "照片" in response.content.decode()
    assert "厨房水管漏水" in response.content.decode()
    assert WorkOrder.objects.count() == 0
    assert WorkOrderPhoto.objects.count() == 0
    assert media_files() == before
