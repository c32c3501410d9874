"""The one analysis every backend uses."""

from search import analysis


def test_normalize_folds_traditional_full_width_and_case():
    assert analysis.normalize("養老服務 ＳＨＩＴＡＮＧ  Abc") == "养老服务 shitang abc"
    assert analysis.normalize("") == ""


def test_index_tokens_hold_words_chunks_and_pinyin():
    tokens = analysis.index_tokens("近邻议事厅恳谈会")
    assert "近邻议事厅" in tokens  # domain dictionary word
    assert "恳谈会" in tokens
    assert {"近邻", "邻议", "议事", "事厅", "厅恳", "恳谈", "谈会"} <= set(tokens)  # two-character chunks
    assert "kentanhui" in tokens  # full pinyin for search
    assert "ktl" not in tokens and "kth" not in tokens  # initials are not for search


def test_autocomplete_tokens_add_pinyin_initials():
    tokens = analysis.index_tokens("长者食堂", autocomplete=True)
    assert "st" in tokens and "shitang" in tokens and "食堂" in tokens


def test_query_plan_is_words_with_synonyms_and_chunk_fallback():
    plan = analysis.query_plan("哪里可以漏水维修", synonyms={"维修": ["报修"]})
    words = [group[0].tokens for group in plan.groups]
    assert words == [("漏水",), ("维修",)]  # stop words dropped
    assert ("报修",) in [alt.tokens for alt in plan.groups[1]]
    assert plan.uses_synonyms

    plan = analysis.query_plan("恳谈会", synonyms={})
    assert [alt.kind for alt in plan.groups[0]] == ["word", "chunks"]
    assert plan.groups[0][1].tokens == ("恳谈", "谈会")


def test_pinyin_typed_with_spaces_is_joined():
    plan = analysis.query_plan("shi tang", synonyms={})
    assert [g[0].tokens for g in plan.groups] == [("shitang",)]


def test_punctuation_only_query_has_no_plan():
    assert not analysis.query_plan("，。！？", synonyms={})
    assert not analysis.query_plan("的 了", synonyms={})


def test_without_synonyms_ignores_the_table(synonyms):
    assert analysis.query_plan("家政").uses_synonyms
    with analysis.without_synonyms():
        assert not analysis.query_plan("家政").uses_synonyms


def test_analysis_version_covers_the_dictionary(tmp_path, monkeypatch):
    before = analysis.analysis_version()
    changed = tmp_path / "userdict.txt"
    changed.write_text(analysis.USERDICT.read_text(encoding="utf-8") + "新词 100 n\n", encoding="utf-8")
    monkeypatch.setattr(analysis, "USERDICT", changed)
    analysis.analysis_version.cache_clear()
    try:
        assert analysis.analysis_version() != before
    finally:
        monkeypatch.undo()
        analysis.analysis_version.cache_clear()
    assert analysis.analysis_version() == before


def test_the_wsgi_application_loads_the_analysis_before_the_first_search():
    """gunicorn preloads `portal.wsgi` in its master: the dictionary is then loaded once, not in each
    worker's first search (about a second for the first resident after a deploy)."""
    from tests.conftest import run_python

    code = (
        "import portal.wsgi, jieba\n"
        "from search import analysis\n"
        "print(analysis._tokenizer is not None and analysis._tokenizer.initialized)\n"
    )
    result = run_python(code)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True"


def test_a_compound_query_word_never_requires_a_chunk_across_its_words():
    # "长者食堂" is one dictionary word; its fall-back must not need "者食", which spans 长者|食堂.
    plan = analysis.query_plan("长者食堂", synonyms={})
    [group] = plan.groups
    assert [alt.tokens for alt in group] == [("长者食堂",), ("长者", "食堂")]
    for query in ("社区服务", "居家养老", "物业管理"):
        chunks = [alt.tokens for alt in analysis.query_plan(query, synonyms={}).groups[0] if alt.kind == "chunks"]
        assert chunks == [(query[:2], query[2:])]
    # A word with no known parts still falls back to its own chunks.
    assert ("恳谈", "谈会") in [alt.tokens for alt in analysis.query_plan("恳谈会", synonyms={}).groups[0]]
