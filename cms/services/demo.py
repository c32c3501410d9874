"""Demo: the service directory (canteen, elderly care, cleaning, family doctor) with three partners,
structured opening hours and the canteen's weekly menu."""

import secrets
from datetime import time

from django.contrib.auth import get_user_model

from cms.core.demo_helpers import child_page, stream
from cms.core.demo_images import listing_picture
from cms.home.demo import ensure_home_page
from portal.demo.registry import step
from portal.grids.models import Community
from portal.partners import services as partner_services
from portal.partners.models import Partner, PartnerMembership

from .models import OpeningHours, ServiceCategoryPage, ServiceIndexPage, ServicePage

PARTNERS = [
    ("partner_canteen", "圣菲漫步公益食堂", "公益食堂", "王师傅", "13900000001"),
    ("partner_care", "乐龄居家养老服务中心", "居家养老、家庭医生", "李娟", "13900000002"),
    ("partner_clean", "洁家家政服务有限公司", "家政保洁、定制保洁", "赵敏", "13900000003"),
]

PICTURES = {"canteen": "canteen", "elderly-care": "care", "housekeeping": "cleaning", "family-doctor": "doctor"}

CATEGORIES = [
    ("canteen", "公益食堂", "为老人和居民提供实惠、卫生的午餐和晚餐。"),
    ("elderly-care", "居家养老", "助餐、助洁、助浴、陪诊，让老人在家门口安享晚年。"),
    ("housekeeping", "家政 / 定制保洁", "日常保洁、深度保洁、开荒保洁，按需定制。"),
    ("family-doctor", "家庭医生", "家庭医生签约、慢病随访、健康咨询。"),
]

WEEKDAYS_MON_FRI = range(5)

MENU = stream(
    *[
        ("day", {"weekday": str(day), "lunch": lunch, "dinner": dinner, "price": "老人 ¥8 / 其他居民 ¥12"})
        for day, lunch, dinner in [
            (0, ["红烧肉", "清炒油菜", "西红柿鸡蛋汤", "米饭"], ["馒头", "小米粥", "凉拌黄瓜"]),
            (1, ["潍坊肉火烧", "白菜豆腐", "紫菜汤"], ["面条", "炒土豆丝"]),
            (2, ["鱼香肉丝", "蒜蓉西兰花", "米饭"], ["水饺"]),
            (3, ["土豆炖牛肉", "炒芹菜", "米饭"], ["馒头", "玉米粥", "拌海带"]),
            (4, ["鸡腿", "麻婆豆腐", "冬瓜汤", "米饭"], ["包子", "绿豆汤"]),
            (5, ["朝天锅", "炒时蔬"], []),
            (6, ["打卤面", "凉拌菜"], []),
        ]
    ]
)

LISTINGS = [
    dict(
        category="canteen",
        slug="sfmb-canteen",
        partner="圣菲漫步公益食堂",
        title="圣菲漫步公益食堂",
        listing_summary="60岁以上老人午餐8元，其他居民12元。",
        description="<p>位于党群服务站一楼，每天供应午餐和晚餐，可为行动不便的老人送餐上门。</p>",
        prices=[("老人午餐", "8元", "凭老年证"), ("居民午餐", "12元", ""), ("送餐上门", "2元/次", "限本小区")],
        contact_name="王师傅",
        contact_phone="0536-8888 2001",
        address="圣菲漫步党群服务站一楼",
        eligibility="圣菲漫步及周边小区居民；60岁以上老人凭老年证享受优惠。",
        hours=[(d, time(10, 30), time(19, 0)) for d in range(7)],
        hours_note="法定节假日照常营业。",
        menu=True,
    ),
    dict(
        category="elderly-care",
        slug="home-care",
        partner="乐龄居家养老服务中心",
        title="居家养老上门服务",
        listing_summary="助餐、助洁、助浴、陪诊，红管家协助预约。",
        description="<p>专业护理员上门，为独居、高龄老人提供生活照料和精神慰藉。</p>",
        prices=[("助洁 1 小时", "40元", ""), ("助浴 1 次", "60元", ""), ("陪诊半天", "80元", "")],
        contact_name="李娟",
        contact_phone="0536-8888 2002",
        address="圣菲漫步 3 号楼底商",
        eligibility="60岁以上老人，独居、困难老人优先。",
        hours=[(d, time(8), time(17, 30)) for d in WEEKDAYS_MON_FRI],
        hours_note="周末可预约。",
    ),
    dict(
        category="family-doctor",
        slug="family-doctor",
        partner="乐龄居家养老服务中心",
        title="家庭医生签约服务",
        listing_summary="社区家庭医生团队签约，慢病随访、健康咨询。",
        description="<p>与社区卫生服务中心合作，每周二、四在党群服务站坐诊。</p>",
        prices=[("基础签约", "免费", "医保政策内"), ("上门随访", "30元/次", "")],
        contact_name="社区卫生服务中心",
        contact_phone="0536-8888 2003",
        address="党群服务站二楼",
        eligibility="辖区常住居民。",
        hours=[(1, time(8, 30), time(11, 30)), (3, time(8, 30), time(11, 30))],
    ),
    dict(
        category="housekeeping",
        slug="custom-cleaning",
        partner="洁家家政服务有限公司",
        title="定制保洁",
        listing_summary="日常保洁、深度保洁、开荒保洁，按需定制。",
        description="<p>持证保洁员，自带工具和环保清洁剂，服务后由业主评价。</p>",
        prices=[("日常保洁 2 小时", "80元", ""), ("深度保洁 100㎡", "360元", ""), ("油烟机清洗", "120元", "")],
        contact_name="赵敏",
        contact_phone="0536-8888 2004",
        address="",
        eligibility="圣菲漫步、卡纳圣菲业主。",
        hours=[(d, time(8), time(18)) for d in range(7)],
    ),
]


