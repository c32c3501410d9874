"""search_rebuild / search_check, the demo step, and synonyms editors add."""

import pytest
from django.core.management import CommandError, call_command
from modelsearch.conf import get_app_config

from search import analysis, services
from search.models import IndexState, Synonym
from tests.search.conftest import add_page


@pytest.mark.django_db
def test_rebuild_records_the_analysis_version_and_check_passes(home_page, capsys):
    add_page(home_page, "长者食堂本周菜单", "老人八折")
    call_command("search_rebuild", "--no-progress")
    out = capsys.readouterr().out
    assert "数据库：已索引" in out
    state = IndexState.objects.get(backend="database")
    assert state.analysis_version == analysis.analysis_version() and state.documents >= 2
    call_command("search_check")
    assert "搜索索引是最新的" in capsys.readouterr().out
    call_command("search_rebuild", "--if-stale")
    assert IndexState.objects.get(backend="database").rebuilt_at == state.rebuilt_at  # nothing to do


@pytest.mark.django_db
def test_check_fails_on_a_stale_analysis_and_rebuild_if_stale_fixes_it(home_page, capsys):
    call_command("search_rebuild", "--no-progress")
    IndexState.objects.filter(backend="database").update(analysis_version="0-old")
    with pytest.raises(CommandError):
        call_command("search_check")
    assert "0-old" in capsys.readouterr().err
    call_command("search_rebuild", "--if-stale", "--no-progress")
    call_command("search_check")


@pytest.mark.django_db
def test_rebuild_restores_a_lost_index(home_page):
    page = add_page(home_page, "恳谈会通知", "近邻议事厅")
    get_app_config().get_model("IndexEntry").objects.all().delete()
    assert services.ranked_ids("恳谈会")[0] == []
    with pytest.raises(CommandError):
        call_command("search_check")
    call_command("search_rebuild", "--no-progress")
    assert services.ranked_ids("恳谈会")[0] == [page.pk]


@pytest.mark.django_db
def test_elasticsearch_rebuild_without_a_cluster_is_a_clear_error(settings):
    settings.PORTAL_SEARCH = {"ELASTICSEARCH_URL": ""}
    with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
        call_command("search_rebuild", "--engine", "elasticsearch")


@pytest.mark.django_db
def test_the_demo_indexes_once_at_the_end_what_its_steps_saved(home_page):
    """The demo pauses indexing on save (a thousand saves) and builds the whole index once at the end."""
    from portal.demo.registry import DemoContext
    from search.demo import load_synonyms, one_index_build

    ctx = DemoContext()
    with one_index_build(ctx):
        load_synonyms(ctx)
        load_synonyms(ctx)  # idempotent
        add_page(home_page, "物业费缴纳说明", "物业费可以在线缴纳")
        assert services.ranked_ids("物业费")[0] == []  # not indexed on save during the load
    assert len(services.ranked_ids("物业费")[0]) == 1
    assert Synonym.objects.filter(terms="老人 老年人 长者").count() == 1
    assert IndexState.objects.get(backend="database").analysis_version == analysis.analysis_version()
    # After the load, a save is indexed at once again.
    add_page(home_page, "垃圾分类投放时间", "垃圾分类定时定点投放")
    assert len(services.ranked_ids("垃圾分类")[0]) == 1


@pytest.mark.django_db
def test_a_synonym_added_by_an_editor_takes_effect_at_once(home_page, synonyms):
    add_page(home_page, "物业费缴纳说明", "物业费可以在线缴纳")
    assert services.ranked_ids("管理费")[0] == []
    synonym = Synonym(terms="物业费，管理费")
    synonym.full_clean()
    synonym.save()
    assert synonym.terms == "物业费 管理费"
    assert len(services.ranked_ids("管理费")[0]) == 1
    synonym.enabled = False
    synonym.save()
    assert services.ranked_ids("管理费")[0] == []


@pytest.mark.django_db
def test_a_synonym_needs_two_words():
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        Synonym(terms="老人 老人").full_clean()


@pytest.mark.django_db
def test_editors_manage_synonyms_in_the_admin(client, django_user_model, synonyms):
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw-123456789"))
    response = client.get("/admin/snippets/portal_search/synonym/")
    assert response.status_code == 200
    assert "老人 老年人 长者" in response.content.decode()
    response = client.post("/admin/snippets/portal_search/synonym/add/", {"terms": "报修", "note": "", "enabled": "on"})
    assert response.status_code == 200  # re-shown with the error
    assert "请至少填写两个不同的词" in response.content.decode()
    assert not Synonym.objects.filter(terms="报修").exists()


