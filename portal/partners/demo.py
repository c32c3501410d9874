"""Demo: a partner whose application still waits for review (the three approved partners and their
listings come with the service directory, cms.services.demo)."""

from portal.accounts.demo import ensure_account
from portal.demo.registry import step

from .models import Partner, PartnerMembership


@step(450, "a partner application waiting for review")
def load_pending_partner(ctx):
    user = ensure_account("partner_pending", "钱师傅", ctx.password)
    partner, _created = Partner.objects.get_or_create(
        name="康宁便民维修服务部",
        defaults={
            "service_kind": "家电维修",
            "contact_name": "钱师傅",
            "contact_phone": "13900000004",
            "description": "小家电、燃气灶、热水器上门维修。",
        },
    )
    PartnerMembership.objects.get_or_create(user=user, defaults={"partner": partner})