def _partners(ctx):
    User = get_user_model()
    found = {}
    for username, name, kind, contact, phone in PARTNERS:
        user, created = User.objects.get_or_create(username=username, defaults={"first_name": contact})
        if created or ctx.password:
            user.set_password(ctx.password or secrets.token_urlsafe(16))
            user.save()
        partner, _ = Partner.objects.get_or_create(
            name=name, defaults={"service_kind": kind, "contact_name": contact, "contact_phone": phone}
        )
        PartnerMembership.objects.get_or_create(user=user, defaults={"partner": partner})
        if not partner.is_approved:
            partner_services.approve(partner, ctx.admin)
        found[name] = partner
    return found


@step(230, "service directory and partners")
def load_services(ctx):
    home, _site = ensure_home_page()
    partners = _partners(ctx)
    index, _ = child_page(
        home, ServiceIndexPage, "services", title="社区服务", listing_summary="公益食堂、居家养老、家政保洁、家庭医生。"
    )
    categories = {
        slug: child_page(
            index,
            ServiceCategoryPage,
            slug,
            title=title,
            listing_summary=summary,
            **listing_picture(PICTURES[slug]),
        )[0]
        for slug, title, summary in CATEGORIES
    }
    community = Community.objects.filter(name="圣菲漫步").first()
    for spec in LISTINGS:
        spec = dict(spec)
        category = spec.pop("category")
        parent = categories[category]
        slug = spec.pop("slug")
        if ServicePage.objects.child_of(parent).filter(slug=slug).exists():
            continue
        hours = spec.pop("hours")
        page = ServicePage(
            slug=slug,
            partner=partners[spec.pop("partner")],
            prices=stream(*[("price", {"item": i, "price": p, "note": n}) for i, p, n in spec.pop("prices")]),
            weekly_menu=MENU if spec.pop("menu", False) else "[]",
            **listing_picture(PICTURES[category]),
            **spec,
        )
        for weekday, opens, closes in hours:
            page.opening_hours.add(OpeningHours(weekday=weekday, opens=opens, closes=closes))
        parent.add_child(instance=page)
        if community is not None:
            page.service_area.add(community)
        page.save_revision().publish()
    ctx.objects["service_index"] = index


@step(310, "booking form of the service directory")
def load_booking_page(ctx):
    """Service pages show 预约/咨询 once the brand settings name the booking form (made at step 300)."""
    from cms.core.models import BrandSettings
    from cms.forms.models import RequestFormPage

    home, site = ensure_home_page()
    brand = BrandSettings.for_site(site)
    if brand.booking_page_id is None:
        form = RequestFormPage.objects.live().filter(locale=home.locale, is_service_booking=True).first()
        if form is not None:
            brand.booking_page = form
            brand.save(update_fields=["booking_page"])
