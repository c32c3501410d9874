"""Household import from a spreadsheet (.xlsx or .csv).

Columns (header row, Chinese or English): 小区/community (optional when there is one community),
楼号/building, 单元/unit, 房号/room, 户主/householder, 电话/phone, 人数/members.
Every row is checked first; when any row has an error nothing is saved and the report lists each
bad row with its number, so the spreadsheet can be fixed and uploaded again.
"""

import csv
import io
import re
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _

from .models import Building, Community, Household, Unit

HEADERS = {
    "community": {"小区", "社区", "community"},
    "building": {"楼号", "楼栋", "building"},
    "unit": {"单元", "unit"},
    "room": {"房号", "房间", "room"},
    "head_name": {"户主", "姓名", "householder", "name"},
    "phone": {"电话", "手机", "联系电话", "phone"},
    "members": {"人数", "人口", "members"},
}
REQUIRED = ("building", "unit", "room")
PHONE_RE = re.compile(r"^[0-9+\- ]{5,20}$")
MAX_ROWS = 20000


class ImportFileError(ValueError):
    """The file itself cannot be read (wrong type, no header)."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    rows: int = 0
    errors: list = field(default_factory=list)  # (row number, message)

    @property
    def ok(self):
        return not self.errors


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def read_rows(uploaded, filename):
    """Rows of the first sheet as lists of strings; raises ImportFileError for unreadable files."""
    name = (filename or "").lower()
    data = uploaded.read()
    if name.endswith(".csv"):
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            try:
                text = data.decode("gb18030")
            except UnicodeDecodeError as exc:
                raise ImportFileError(_("The CSV file is neither UTF-8 nor GBK.")) from exc
        return [[_cell(v) for v in row] for row in csv.reader(io.StringIO(text))]
    if name.endswith(".xlsx"):
        from openpyxl import load_workbook

        try:
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a broken file
            raise ImportFileError(_("The file is not a readable Excel workbook.")) from exc
        sheet = workbook.worksheets[0]
        rows = [[_cell(v) for v in row] for row in sheet.iter_rows(values_only=True)]
        workbook.close()
        return rows
    raise ImportFileError(_("Upload an .xlsx or .csv file."))


def _header_map(header):
    mapping = {}
    for index, title in enumerate(header):
        title = title.strip().lower()
        for key, names in HEADERS.items():
            if title in {n.lower() for n in names}:
                mapping[key] = index
    missing = [k for k in REQUIRED if k not in mapping]
    if missing:
        raise ImportFileError(_("The header row must name the columns 楼号, 单元 and 房号 (building, unit, room)."))
    return mapping


def import_households(rows, *, progress=None, dry_run=False):
    """Validate every row, then save all of them in one transaction (or nothing when any row fails).

    `progress` wraps the row iterable (for a tqdm progress bar in the management command).
    """
    rows = [r for r in rows if any(c for c in r)]
    if not rows:
        raise ImportFileError(_("The file is empty."))
    if len(rows) - 1 > MAX_ROWS:
        raise ImportFileError(_("At most %(max)s rows per file.") % {"max": MAX_ROWS})
    mapping = _header_map(rows[0])
    communities = {c.name: c for c in Community.objects.all()}
    only_community = next(iter(communities.values())) if len(communities) == 1 else None
    buildings = {(b.community_id, b.number): b for b in Building.objects.all()}
    report = ImportReport()
    valid = []
    seen = set()
    body = list(enumerate(rows[1:], start=2))
    for number, row in progress(body) if progress else body:
        report.rows += 1

        def get(key, row=row):
            index = mapping.get(key)
            return row[index].strip() if index is not None and index < len(row) else ""

        errors = []
        community_name = get("community")
        community = communities.get(community_name) if community_name else only_community
        if community is None:
            errors.append(_("unknown community “%(name)s”") % {"name": community_name or "-"})
        building_no, unit_no, room = get("building"), get("unit"), get("room")
        building_no = building_no.removesuffix("号楼").removesuffix("栋").removesuffix("号")
        unit_no = unit_no.removesuffix("单元")
        if not building_no.isdigit():
            errors.append(_("building number “%(value)s” is not a number") % {"value": building_no})
        if not unit_no.isdigit():
            errors.append(_("unit number “%(value)s” is not a number") % {"value": unit_no})
        if not room or len(room) > 10:
            errors.append(_("room is missing or longer than 10 characters"))
        building = None
        if community is not None and building_no.isdigit():
            building = buildings.get((community.pk, int(building_no)))
            if building is None:
                errors.append(
                    _("building %(number)s does not exist in %(community)s; add it in the admin first")
                    % {"number": building_no, "community": community}
                )
            elif unit_no.isdigit() and not 1 <= int(unit_no) <= max(building.units, 1):
                errors.append(
                    _("building %(number)s has only %(units)s units") % {"number": building_no, "units": building.units}
                )
        phone = get("phone")
        if phone and not PHONE_RE.match(phone):
            errors.append(_("phone “%(value)s” is not a phone number") % {"value": phone})
        members = get("members") or "1"
        if not members.isdigit() or not 0 < int(members) < 100:
            errors.append(_("members “%(value)s” must be a whole number from 1 to 99") % {"value": members})
        head_name = get("head_name")
        if len(head_name) > 50:
            errors.append(_("householder name is longer than 50 characters"))
        key = (getattr(building, "pk", None), unit_no, room)
        if building is not None and key in seen:
            errors.append(_("the same room appears twice in the file"))
        seen.add(key)
        if errors:
            report.errors.append((number, "；".join(errors)))
        else:
            valid.append((building, int(unit_no), room, head_name, phone, int(members)))
    if report.errors or dry_run:
        return report
    with transaction.atomic():
        for building, unit_no, room, head_name, phone, members in valid:
            unit, _created = Unit.objects.get_or_create(building=building, number=unit_no)
            _household, created = Household.objects.update_or_create(
                unit=unit,
                room=room,
                defaults={"head_name": head_name, "phone": phone, "members": members, "active": True},
            )
            if created:
                report.created += 1
            else:
                report.updated += 1
    return report
