"""`manage.py search_synonyms`: list the synonym groups, or put back the shipped defaults."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from search.models import Synonym
from search.synonyms import DEFAULT_SYNONYMS, ensure_default_synonyms


class Command(BaseCommand):
    help = "List the search synonym groups (--list) or restore the shipped default groups (--restore-defaults)."

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--restore-defaults",
            action="store_true",
            help="Add the default groups that are missing and re-enable disabled ones; never duplicates.",
        )
        action.add_argument("--list", action="store_true", help="Show every group and whether it is enabled.")

    def handle(self, *args, restore_defaults=False, list=False, **options):  # noqa: A002 - the option's name
        if not (restore_defaults or list):
            raise CommandError(_("Say what to do: --list or --restore-defaults."))
        if list:
            for synonym in Synonym.objects.all():
                state = _("enabled") if synonym.enabled else _("disabled")
                self.stdout.write(f"{synonym.terms}  ({state})")
            return
        added, enabled = ensure_default_synonyms()
        self.stdout.write(
            _("Default synonyms: %(added)d added, %(enabled)d enabled again, %(total)d in the shipped set.")
            % {"added": added, "enabled": enabled, "total": len(DEFAULT_SYNONYMS)}
        )
