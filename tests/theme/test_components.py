"""The component includes other apps use: forms announce errors, cards show what residents need."""

from django import forms
from django.core.paginator import Paginator
from django.template.loader import render_to_string


class RepairForm(forms.Form):
    phone = forms.CharField(label="手机号", help_text="用于通知处理进度")
    kind = forms.ChoiceField(
        label="类别", choices=[("repair", "报修"), ("complaint", "投诉")], widget=forms.RadioSelect
    )
    consent = forms.BooleanField(label="我同意个人信息处理规则")
    note = forms.CharField(label="备注", required=False, widget=forms.Textarea)


def test_form_field_links_help_and_error_to_the_input():
    form = RepairForm(data={"phone": ""})
    html = render_to_string("components/form_field.html", {"field": form["phone"]})
    assert '<label class="field__label" for="id_phone">手机号' in html
    assert '<p class="field__help" id="id_phone_helptext">用于通知处理进度</p>' in html
    assert 'id="id_phone_error" role="alert"' in html
    assert 'aria-describedby="id_phone_helptext id_phone_error"' in html
    assert 'aria-invalid="true"' in html
    assert "（必填）" in html


def test_radio_group_is_a_fieldset_with_legend():
    form = RepairForm()
    html = render_to_string("components/form_field.html", {"field": form["kind"]})
    assert "<fieldset" in html and '<legend class="field__label">类别' in html


def test_single_checkbox_label_follows_the_box():
    html = render_to_string("components/form_field.html", {"field": RepairForm()["consent"]})
    assert '<label class="field__check" for="id_consent">' in html
    assert html.index('type="checkbox"') < html.index("我同意个人信息处理规则")


def test_optional_field_is_not_marked_required():
    html = render_to_string("components/form_field.html", {"field": RepairForm()["note"]})
    assert "（必填）" not in html and "<textarea" in html


def test_form_error_summary_links_to_fields(rf):
    request = rf.post("/")
    form = RepairForm(data={})
    html = render_to_string("components/post_form.html", {"form": form, "submit_label": "提交报修"}, request=request)
    assert 'role="alert"' in html and "请修改以下内容后再提交" in html
    assert '<a href="#id_phone">手机号: ' in html
    assert "csrfmiddlewaretoken" in html
    assert ">提交报修<" in html


def test_form_with_file_field_is_multipart(rf):
    class PhotoForm(forms.Form):
        photo = forms.ImageField(label="照片")

    html = render_to_string("components/post_form.html", {"form": PhotoForm()}, request=rf.get("/"))
    assert 'enctype="multipart/form-data"' in html
    assert ">提交<" in html


def test_pagination_keeps_filters(rf):
    page_obj = Paginator(list(range(50)), 10).get_page(2)
    request = rf.get("/events/", {"kind": "lecture", "page": "2"})
    html = render_to_string("components/pagination.html", {"page_obj": page_obj, "request": request})
    assert "第 2 页，共 5 页" in html
    assert 'href="?kind=lecture&amp;page=1"' in html
    assert 'href="?kind=lecture&amp;page=3"' in html


def test_pagination_hidden_for_one_page():
    page_obj = Paginator([1, 2], 10).get_page(1)
    assert render_to_string("components/pagination.html", {"page_obj": page_obj}).strip() == ""


def test_steward_card():
    html = render_to_string(
        "components/steward_card.html", {"name": "王红", "grid": "第三网格", "phone": "138-0000-1234"}
    )
    assert 'href="tel:13800001234"' in html and "致电王红" in html


def test_notice_roles():
    assert 'role="alert"' in render_to_string("components/notice.html", {"level": "error", "text": "出错了"})
    assert 'role="status"' in render_to_string("components/notice.html", {"level": "success", "text": "已提交"})


def test_button_as_link_and_as_button():
    assert '<a class="button button--secondary" href="/q/">' in render_to_string(
        "components/button.html", {"label": "查询", "url": "/q/", "variant": "secondary"}
    )
    assert '<button class="button button--primary" type="submit"' in render_to_string(
        "components/button.html", {"label": "提交"}
    )


def test_icon_tag_is_decorative_unless_labelled():
    from theme.templatetags.theme_tags import icon

    assert 'aria-hidden="true"' in icon("phone")
    assert 'role="img" aria-label="电话"' in icon("phone", "电话")
    assert icon("../../settings") == ""


def test_pagination_accepts_items_and_a_fixed_query(rf):
    """The content apps pass `items` and a `query` prefix (news categories)."""
    page_obj = Paginator(list(range(30)), 10).get_page(1)
    html = render_to_string(
        "components/pagination.html",
        {"items": page_obj, "query": "category=notice&", "request": rf.get("/news/")},
    )
    assert 'href="?category=notice&amp;page=2"' in html
    assert "上一页" not in html
