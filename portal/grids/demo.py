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
