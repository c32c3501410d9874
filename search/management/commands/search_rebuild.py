"""`manage.py search_rebuild`: re-index everything with the current analysis, with a progress bar."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from search import elastic, indexing


class Command(BaseCommand):
    help = "Rebuild the search index (database, and Elasticsearch when ELASTICSEARCH_URL is set)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-stale",
            action="store_true",
            help="Only rebuild when the index was built with another analysis version (or never).",
        )
        parser.add_argument(
            "--engine",
            choices=["all", "database", "elasticsearch"],
            default="all",
            help="Which index to rebuild (default: all configured).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not draw the progress bar.")

    def handle(self, *args, if_stale=False, engine="all", no_progress=False, verbosity=1, **options):
        if if_stale and not indexing.needs_rebuild():
            self.stdout.write(_("The search index is up to date; nothing to do."))
            return
        progress = not no_progress and verbosity > 0
        if engine == "elasticsearch":
            if not elastic.is_configured():
                raise CommandError(_("ELASTICSEARCH_URL is not set, so there is no Elasticsearch index to rebuild."))
            try:
                count = indexing.rebuild_elasticsearch(progress=progress, stream=self.stderr)
            except elastic.unavailable_errors() as exc:
                raise CommandError(_("Elasticsearch is unavailable: %(error)s") % {"error": exc}) from exc
            self.stdout.write(_("Elasticsearch: %(count)d documents indexed.") % {"count": count})
            return
        if engine == "database":
            result = {"database": indexing.rebuild_database(progress=progress, stream=self.stderr)}
        else:
            result = indexing.rebuild_all(progress=progress, stream=self.stderr)
        self.stdout.write(_("Database: %(count)d objects indexed.") % {"count": result["database"]})
        if "elasticsearch" in result:
            self.stdout.write(_("Elasticsearch: %(count)d documents indexed.") % {"count": result["elasticsearch"]})
        if "elasticsearch_error" in result:
            self.stderr.write(_("Elasticsearch is unavailable: %(error)s") % {"error": result["elasticsearch_error"]})
