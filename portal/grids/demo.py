"""Demo: the community 圣菲漫步, its 8 micro-grids, 24 buildings, 8 grid and 4 general stewards."""

from django.contrib.auth import get_user_model

from portal.accounts import roles
from portal.demo.registry import step

from .models import Building, Community, Grid, Steward

GRID_STEWARDS = ["王红梅", "李建国", "张晓燕", "刘志强", "陈玉兰", "杨文斌", "赵丽娟", "孙海涛"]
GENERAL_STEWARDS = ["周明", "吴静", "郑磊", "冯秀英"]
BUILDINGS_PER_GRID = 3


def _account(username, name, password, role):
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"first_name": name})
    if created or password:
        user.set_password(password)
        user.save()
    user.groups.add(roles.ensure_roles()[role])
    return user


@step(100, "community, grids and stewards")
def load_grids(ctx):
    community, _ = Community.objects.get_or_create(
        slug="shengfei-manbu", defaults={"name": "圣菲漫步", "address": "山东省潍坊市潍城区北关街道"}
    )
    grids = []
    for number, steward_name in enumerate(GRID_STEWARDS, start=1):
        grid, _ = Grid.objects.get_or_create(community=community, number=number, defaults={"name": f"第{number}网格"})
        grids.append(grid)
        for offset in range(BUILDINGS_PER_GRID):
            building_number = (number - 1) * BUILDINGS_PER_GRID + offset + 1
            Building.objects.get_or_create(
                community=community,
                number=building_number,
                defaults={"grid": grid, "units": 2 + building_number % 2, "floors": 6 + (building_number % 3) * 5},
            )
        user = _account(f"steward{number}", steward_name, ctx.password, roles.STEWARD)
        steward, _ = Steward.objects.get_or_create(
            user=user,
            defaults={
                "name": steward_name,
                "phone": f"0536-81{number:02d}{number:02d}{number:02d}",
                "kind": Steward.Kind.GRID,
                "is_party_member": number % 3 != 0,
            },
        )
        steward.grids.add(grid)
    for number, steward_name in enumerate(GENERAL_STEWARDS, start=1):
        user = _account(f"general{number}", steward_name, ctx.password, roles.GENERAL_STEWARD)
        Steward.objects.get_or_create(
            user=user,
            defaults={
                "name": steward_name,
                "phone": f"0536-82{number:02d}{number:02d}{number:02d}",
                "kind": Steward.Kind.GENERAL,
                "is_party_member": True,
            },
        )
    ctx.objects["community"] = community
    ctx.objects["grids"] = grids


SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎"
GIVEN = "建国秀英桂兰玉兰志强海涛丽娟文斌晓燕明静磊红梅淑珍凤英德胜国华春梅立新永刚金凤"
VISIT_NOTES = ["家中一切正常", "宣传垃圾分类", "告知近邻议事厅时间", "登记家庭医生签约意向", "了解公益食堂需求", ""]
VISIT_PROBLEMS = ["厨房下水道堵塞", "楼道声控灯不亮", "单元门禁损坏", "屋顶漏水", "窗户密封条老化"]


def _name(rng):
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.choice((1, 2))))


@step(400, "units and households of the demo buildings")
def load_households(ctx):
    import random

    from .models import Household, Unit

    for building in Building.objects.filter(grid__isnull=False).select_related("grid"):
        floors = ctx.scaled(building.floors)
        for unit_number in range(1, building.units + 1):
            unit, _ = Unit.objects.get_or_create(building=building, number=unit_number)
            existing = set(unit.households.values_list("room", flat=True))
            new = []
            for floor in range(1, floors + 1):
                for door in (1, 2):
                    room = f"{floor}0{door}"
                    if room in existing:
                        continue
                    rng = random.Random(f"{building.number}-{unit_number}-{room}")
                    new.append(
                        Household(
                            unit=unit,
                            room=room,
                            head_name=_name(rng),
                            phone=f"1{rng.choice('3578')}{rng.randrange(10**9):09d}",
                            members=rng.choice((1, 2, 2, 3, 3, 4, 5)),
                            active=rng.random() > 0.04,
                        )
                    )
            Household.objects.bulk_create(new)


