"""A building's requests go to its grid's steward."""

from portal.grids.models import Building, Community, Grid, Steward
from portal.grids.routing import steward_for_building


def test_building_routes_to_its_grid_steward(db):
    community = Community.objects.create(name="圣菲漫步", slug="sf")
    grid = Grid.objects.create(community=community, number=3, name="第3网格")
    other = Grid.objects.create(community=community, number=4, name="第4网格")
    building = Building.objects.create(community=community, number=7, grid=grid)
    steward = Steward.objects.create(name="张晓燕", phone="0536-1", kind=Steward.Kind.GRID)
    steward.grids.add(grid)
    Steward.objects.create(name="刘志强", phone="0536-2", kind=Steward.Kind.GRID).grids.add(other)
    Steward.objects.create(name="周明", phone="0536-3", kind=Steward.Kind.GENERAL).grids.add(grid)

    assert steward_for_building(building) == steward


def test_building_without_grid_or_active_steward_routes_to_nobody(db):
    community = Community.objects.create(name="卡纳圣菲", slug="kn")
    assert steward_for_building(Building.objects.create(community=community, number=1)) is None
    grid = Grid.objects.create(community=community, number=1, name="第1网格")
    Steward.objects.create(name="离职", phone="1", active=False).grids.add(grid)
    assert steward_for_building(Building.objects.create(community=community, number=2, grid=grid)) is None
