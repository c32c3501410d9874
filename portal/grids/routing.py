"""Which grid and which steward look after a building."""

from .models import Steward


def grid_for_building(building):
    return building.grid if building is not None else None


def steward_for_building(building):
    """The active grid steward of the building's grid, or None when the grid has none."""
    grid = grid_for_building(building)
    if grid is None:
        return None
    return Steward.objects.filter(grids=grid, kind=Steward.Kind.GRID, active=True).order_by("pk").first()