def _default_groups():
    from search.synonyms import DEFAULT_SYNONYMS

    return {terms for terms, _note in DEFAULT_SYNONYMS}


@pytest.mark.django_db
def test_a_fresh_database_has_the_default_synonyms_from_the_migration():
    # No fixture adds them: the test database is built by the migrations, as a fresh install is.
    assert set(Synonym.objects.filter(enabled=True).values_list("terms", flat=True)) >= _default_groups()


@pytest.mark.django_db
def test_a_fresh_install_finds_a_repair_notice_through_a_shipped_synonym(home_page):
    from search.synonyms import clear_cache

    clear_cache()
    page = add_page(home_page, "楼道灯维修通知", "物业本周维修三号楼楼道灯")
    assert services.ranked_ids("报修")[0] == [page.pk]


@pytest.mark.django_db
def test_restore_defaults_puts_back_deleted_and_disabled_groups_without_duplicates(home_page, capsys):
    Synonym.objects.filter(terms="维修 报修 修理").delete()
    Synonym.objects.filter(terms="老人 老年人 长者").update(enabled=False)
    Synonym.objects.create(terms="物业费 管理费")
    page = add_page(home_page, "楼道灯维修通知", "物业本周维修三号楼楼道灯")
    assert services.ranked_ids("报修")[0] == []

    call_command("search_synonyms", "--restore-defaults")
    assert "新增 1 组，重新启用 1 组" in capsys.readouterr().out
    assert services.ranked_ids("报修")[0] == [page.pk]  # the cache was cleared
    call_command("search_synonyms", "--restore-defaults")
    assert "新增 0 组，重新启用 0 组" in capsys.readouterr().out
    terms = list(Synonym.objects.values_list("terms", flat=True))
    assert len(terms) == len(set(terms)) == len(_default_groups()) + 1  # the editor's group stays
    assert Synonym.objects.filter(enabled=False).count() == 0


@pytest.mark.django_db
def test_restore_defaults_recognises_a_group_typed_differently(home_page):
    Synonym.objects.filter(terms="维修 报修 修理").update(terms="修理，维修、报修")
    call_command("search_synonyms", "--restore-defaults")
    assert Synonym.objects.filter(terms__contains="报修").count() == 1


@pytest.mark.django_db
def test_search_synonyms_list_and_bad_arguments(capsys):
    Synonym.objects.filter(terms="家政 保洁 月嫂").update(enabled=False)
    call_command("search_synonyms", "--list")
    out = capsys.readouterr().out
    assert "老人 老年人 长者" in out and "家政 保洁 月嫂" in out
    with pytest.raises(CommandError, match="--restore-defaults"):
        call_command("search_synonyms")
    with pytest.raises(CommandError):
        call_command("search_synonyms", "--list", "--restore-defaults")


@pytest.mark.django_db
def test_search_synonyms_exit_codes():
    import subprocess
    import sys
    from pathlib import Path

    def run(*args):
        return subprocess.run(
            [sys.executable, "manage.py", "search_synonyms", *args],
            cwd=Path(__file__).resolve().parents[2],
            capture_output=True,
            text=True,
            check=False,
        )

    assert run("--bogus").returncode == 2
    assert run().returncode == 1


def test_an_edited_synonym_group_takes_effect_on_the_next_search_without_a_reindex(
    client, django_user_model, home_page
):
    # Synonyms apply at query time only (analysis.query_plan), so an edit needs no re-index.
    from search.synonyms import clear_cache

    clear_cache()
    page = add_page(home_page, "物业费缴纳说明", "物业费可以在线缴纳")
    call_command("search_rebuild", "--no-progress")
    built = IndexState.objects.get(backend="database").rebuilt_at
    assert services.ranked_ids("管理费")[0] == []
    group = Synonym.objects.get(terms="投诉 意见 建议")
    client.force_login(django_user_model.objects.create_superuser("ed", "ed@example.com", "pw-123456789"))
    response = client.post(
        f"/admin/snippets/portal_search/synonym/edit/{group.pk}/",
        {"terms": "物业费 管理费", "note": "", "enabled": "on"},
    )
    assert response.status_code == 302
    assert services.ranked_ids("管理费")[0] == [page.pk]
    assert IndexState.objects.get(backend="database").rebuilt_at == built
