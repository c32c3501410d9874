"""Issue 20 item 3: a query of two words finds pages with the words apart; the phrase ranks first."""

import pytest

from search import services
from tests.search.conftest import add_page


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["长者食堂", "长者 食堂", "居家养老"])
def test_words_standing_apart_match_and_the_phrase_ranks_first(home_page, query):
    apart = add_page(
        home_page,
        "社区通知",
        "本周六上午为长者免费量血压，欢迎参加。另：食堂和养老服务窗口周日照常开放，居家服务可预约。",
    )
    phrase = add_page(home_page, "长者食堂与居家养老服务开放", "长者食堂和居家养老服务中心本周开放。")
    add_page(home_page, "停水通知", "三号楼周二停水。")
    ids, _engine = services.ranked_ids(query)
    assert ids == [phrase.pk, apart.pk]