@step(410, "quarterly visit plans and two quarters of visit logs")
def load_visits(ctx):
    import datetime
    import random

    from django.utils import timezone

    from .models import Household, Visit, current_quarter, quarter_bounds
    from .services import plan_quarter

    today = timezone.localdate()
    year, quarter = current_quarter(today)
    previous = (year, quarter - 1) if quarter > 1 else (year - 1, 4)
    stewards = {
        grid_id: steward
        for steward in Steward.objects.filter(kind=Steward.Kind.GRID).prefetch_related("grids")
        for grid_id in steward.grids.values_list("pk", flat=True)
    }
    households = Household.objects.active().select_related("unit__building")
    for (y, q), share in ((previous, 0.95), ((year, quarter), None)):
        start, end = quarter_bounds(y, q)
        end = min(end, today)
        if share is None:  # the running quarter: coverage grows with the days gone
            share = min(0.9, 0.15 + (end - start).days / 92)
        for steward in set(stewards.values()):
            plan_quarter(steward, y, q)
        done = set(Visit.objects.filter(visited_on__range=(start, end)).values_list("household_id", flat=True))
        new = []
        for household in households:
            if household.pk in done:
                continue
            building = household.unit.building
            rng = random.Random(f"{building.number}-{household.unit.number}-{household.room}-{y}Q{q}")
            # grids differ a little: grid 8 lags, which is what the dashboard should show.
            if rng.random() > share - (0.12 if building.grid.number == 8 else 0):
                continue
            problem = rng.choice(VISIT_PROBLEMS) if rng.random() < 0.08 else ""
            new.append(
                Visit(
                    household=household,
                    steward=stewards.get(building.grid_id),
                    visited_on=start + datetime.timedelta(days=rng.randrange((end - start).days + 1)),
                    method=rng.choice([Visit.Method.QR, Visit.Method.QR, Visit.Method.PICK]),
                    note=rng.choice(VISIT_NOTES),
                    problem=problem,
                )
            )
        Visit.objects.bulk_create(new)


@step(420, "care roster: elderly people living alone, with consent")
def load_care_roster(ctx):
    import datetime
    import random

    from django.utils import timezone

    from .models import CareRecipient, Household, Visit

    for grid in Grid.objects.order_by("number"):
        candidates = list(Household.objects.active().filter(unit__building__grid=grid, members=1).order_by("pk")[:20])
        rng = random.Random(f"care-{grid.number}")
        for index, household in enumerate(rng.sample(candidates, min(len(candidates), ctx.scaled(3)))):
            recipient, _ = CareRecipient.objects.get_or_create(
                household=household,
                name=household.head_name or _name(rng),
                defaults={
                    "birth_year": rng.randrange(1932, 1955),
                    "needs": rng.choice(["行动不便，需协助购买生活用品", "独居，子女在外地", "有高血压，提醒按时服药"]),
                    "emergency_contact": f"{_name(rng)}（子女）",
                    "visit_every_days": rng.choice((3, 7, 7, 14)),
                    "consent_given_at": timezone.now(),
                    "consent_by": "本人",
                },
            )
            # Most are visited on schedule; in grids 5 and 8 one visit is overdue, so the alert shows.
            overdue = index == 0 and grid.number in (5, 8)
            days_ago = recipient.visit_every_days + 3 if overdue else rng.randrange(recipient.visit_every_days)
            visited_on = timezone.localdate() - datetime.timedelta(days=days_ago)
            if not household.visits.filter(visited_on__gt=visited_on - datetime.timedelta(days=1)).exists():
                Visit.objects.get_or_create(
                    household=household,
                    visited_on=visited_on,
                    defaults={"steward": grid.stewards.filter(kind=Steward.Kind.GRID).first(), "note": "关爱走访"},
                )
