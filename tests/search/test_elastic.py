"""Elasticsearch without a cluster: the mapping and query bodies sent, and degrading to the database.

No Elasticsearch server runs here and no Elasticsearch-compatible stand-in was found on PyPI, so
these tests check what the portal *sends*; tests/search/test_elastic_cluster.py runs the relevance
set against a real cluster when ELASTICSEARCH_URL is set.
"""

import logging

import pytest

from search import analysis, elastic, services
from tests.search.conftest import add_page

UNREACHABLE = {
    "ELASTICSEARCH_URL": "http://127.0.0.1:9",
    "ELASTICSEARCH_INDEX": "portal-test",
    "ELASTICSEARCH_TIMEOUT": 1,
}


def analyzers_in(mapping):
    found = set()
    for spec in mapping["properties"].values():
        for key in ("analyzer", "search_analyzer"):
            if key in spec:
                found.add(spec[key])
    return found


def test_mapping_uses_only_built_in_analyzers():
    body = elastic.build_index("portal-pages").to_dict()
    assert "analysis" not in body.get("settings", {})  # no custom analyzers, filters or plugins
    mapping = body["mappings"]
    assert mapping["dynamic"] == "strict"
    assert analyzers_in(mapping) == {"whitespace", "cjk"}
    assert analyzers_in(mapping) <= elastic.BUILTIN_ANALYZERS
    props = mapping["properties"]
    assert props["title_words"] == {"type": "text", "analyzer": "whitespace", "similarity": "BM25"}
    assert props["body_cjk"] == {"type": "text", "analyzer": "cjk"}
    assert props["title_pinyin"]["analyzer"] == "whitespace"
    assert {props[f]["type"] for f in ("live", "public")} == {"boolean"}
    assert props["content_type"]["type"] == props["category"]["type"] == "keyword"


def test_query_body_for_words_chunks_pinyin_and_synonyms():
    plan = analysis.query_plan("恳谈会 shitang", synonyms={"shitang": ["食堂"]})
    body = elastic.build_search(plan, locale="zh-hans", size=50).to_dict()
    assert body["size"] == 50 and body["_source"] == ["page_id"]
    query = body["query"]["bool"]
    assert {"term": {"live": True}} in query["filter"]
    assert {"term": {"public": True}} in query["filter"]
    assert {"term": {"locale": "zh-hans"}} in query["filter"]
    first, second = query["must"]
    should = first["bool"]["should"]
    assert first["bool"]["minimum_should_match"] == 1
    assert {"term": {"title_words": {"value": "恳谈会", "boost": 10.0}}} in should
    assert {"match": {"body_cjk": {"query": "恳谈会", "operator": "and", "boost": 0.5}}} in should
    pinyin = second["bool"]["should"]
    assert {"term": {"body_pinyin": {"value": "shitang", "boost": 0.8}}} in pinyin
    # the synonym counts, but less than the words as typed
    assert {"term": {"title_words": {"value": "食堂", "boost": 10.0 * elastic.SYNONYM_BOOST}}} in pinyin


def test_autocomplete_body_uses_prefix_queries():
    plan = analysis.query_plan("st", synonyms={})
    body = elastic.build_search(plan, autocomplete=True).to_dict()
    assert body["query"]["bool"]["must"][0]["bool"]["should"] == [{"prefix": {"autocomplete": {"value": "st"}}}]


@pytest.mark.django_db
def test_document_holds_the_pre_analysed_text(home_page):
    page = add_page(home_page, "長者食堂菜单", "周一红烧鸡块")
    doc = elastic.document_for(page)
    assert doc["title_cjk"] == "长者食堂菜单"
    assert "食堂" in doc["title_words"].split()
    assert "shitang" in doc["title_pinyin"].split()
    assert "st" in doc["autocomplete"].split()
    assert doc["live"] is True and doc["public"] is True
    assert doc["content_type"] == "wagtailcore.page"
    assert doc["analysis_version"] == analysis.analysis_version()


@pytest.mark.django_db
def test_unreachable_cluster_degrades_to_the_database_with_a_warning(home_page, settings, caplog):
    add_page(home_page, "长者食堂本周菜单", "老人八折")
    settings.PORTAL_SEARCH = UNREACHABLE
    with caplog.at_level(logging.WARNING, logger="search.services"):
        outcome = services.search_pages("食堂")
    assert outcome.engine == "database"
    assert [h.title for h in outcome.hits] == ["长者食堂本周菜单"]
    assert "Elasticsearch unavailable" in caplog.text


@pytest.mark.django_db
def test_publishing_never_fails_because_of_search(
    home_page, settings, caplog, client, django_capture_on_commit_callbacks
):
    settings.PORTAL_SEARCH = UNREACHABLE
    with caplog.at_level(logging.WARNING, logger="search.signals"):
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            page = add_page(home_page, "漏水维修通知", "卫生间漏水请报修")
            page.unpublish()
            page.save_revision().publish()
    assert callbacks  # the Elasticsearch pushes ran, after commit
    assert "not indexed there" in caplog.text
    assert client.get("/api/portal/search/", {"q": "漏水维修"}).json()["results"][0]["id"] == page.pk


@pytest.mark.django_db
def test_health_reports_an_unreachable_cluster_as_degraded(client, settings):
    settings.PORTAL_SEARCH = UNREACHABLE
    body = client.get("/healthz").json()
    assert body["status"] == "degraded"
    assert body["checks"]["search"]["ok"] is False
    assert "Elasticsearch" in body["checks"]["search"]["detail"]
