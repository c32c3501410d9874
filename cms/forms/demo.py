"""Demo: the request forms residents fill in (报事报修, 投诉建议, 咨询, 车位, 服务预约), each offering the
request categories of its kinds (made by the requests' demo step just before)."""

from cms.home.demo import ensure_home_page
from portal.demo.registry import step
from portal.workorders.models import Category

from .models import RequestFormPage

K = Category.Kind
FORM_PAGES = [
    (
        "baoshi",
        "报事报修",
        "户内维修和公共区域问题都可以在这里提交，我们会在规定时限内响应。",
        [K.REPAIR_IN_HOME, K.PUBLIC_AREA],
        False,
    ),
    ("tousu-jianyi", "投诉建议", "您的意见是我们改进的动力。", [K.COMPLAINT, K.SUGGESTION], False),
    ("zixun", "咨询", "有疑问请留言，管家会尽快答复。", [K.ENQUIRY], False),
    ("chewei", "车位", "车位占用、租用、乱停车都可以在这里反映。", [K.PARKING], False),
    ("fuwu-yuyue", "服务预约", "预约公益食堂、居家养老、家政保洁和家庭医生服务。", [K.SERVICE_BOOKING], True),
]
PRIVACY = "<p>我们只收集处理诉求所需的姓名、电话和地址，仅用于本次服务，办结一年后删除。</p>"


@step(305, "request forms")
def load_forms(ctx):
    home, _site = ensure_home_page()
    categories = list(Category.objects.filter(active=True))
    for slug, title, intro, kinds, booking in FORM_PAGES:
        if RequestFormPage.objects.filter(slug=slug, locale=home.locale).exists():
            continue
        page = RequestFormPage(
            title=title,
            slug=slug,
            intro=f"<p>{intro}</p>",
            privacy_notice=PRIVACY,
            is_service_booking=booking,
            locale=home.locale,
        )
        home.add_child(instance=page)
        page.categories.set([c for c in categories if c.kind in kinds])
        page.save_revision().publish()
