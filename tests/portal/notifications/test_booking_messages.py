"""A booking of a partner's service: the partner hears of it by SMS, the resident when it is confirmed."""

from portal.notifications.models import Notification
from portal.partners.models import Partner
from portal.workorders import services
from portal.workorders.models import Category
from tests.cms.factories import ServicePageFactory, make_tree
from tests.factories import CategoryFactory, submission


def test_the_partner_hears_of_a_booking_and_the_resident_of_its_confirmation(db, home_page, building):
    partner = Partner.objects.create(
        name="惠民家政",
        service_kind="housekeeping",
        contact_name="王经理",
        contact_phone="13700001111",
        status="approved",
    )
    service = ServicePageFactory(parent=make_tree(home_page)["canteen"], title="定制保洁", partner=partner)
    category = CategoryFactory(code="housekeeping", name="家政保洁", kind=Category.Kind.SERVICE_BOOKING)
    order = services.submit(submission(category, building, service_page=service))
    [to_partner] = Notification.objects.filter(event="booking_received")
    assert to_partner.recipient == "13700001111" and to_partner.channel == "sms"
    assert order.number in to_partner.body and "定制保洁" in to_partner.body
    assert to_partner.params == {"number": order.number, "service": "定制保洁"}

    services.accept(order)
    [confirmed] = Notification.objects.filter(event="booking_confirmed")
    assert confirmed.recipient == "13800001234" and "定制保洁" in confirmed.body and "已确认" in confirmed.body
    assert not Notification.objects.filter(event="accept").exists()  # the booking text, not the repair one
