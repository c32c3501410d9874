"""An editor adds a photo field to a form page (issue 15 item 7): the same checks as the core photo
field (type check, re-encode, EXIF stripped, size and count limits), stored with the request, served
only with the request's lookup token or to staff."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portal.workorders.models import WorkOrder, WorkOrderPhoto
from tests.factories import jpeg_with_gps

from .test_request_form import media_files, post_data


@pytest.fixture
def photo_field(form_page):
    from cms.forms.models import RequestFormField

    return RequestFormField.objects.create(
        page=form_page, label="水表照片", field_type="photos", required=True, help_text="拍清表盘读数"
    )


def test_editor_can_choose_a_photo_field_type():
    from cms.forms.models import RequestFormField

    assert "photos" in dict(RequestFormField._meta.get_field("field_type").choices)


def test_photo_field_is_a_file_input_in_a_multipart_form(client, form_page, photo_field):
    html = client.get(form_page.url).content.decode()
    assert f'name="{photo_field.clean_name}"' in html and 'type="file"' in html
    assert 'accept="image/jpeg,image/png,image/webp"' in html and 'enctype="multipart/form-data"' in html


def test_photos_of_the_editor_field_are_cleaned_and_stored_with_the_request(
    client, form_page, category, building, photo_field
):
    data = post_data(category, building, **{photo_field.clean_name: [jpeg_with_gps(name="meter.jpg")]})
    response = client.post(form_page.url, data)
    assert response.status_code == 302
    order = WorkOrder.objects.get()
    assert order.extra["水表照片"] == 1
    photo = WorkOrderPhoto.objects.get(work_order=order)
    with Image.open(photo.image.path) as stored:
        assert stored.format == "JPEG" and not stored.getexif()
    url = f"/requests/{order.number}/{order.lookup_token}/photos/{photo.pk}/"
    assert client.get(url).status_code == 200
    assert client.get(f"/requests/{order.number}/wrong-token/photos/{photo.pk}/").status_code == 404


def test_required_photo_field_and_hostile_upload_are_refused(client, form_page, category, building, photo_field):
    before = media_files()
    missing = client.post(form_page.url, post_data(category, building))
    assert missing.status_code == 400 and 'id="id_' + photo_field.clean_name + '_error"' in missing.content.decode()
    script = SimpleUploadedFile("meter.jpg", b"<html><script>alert(1)</script></html>", content_type="image/jpeg")
    hostile = client.post(form_page.url, post_data(category, building, **{photo_field.clean_name: [script]}))
    assert hostile.status_code == 400
    assert WorkOrder.objects.count() == 0 and media_files() == before


def test_photo_count_limit_holds_across_photo_fields(client, form_page, category, building, photo_field):
    core = [jpeg_with_gps(name=f"p{i}.jpg") for i in range(3)]
    extra = [jpeg_with_gps(name=f"m{i}.jpg") for i in range(2)]
    response = client.post(form_page.url, post_data(category, building, photos=core, **{photo_field.clean_name: extra}))
    assert response.status_code == 400
    assert "最多上传 4 张照片" in response.content.decode()
    assert WorkOrder.objects.count() == 0
