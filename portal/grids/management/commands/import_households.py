from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from tqdm import tqdm

from portal.grids.importer import ImportFileError, import_households, read_rows


class Command(BaseCommand):
    help = "Import households from an .xlsx or .csv file (columns 楼号, 单元, 房号, 户主, 电话, 人数)."

    def add_arguments(self, parser):
        parser.add_argument("path", help="the spreadsheet to import")
        parser.add_argument("--dry-run", action="store_true", help="check every row, save nothing")
        parser.add_argument("--no-progress", action="store_true", help="no progress bar")

    def handle(self, path, dry_run=False, no_progress=False, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(_("File not found: %(path)s") % {"path": path})
        try:
            with file.open("rb") as handle:
                rows = read_rows(handle, file.name)
            report = import_households(
                rows,
                dry_run=dry_run,
                progress=None if no_progress else lambda it: tqdm(it, desc=_("Checking rows"), unit=_("row")),
            )
        except ImportFileError as exc:
            raise CommandError(str(exc)) from exc
        for number, message in report.errors:
            self.stderr.write(_("Row %(row)s: %(message)s") % {"row": number, "message": message})
        if report.errors:
            raise CommandError(
                _("%(count)s of %(rows)s rows have errors; nothing was saved.")
                % {"count": len(report.errors), "rows": report.rows}
            )
        if dry_run:
            self.stdout.write(_("%(rows)s rows checked, no errors; nothing saved (dry run).") % {"rows": report.rows})
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    _("%(created)s households created, %(updated)s updated.")
                    % {"created": report.created, "updated": report.updated}
                )
            )
