"""`manage.py search_check`: is the index complete and built with the current analysis? Exit 1 if not."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from search import indexing


class Command(BaseCommand):
    help = "Check the search index: analysis version, missing objects, Elasticsearch reachability."

    def handle(self, *args, **options):
        report = indexing.check()
        for kind, line in report.lines:
            (self.stdout if kind == "info" else self.stderr).write(("  " if kind == "info" else "! ") + line)
        if not report.ok:
            raise CommandError(_("The search index needs attention: run manage.py search_rebuild."))
        self.stdout.write(_("The search index is up to date."))
