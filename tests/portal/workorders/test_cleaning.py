"""What residents type, cleaned the same way on every channel."""

import pytest
from django.core.exceptions import ValidationError

from portal.common.masking import mask_phone
from portal.common.phone import validate_mobile as normalize_mobile
from portal.workorders.cleaning import clean_text


@pytest.mark.parametrize(
    "raw",
    ["13800001234", "138 0000 1234", "138-0000-1234", "+8613800001234", "+86 138 0000 1234", "008613800001234",
     "8613800001234", "１３８００００１２３４", "１３８　００００　１２３４", "(138)00001234"],
)  # fmt: skip
def test_mainland_mobiles_are_normalised(raw):
    assert normalize_mobile(raw) == "13800001234"


@pytest.mark.parametrize(
    "raw", ["", "12800001234", "1380000123", "138000012345", "0536-8888123", "abc", "+1 4155550100"]
)
def test_other_numbers_are_refused_in_chinese(raw):
    with pytest.raises(ValidationError) as info:
        normalize_mobile(raw)
    assert "11 位" in str(info.value.messages[0]) or "11-digit" in str(info.value.messages[0])


def test_bidi_zero_width_and_control_characters_are_removed():
    assert clean_text("a\u202eb\u2066c\u200bd\x07e\ufefff") == "abcdef"
    assert clean_text("第一行\r\n第二行\n\n\n\n第三行", multiline=True) == "第一行\n第二行\n\n第三行"
    assert clean_text("第一行\n第二行") == "第一行 第二行"
    assert clean_text(None) == ""


def test_length_limit_says_how_long():
    with pytest.raises(ValidationError):
        clean_text("字" * 11, max_length=10)
    assert clean_text("字" * 10, max_length=10) == "字" * 10


def test_phone_masking():
    assert mask_phone("13800001234") == "138****1234"
    assert mask_phone("") == ""
