"""Demo content of the care app (after the roster, step 420): the weekly calls to the families of the
elders on the roster, this year's 中秋 campaign (送月饼, partly done) and one hand-off to the
elderly-care service. Idempotent: an elder who already has a family contact gets none, the campaign is
found by name, and the hand-off is made only while there is none."""

import datetime
import random

from django.utils import timezone

from portal.demo.registry import step

RELATIVES = ["儿子", "女儿", "儿媳", "女婿", "侄子"]
CALLS = [
    ("近期天气炎热，老人饮食起居正常，精神状态不错，已提醒多喝水。", ""),
    ("老人这周血压偏高，已提醒按时服药；家属说周末回来看看。", "周五上门再量一次血压"),
    ("老人说腿疼，买菜不方便，家属委托帮忙代买米面油。", "帮忙代买米面油"),
    ("通报了上周走访情况，家属表示感谢，没有其他需要。", ""),
]


def _relative(rng, elder):
    surname = elder.name[0] if elder.name else "王"
    return f"{rng.choice(RELATIVES)} {surname}先生" if rng.random() < 0.6 else f"{rng.choice(RELATIVES)} {surname}女士"


@step(425, "care: family calls, the 中秋 campaign and a hand-off")
def load_care(ctx):
    from django.core.exceptions import ValidationError

    from portal.grids.models import CareRecipient, Steward

    from . import services
    from .models import Campaign, CampaignVisit, FamilyContact, Handoff

    today = timezone.localdate()
    elders = list(CareRecipient.objects.filter(active=True).select_related("household__unit__building__grid"))
    stewards = {
        grid_id: steward.user
        for steward in Steward.objects.filter(kind=Steward.Kind.GRID, active=True, user__isnull=False)
        .select_related("user")
        .prefetch_related("grids")
        for grid_id in steward.grids.values_list("pk", flat=True)
    }
    for index, elder in enumerate(elders):
        if elder.family_contacts.exists():
            continue
        rng = random.Random(f"care-family-{elder.pk}")
        user = stewards.get(elder.household.unit.building.grid_id)
        # Weekly calls (每逢周一); every third elder's family is a few days overdue, so the alert shows.
        latest = rng.randrange(9, 12) if index % 3 == 0 else rng.randrange(0, 6)
        for weeks in range(3):
            summary, follow_up = CALLS[(index + weeks) % len(CALLS)]
            FamilyContact.objects.create(
                recipient=elder,
                contacted_on=today - datetime.timedelta(days=latest + 7 * weeks),
                person=_relative(rng, elder),
                means=rng.choice(["phone", "phone", "wechat"]),
                summary=summary,
                follow_up=follow_up if weeks == 0 else "",
                entered_by=user,
            )

    year = today.year if today.month >= 9 else today.year - 1
    campaign, _ = Campaign.objects.get_or_create(
        name=f"{year}年中秋 送月饼",
        defaults={
            "festival": Campaign.Festival.MID_AUTUMN,
            "gift": "月饼、慰问信",
            "starts_on": datetime.date(year, 9, 20),
            "ends_on": datetime.date(year, 10, 8),
            "created_by": ctx.admin,
        },
    )
    for index, elder in enumerate(elders):
        if index % 3 != 2:  # two in three visited: the campaign is partly done
            visit, created = CampaignVisit.objects.get_or_create(
                campaign=campaign,
                recipient=elder,
                defaults={
                    "note": "送月饼，陪老人聊天" if index % 2 else "",
                    "done_by": stewards.get(elder.household.unit.building.grid_id),
                },
            )
            if created:  # visited during the festival, not on the day the demo was loaded
                day = campaign.starts_on + datetime.timedelta(days=index % 10)
                done_at = timezone.make_aware(datetime.datetime.combine(day, datetime.time(10, 30)))
                CampaignVisit.objects.filter(pk=visit.pk).update(done_at=done_at)

    listing = next((page for service, page in services.handoff_listings() if service == "elderly_care"), None)
    if Handoff.objects.exists() or listing is None:
        return
    for elder in elders:
        user = stewards.get(elder.household.unit.building.grid_id)
        if user is None or not elder.household.phone:
            continue
        try:
            services.book_handoff(user, elder, listing_id=listing.pk, note="老人腿脚不便，希望每周上门助浴一次。")
        except ValidationError:
            continue
        break
