"""The shared block library: every block documented for editors, validation in Chinese, rendering."""

import pytest
from django.core.exceptions import ValidationError
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError

from cms.core.blocks import BodyStreamBlock, body_blocks
from cms.core.blocks.content import ImageBlock, LinkBlock


@pytest.mark.parametrize(("name", "block"), body_blocks())
def test_every_block_has_icon_group_description_and_template(name, block):
    meta = block.meta
    assert meta.icon and meta.icon != "placeholder", name
    assert meta.group, name
    assert meta.description, name
    assert meta.template and meta.template.startswith("components/blocks/"), name


def test_one_definition_per_block():
    names = [name for name, _block in body_blocks()]
    assert len(names) == len(set(names))
    assert set(BodyStreamBlock().child_blocks) == set(names)


def test_link_needs_a_target_and_text_together():
    block = LinkBlock()
    assert block.clean(block.to_python({"text": "", "page": None, "external_url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "报修", "page": None, "external_url": ""}))
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"text": "", "page": None, "external_url": "https://example.cn/"}))


@pytest.mark.django_db
def test_image_needs_alt_text_unless_decorative():
    from wagtail.images.models import Image
    from wagtail.images.tests.utils import get_test_image_file

    image = Image.objects.create(title="t", file=get_test_image_file())
    block = ImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": False, "caption": ""}))
    assert block.clean(block.to_python({"image": image.pk, "alt_text": "", "decorative": True, "caption": ""}))
    html = block.render(
        block.to_python({"image": image.pk, "alt_text": "党群服务站", "decorative": False, "caption": "外景"})
    )
    assert 'alt="党群服务站"' in html and "<figcaption>外景</figcaption>" in html


def test_only_one_hero_per_page():
    stream = BodyStreamBlock()
    value = stream.to_python(
        [{"type": "hero", "value": {"heading": "一"}}, {"type": "hero", "value": {"heading": "二"}}]
    )
    with pytest.raises((StreamBlockValidationError, ValidationError)):
        stream.clean(value)


@pytest.mark.django_db
def test_upcoming_events_lists_each_event_once_in_the_visitors_language(
    client, home_page, django_capture_on_commit_callbacks
):
    """The home page's 近期活动 once listed a lecture twice, the second copy its English page."""
    from cms.core.demo_helpers import stream
    from tests.cms.factories import EventPageFactory, make_tree
    from theme.demo import english_locale, translate_page

    events = make_tree(home_page)["events"]
    lecture = EventPageFactory(parent=events, title="博悦大讲堂：居家养老", slug="lecture")
    home_page.body = stream(("upcoming_events", {"heading": "近期活动", "kind": "", "count": 3}))
    home_page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        for page in (home_page, events, lecture):
            texts = {"博悦大讲堂：居家养老": "Lecture: home care", "近期活动": "Upcoming events"}
            translate_page(page, english_locale(), texts=texts)
    english = lecture.get_translation(english_locale())
    chinese_home = client.get("/").content.decode()
    assert chinese_home.count(f'href="{lecture.url}"') == 1
    assert english.url not in chinese_home and "Lecture: home care" not in chinese_home
    english_home = client.get("/en/").content.decode()
    assert english_home.count(f'href="{english.url}"') == 1
    assert "博悦大讲堂：居家养老" not in english_home
