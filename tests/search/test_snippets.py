"""Result snippets show words, not layout (issue 15, item 10: a snippet with a stray "---------").

The stray dashes were the label Django gives an empty choice: Wagtail indexes a ChoiceBlock's
label, so a body's "upcoming events" block with no kind chosen contributed "---------" to the
page's text, and a snippet cut near it showed it.
"""

import pytest

from search.pages import plain
from tests.cms.factories import StandardPageFactory


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("近期活动 --------- 更多活动", "近期活动 更多活动"),  # an empty choice's label
        ("上文 *** 下文", "上文 下文"),  # a horizontal rule
        ("| 时间 | 地点 |\n|---|---|\n| 周一 | 食堂 |", "| 时间 | 地点 | | 周一 | 食堂 |"),  # a table rule
        ("===== 通知 =====", "通知"),
        ("请尽快报修!!!", "请尽快报修!"),
        ("阿姨...来了", "阿姨…来了"),
        # kept: Chinese ellipsis and dash, dates, times, prices, addresses, names with marks
        ("好……真的——是", "好……真的——是"),
        ("2026-12-03 9:00-11:00 12.5 元", "2026-12-03 9:00-11:00 12.5 元"),
        ("3号楼2-502，C++ 课，www.example.cn", "3号楼2-502，C++ 课，www.example.cn"),
    ],
)
def test_plain_text_drops_runs_of_punctuation(text, expected):
    assert plain(text) == expected


@pytest.mark.django_db
def test_search_snippet_of_a_page_with_an_empty_choice_shows_no_dashes(client, home_page, synonyms):
    StandardPageFactory(
        parent=home_page,
        title="社区活动安排",
        slug="activities",
        body=[
            ("upcoming_events", {"heading": "", "kind": "", "count": 3}),
            ("rich_text", "<p>博悦大讲堂每月举办一次，欢迎业主报名参加。</p>"),
        ],
    )
    response = client.get("/search/", {"q": "大讲堂"})
    hits = response.context["outcome"].hits
    assert [hit.title for hit in hits] == ["社区活动安排"]
    assert "<mark>大讲堂</mark>" in hits[0].snippet_html
    assert "---" not in hits[0].snippet_html
    assert "---------" not in response.content.decode()
