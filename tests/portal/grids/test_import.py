"""Household import: spreadsheet and CSV, every bad row reported, nothing half-saved."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import Workbook

from portal.grids.importer import ImportFileError, import_households, read_rows
from portal.grids.models import Household
from tests.factories import BuildingFactory, GridFactory


@pytest.fixture
def building(db):
    return BuildingFactory(grid=GridFactory(number=3), number=7, units=2)


def xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    buffer.seek(0)
    return buffer


def test_xlsx_import_creates_units_and_households_and_updates_on_rerun(building):
    rows = [
        ["楼号", "单元", "房号", "户主", "电话", "人数"],
        [7, 1, "301", "张三", "13812341234", 3],
        ["7号楼", "2单元", 502, "", "", ""],
    ]
    report = import_households(read_rows(xlsx(rows), "households.xlsx"))
    assert report.ok and (report.created, report.updated) == (2, 0)
    assert Household.objects.get(unit__number=1, room="301").members == 3
    assert Household.objects.get(unit__number=2, room="502").members == 1
    rows[1][5] = 4
    report = import_households(read_rows(xlsx(rows), "households.xlsx"))
    assert (report.created, report.updated) == (0, 2)
    assert Household.objects.get(room="301").members == 4


def test_bad_rows_are_reported_by_number_and_nothing_is_saved(building):
    csv_text = "楼号,单元,房号,电话,人数\n7,1,101,13812341234,2\n99,1,102,,1\nx,5,,abc,0\n7,1,101,,1\n"
    report = import_households(read_rows(io.BytesIO(csv_text.encode()), "h.csv"))
    errors = dict(report.errors)
    assert sorted(errors) == [3, 4, 5]
    assert "没有 99号楼" in errors[3]
    assert "楼号“x”不是数字" in errors[4] and "电话“abc”" in errors[4] and "房号缺失" in errors[4]
    assert "出现了两次" in errors[5]
    assert Household.objects.count() == 0


def test_gbk_csv_and_unreadable_files(building):
    report = import_households(read_rows(io.BytesIO("楼号,单元,房号\n7,1,101\n".encode("gbk")), "h.csv"))
    assert report.ok and report.created == 1
    with pytest.raises(ImportFileError):
        read_rows(io.BytesIO(b"not excel"), "h.xlsx")
    with pytest.raises(ImportFileError):
        read_rows(io.BytesIO(b"x"), "h.pdf")
    with pytest.raises(ImportFileError):
        import_households([["name", "phone"], ["a", "1"]])


def test_command_imports_with_a_report(building, tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("楼号,单元,房号,户主\n7,1,101,王五\n7,1,102,赵六\n", encoding="utf-8")
    call_command("import_households", str(good))
    assert Household.objects.count() == 2
    bad = tmp_path / "bad.csv"
    bad.write_text("楼号,单元,房号\n7,9,101\n", encoding="utf-8")
    with pytest.raises(CommandError, match="未保存任何数据"):
        call_command("import_households", str(bad), "--no-progress")
    assert "第 2 行：7号楼只有 2 个单元" in capsys.readouterr().err
    with pytest.raises(CommandError):
        call_command("import_households", str(tmp_path / "missing.csv"))


def test_admin_upload_shows_row_errors_and_imports_good_files(client, building, django_user_model):
    from portal.accounts import roles
    from tests.factories import user_with_role

    manager = user_with_role("mgr", roles.MANAGER)
    client.force_login(manager)
    bad = io.BytesIO("楼号,单元,房号\n7,9,101\n".encode())
    bad.name = "h.csv"
    response = client.post("/admin/grids/import-households/", {"file": bad})
    assert response.status_code == 400
    html = response.content.decode()
    assert "<td>2</td><td>7号楼只有 2 个单元</td>" in html
    assert Household.objects.count() == 0
    good = io.BytesIO("楼号,单元,房号\n7,1,101\n".encode())
    good.name = "h.csv"
    assert client.post("/admin/grids/import-households/", {"file": good}).status_code == 200
    assert Household.objects.count() == 1
    client.force_login(user_with_role("stew", roles.STEWARD))
    response = client.get("/admin/grids/import-households/")  # Wagtail turns the refusal into a redirect
    assert (response.status_code, response["Location"]) == (302, "/admin/")
