import pytest

from portal.workorders.models import Category
from tests.cms.factories import ServiceCategoryPageFactory, ServicePageFactory, make_tree
from tests.factories import World


@pytest.fixture
def world(db, home_page):
    world = World()
    from portal.partners import services as partner_services

    tree = make_tree(home_page)
    care = ServiceCategoryPageFactory(parent=tree["services"], title="居家养老", slug="elderly-care")
    doctor = ServiceCategoryPageFactory(parent=tree["services"], title="家庭医生", slug="family-doctor")
    partner = partner_services.apply(
        world.users["partner"],
        name="乐龄居家养老服务中心",
        service_kind="居家养老",
        contact_name="李娟",
        contact_phone="13900001111",
    )
    partner_services.approve(partner, world.users["manager"])
    world.partner = partner
    world.care_listing = ServicePageFactory(parent=care, title="居家养老上门服务", partner=partner)
    world.doctor_listing = ServicePageFactory(parent=doctor, title="家庭医生签约服务")
    world.canteen_listing = ServicePageFactory(parent=tree["canteen"], title="公益食堂")
    world.booking = Category.objects.create(
        code="booking", name="服务预约", kind=Category.Kind.SERVICE_BOOKING, response_hours=4, resolution_hours=72
    )
    return world
