"""Draft the monthly 公示 page of a past month and submit it for review (run monthly, e.g. on the 1st)."""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.translation import gettext as _
from tqdm import tqdm

from portal.stats.figures import parse_month
from portal.stats.publicity import PublicityError, draft_monthly_report, past_months


def _month(value, option):
    try:
        return parse_month(value)
    except ValueError as exc:
        raise CommandError(
            _("%(option)s must be a month like 2026-05, not “%(value)s”.") % {"option": option, "value": value}
        ) from exc


class Command(BaseCommand):
    help = "Draft the 公示 page of last month (or --month / --since) and submit it to the review workflow."

    def add_arguments(self, parser):
        parser.add_argument("--month", help="The month to report, for example 2026-05; default: last month.")
        parser.add_argument("--since", help="Draft every past month from this one (for example 2026-01) that has none.")
        parser.add_argument("--user", help="Username recorded as the drafter; default: none (the system).")
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")

    def handle(self, *args, month=None, since=None, user=None, no_progress=False, **options):
        if month and since:
            raise CommandError(_("Give --month or --since, not both."))
        if since:
            months = past_months(_month(since, "--since"))
            if not months:
                raise CommandError(_("--since must be a past month."))
        elif month:
            months = [_month(month, "--month")]
        else:
            today = timezone.localdate()
            months = [(today.year - (today.month == 1), (today.month - 2) % 12 + 1)]
        drafter = None
        if user:
            drafter = get_user_model().objects.filter(username=user).first()
            if drafter is None:
                raise CommandError(_("There is no user “%(user)s”.") % {"user": user})
        created = 0
        bar = tqdm(months, desc=_("公示 pages"), unit=_("month"), disable=no_progress, file=self.stderr._out)
        for year, number in bar:
            bar.set_postfix_str(f"{year}-{number:02d}")
            try:
                page, new = draft_monthly_report(year, number, user=drafter)
            except PublicityError as exc:
                raise CommandError(str(exc)) from exc
            created += new
            state = _("submitted for review") if page.workflow_in_progress else _("saved as a draft")
            if new:
                self.stdout.write(_("%(title)s: %(state)s.") % {"title": page.title, "state": state})
            else:
                self.stdout.write(_("%(title)s already exists; left as it is.") % {"title": page.title})
        self.stdout.write(self.style.SUCCESS(_("%(count)d 公示 page(s) drafted.") % {"count": created}))
