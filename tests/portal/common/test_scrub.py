"""The personal-data scrubber: what it removes from resident-written text and what it leaves."""

import pytest
from django.utils import translation

from portal.common.scrub import scrub

R = "[removed]"

REMOVED = [
    # (text, the personal part that must be gone)
    ("请联系13812345678", "13812345678"),
    ("手机 138-1234-5678 谢谢", "138-1234-5678"),
    ("电话+86 138 1234 5678", "138 1234 5678"),
    ("座机0536-8123456", "0536-8123456"),
    ("打(0536)81234567转802", "81234567"),
    ("电话：8123456", "8123456"),
    ("身份证370702199001011234", "370702199001011234"),
    ("证件号37070219900101123X", "37070219900101123X"),
    ("3号楼502室漏水", "502"),
    ("3号楼 502室", "502"),
    ("3栋2单元502", "502"),
    ("5号楼2单元1101室", "1101"),
    ("住3-2-502", "3-2-502"),
    ("住在3#502", "3#502"),
    ("3号楼502门口", "502"),
    ("车牌鲁G12345挡住消防通道", "鲁G12345"),
    ("鲁G·D12345 停在东门", "D12345"),
    ("发邮件到 li.ming@example.com", "li.ming@example.com"),
    ("Call me on 13912345678, room 502", "502"),
]

KEPT = [
    "2026-11-03 晚上路灯不亮",
    "11月3日14:30开始停电",
    "修理费¥35，共35元",
    "3号楼东侧路灯坏了",
    "北区5号楼门口积水",
    "拨打12345热线",
    "电梯停在5层",
    "A座大堂的灯",
    "Street light by gate 2 has been out since 2026-11-01 at 19:00",
]


@pytest.mark.parametrize(("text", "personal"), REMOVED)
def test_scrub_removes_personal_data(text, personal):
    with translation.override("en"):
        cleaned = scrub(text)
    assert personal not in cleaned
    assert R in cleaned


@pytest.mark.parametrize("text", KEPT)
def test_scrub_keeps_dates_prices_times_and_buildings(text):
    assert scrub(text) == text


def test_scrub_keeps_the_building_around_a_removed_room():
    with translation.override("en"):
        assert scrub("3号楼502室漏水") == "3号楼[removed]漏水"
    with translation.override("zh-hans"):
        assert scrub("3号楼502室漏水") == "3号楼[已隐去]漏水"


def test_scrub_of_nothing_is_empty():
    assert scrub(None) == "" and scrub("") == ""
