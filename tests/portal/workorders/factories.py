"""Factories for requests and what they hang on (community, grid, building, steward, category)."""

import io

import factory
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from portal.grids.models import Building, Community, Grid, Steward
from portal.workorders.models import Category
from portal.workorders.services import Submission


class CommunityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Community
        django_get_or_create = ("slug",)

    name = "圣菲漫步"
    slug = "shengfei-manbu"


class GridFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Grid

    community = factory.SubFactory(CommunityFactory)
    number = factory.Sequence(lambda n: n + 1)
    name = factory.LazyAttribute(lambda o: f"第{o.number}网格")


class BuildingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Building

    community = factory.SubFactory(CommunityFactory)
    grid = factory.SubFactory(GridFactory, community=factory.SelfAttribute("..community"))
    number = factory.Sequence(lambda n: n + 1)
    units = 3
    floors = 6


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")


class StewardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Steward
        skip_postgeneration_save = True

    name = "王红梅"
    phone = "0536-8101 0101"
    kind = Steward.Kind.GRID
    user = factory.SubFactory(UserFactory)

    @factory.post_generation
    def grids(self, create, extracted, **kwargs):
        for grid in extracted or []:
            self.grids.add(grid)


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"cat-{n}")
    name = "水管漏水"
    kind = Category.Kind.REPAIR_IN_HOME
    response_hours = 2
    resolution_hours = 24


def jpeg_with_gps(size=(64, 48), color="red", name="photo.jpg"):
    """A real JPEG carrying EXIF with a GPS position (as phones write it)."""
    image = Image.new("RGB", size, color)
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # Make
    gps = exif.get_ifd(0x8825)
    gps[1] = "N"
    gps[2] = (36.0, 42.0, 30.0)
    gps[3] = "E"
    gps[4] = (119.0, 6.0, 0.0)
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return SimpleUploadedFile(name, out.getvalue(), content_type="image/jpeg")


def submission(category, building, **overrides):
    """A `services.Submission` with sensible resident answers (`overrides` replace or add fields)."""
    data = {
        "category": category,
        "name": "李阿姨",
        "phone": "13800001234",
        "description": "厨房水管漏水，地面积水。",
        "building": building,
        "unit": 1,
        "room": "301",
    }
    data.update(overrides)
    return Submission(**data)
