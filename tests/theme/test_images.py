"""Editors cannot save an image without alt text (its description) in the admin."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage
from wagtail.images import get_image_model


def png(name="photo.png"):
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), "red").save(buffer, "PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


@pytest.fixture
def admin_client_zh(client, django_user_model, home_page):
    user = django_user_model.objects.create_superuser("boss", "boss@example.com", "a-long-password-1")
    client.force_login(user)
    return client


def test_image_without_alt_text_is_refused(admin_client_zh):
    response = admin_client_zh.post("/admin/images/add/", {"title": "修水管", "file": png(), "description": "  "})
    assert response.status_code == 200
    assert "请描述图片内容" in response.content.decode()
    assert get_image_model().objects.count() == 0


def test_image_with_alt_text_is_saved_and_used_as_alt(admin_client_zh):
    response = admin_client_zh.post(
        "/admin/images/add/", {"title": "修水管", "file": png(), "description": "  红管家在3号楼检修水管 "}
    )
    assert response.status_code == 302
    image = get_image_model().objects.get()
    assert image.description == "红管家在3号楼检修水管"
    assert image.default_alt_text == "红管家在3号楼检修水管"


def test_admin_form_explains_alt_text_in_chinese(admin_client_zh):
    html = admin_client_zh.get("/admin/images/add/").content.decode()
    assert "替代文字" in html


def test_multiple_uploader_first_step_then_alt_text_required_on_edit(admin_client_zh):
    response = admin_client_zh.post("/admin/images/multiple/add/", {"title": "a", "files[]": png()})
    assert response.status_code == 200
    assert response.json()["success"] is True
    image = get_image_model().objects.get()
    edit = admin_client_zh.post(
        f"/admin/images/multiple/{image.pk}/", {f"image-{image.pk}-title": "a", f"image-{image.pk}-description": ""}
    )
    assert edit.json()["success"] is False
    edit = admin_client_zh.post(
        f"/admin/images/multiple/{image.pk}/",
        {f"image-{image.pk}-title": "a", f"image-{image.pk}-description": "社区食堂的午餐"},
    )
    assert edit.json()["success"] is True
    image.refresh_from_db()
    assert image.description == "社区食堂的午餐"
