"""The world the authorization matrix runs in: the grids world (two grids, their stewards, a household, a
care-roster entry and a request in each) plus everything else the portal's URLs act on — the branch
secretary, an event with a sign-up, an approved partner with its own listing and another listing, a
request photo, a pending home link, one row of each admin model and an API key for every role."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from cms.core.workflows import ensure_workflows
from cms.events import services as event_services
from cms.news.models import NewsCategory
from portal.accounts import roles
from portal.accounts.models import ResidentProfile
from portal.grids.models import Visit, VisitPlan
from portal.partners import services as partner_services
from portal.partners.models import Partner
from portal.workorders.models import ApiToken
from search.models import Synonym
from tests.cms.factories import EventPageFactory, ServicePageFactory, make_tree
from tests.factories import World, submit_request, user_with_role

ROLES = [
    "anonymous",
    "resident",
    "partner",
    "steward_a",
    "steward_b",
    "general",
    "manager",
    "secretary",
    "official",
    "editor",
]


def jpeg():
    out = io.BytesIO()
    Image.new("RGB", (32, 24), "blue").save(out, format="JPEG")
    return SimpleUploadedFile("p.jpg", out.getvalue(), content_type="image/jpeg")


class MatrixWorld(World):
    def __init__(self, home):
        super().__init__()
        self.users["secretary"] = user_with_role("secretary", roles.SECRETARY)
        tree = make_tree(home)
        ensure_workflows()
        # A request with a photo, so the resident's photo links have something to serve.
        self.order_photo = submit_request(self, self.unit_a, name="赵六", phone="13611112222", photos=[jpeg()])
        self.photo = self.order_photo.photos.get()
        self.event = EventPageFactory(parent=tree["events"])
        self.signup = event_services.sign_up(self.event, name="庞大爷", phone="13812345678")
        # The partner user belongs to an approved partner owning one listing; another listing is not theirs.
        self.partner = partner_services.apply(
            self.users["partner"],
            name="乐龄居家养老服务中心",
            service_kind="居家养老",
            contact_name="李娟",
            contact_phone="13900001111",
        )
        partner_services.approve(self.partner, self.users["manager"])
        self.listing = ServicePageFactory(parent=tree["canteen"], title="乐龄食堂", partner=self.partner)
        self.other_listing = ServicePageFactory(parent=tree["canteen"], title="别家食堂")
        self.pending_partner = Partner.objects.create(
            name="洁家保洁", service_kind="家政", contact_name="孙丽", contact_phone="13700002222"
        )
        self.home_link = ResidentProfile.objects.create(
            user=user_with_role("resident_pending"), household=self.household_b, status=ResidentProfile.Status.PENDING
        )
        self.visit = Visit.objects.create(
            household=self.household_a, steward=self.steward_a, visited_on=timezone.localdate()
        )
        self.plan = VisitPlan.objects.create(steward=self.steward_a, year=2026, quarter=1)
        self.news_category = NewsCategory.objects.create(name="社区通知", slug="notice")
        self.synonym = Synonym.objects.create(terms="老人 长者")
        from portal.notifications.models import Notification, SmsTemplate

        self.notification = Notification.objects.create(
            event="accept", channel="sms", recipient="13800001234", body="x"
        )
        self.sms_template = SmsTemplate.objects.create(kind="accept", template_code="SMS_1")
        self.tokens = {
            role: ApiToken.issue(user, f"matrix {role}")[1] for role, user in self.users.items() if user is not None
        }
        self.api_token = ApiToken.objects.filter(user=self.users["manager"]).get()
