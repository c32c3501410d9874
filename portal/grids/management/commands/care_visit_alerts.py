from django.conf import settings
from django.core.mail import send_mail
from django.core.management.base import BaseCommand
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from portal.grids import services
from portal.grids.models import CareRecipient, Steward


class Command(BaseCommand):
    help = "E-mail each grid steward how many care-roster visits are overdue in their grids (no names in the mail)."

    def handle(self, **options):
        link = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("grids:care_list")
        sent = 0
        with translation.override("zh-hans"):
            for steward in Steward.objects.filter(kind=Steward.Kind.GRID, active=True).select_related("user"):
                if steward.user is None or not steward.user.email:
                    continue
                recipients = CareRecipient.objects.filter(household__unit__building__grid__in=steward.grids.all())
                count = len(services.overdue_care(recipients))
                if not count:
                    continue
                send_mail(
                    _("[红管家] %(count)s care-roster visits are overdue") % {"count": count},
                    _("%(count)s people on your care roster are waiting for a visit. Open the roster: %(link)s")
                    % {"count": count, "link": link},
                    None,
                    [steward.user.email],
                )
                sent += 1
        self.stdout.write(_("%(sent)s stewards alerted.") % {"sent": sent})
