"""The one set of factories for the domain (communities, grids, buildings, households, people who work
them, request categories) and the small worlds tests build from them. Page factories: tests/cms/factories.py.
"""

import io

import factory
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from portal.accounts import roles
from portal.grids.models import Building, CareRecipient, Community, Grid, Household, Steward, Unit, Visit
from portal.workorders import services as workorder_services
from portal.workorders.models import Category


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    password = factory.django.Password("pw-123456")


def user_with_role(username, role=None):
    user = UserFactory(username=username)
    if role:
        user.groups.add(roles.ensure_roles()[role])
    return user


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
    """A building of a grid of the same community (pass `community` or `grid`, not both)."""

    class Meta:
        model = Building

    community = factory.SubFactory(CommunityFactory)
    grid = factory.SubFactory(GridFactory, community=factory.SelfAttribute("..community"))
    number = factory.Sequence(lambda n: n + 1)
    units = 3
    floors = 6


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    building = factory.SubFactory(BuildingFactory)
    number = 1


class HouseholdFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Household

    unit = factory.SubFactory(UnitFactory)
    room = factory.Sequence(lambda n: f"{n + 101}")
    head_name = "张三丰"
    phone = "13812341234"
    members = 2


class StewardFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Steward
        skip_postgeneration_save = True

    name = "王红梅"
    phone = "0536-8101010"
    kind = Steward.Kind.GRID
    is_party_member = True
    user = factory.SubFactory(UserFactory)

    @factory.post_generation
    def grids(self, create, extracted, **kwargs):
        if create and extracted:
            self.grids.add(*extracted)


class VisitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Visit

    household = factory.SubFactory(HouseholdFactory)
    visited_on = factory.LazyFunction(timezone.localdate)


class CareRecipientFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = CareRecipient

    household = factory.SubFactory(HouseholdFactory)
    name = "李奶奶"
    birth_year = 1940
    needs = "行动不便"
    visit_every_days = 7
    consent_given_at = factory.LazyFunction(timezone.now)
    consent_by = "本人"


class CategoryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Category
        django_get_or_create = ("code",)

    code = factory.Sequence(lambda n: f"cat-{n}")
    name = "水管漏水"
    kind = Category.Kind.REPAIR_IN_HOME
    response_hours = 2
    resolution_hours = 24


class World:
    """Two grids (A and B) with a steward each, a general steward, a manager, an official, an editor,
    a partner and a resident; a household in each grid and a care-roster entry in grid A."""

    def __init__(self):
        community = CommunityFactory()
        self.grid_a = GridFactory(community=community, number=1, name="第1网格")
        self.grid_b = GridFactory(community=community, number=2, name="第2网格")
        self.unit_a = UnitFactory(building=BuildingFactory(grid=self.grid_a, number=1))
        self.unit_b = UnitFactory(building=BuildingFactory(grid=self.grid_b, number=2))
        self.household_a = HouseholdFactory(unit=self.unit_a, room="301", head_name="张三丰", phone="13812341234")
        self.household_b = HouseholdFactory(unit=self.unit_b, room="502", head_name="李四", phone="13998765432")
        self.care_a = CareRecipientFactory(household=self.household_a)
        self.users = {
            "anonymous": None,
            "resident": user_with_role("resident"),
            "partner": user_with_role("partner", roles.PARTNER),
            "steward_a": user_with_role("steward_a", roles.STEWARD),
            "steward_b": user_with_role("steward_b", roles.STEWARD),
            "general": user_with_role("general", roles.GENERAL_STEWARD),
            "manager": user_with_role("manager", roles.MANAGER),
            "official": user_with_role("official", roles.OFFICIAL),
            "editor": user_with_role("editor", roles.EDITOR),
        }
        self.steward_a = StewardFactory(user=self.users["steward_a"], name="王红梅", grids=[self.grid_a])
        self.steward_b = StewardFactory(user=self.users["steward_b"], name="李建国", grids=[self.grid_b])
        self.general = StewardFactory(user=self.users["general"], name="周明", kind=Steward.Kind.GENERAL)
        self.category = Category.objects.create(
            code="water-leak", name="水管漏水", response_hours=2, resolution_hours=24
        )
        self.order_a = submit_request(self, self.unit_a, name="张三丰", phone="13812341234", room="301")
        self.order_b = submit_request(self, self.unit_b, name="李四", phone="13998765432", room="502")


def submit_request(world, unit, *, name="王五", phone="13700001111", room="101", description="厨房水管漏水", **kwargs):
    return workorder_services.submit(
        workorder_services.Submission(
            category=world.category,
            name=name,
            phone=phone,
            description=description,
            building=unit.building,
            unit=unit.number,
            room=room,
            **kwargs,
        )
    )


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
    return workorder_services.Submission(**data)
