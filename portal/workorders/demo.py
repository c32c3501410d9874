"""Demo: request categories with SLA targets and 12 months of requests for 圣菲漫步.

Every request is created and moved through `services` (so numbers, audit trail, ratings and
satisfaction are consistent), with notifications off: history is not texted to anyone.
About 2,400 requests at scale 1, satisfaction a little above 90%.
"""

import random
from datetime import timedelta

from django.utils import timezone

from portal.demo.registry import step
from portal.grids.models import Building, Community, Steward

from . import services
from .models import Category, WorkOrder

K = Category.Kind
# code, name, kind, emergency, response h, resolution h, weight, descriptions
CATEGORIES = [
    (
        "water-leak",
        "水管漏水",
        K.REPAIR_IN_HOME,
        False,
        2,
        24,
        14,
        ["厨房水管接头漏水，地面有积水。", "卫生间水龙头关不严，一直滴水。", "楼上渗水，天花板有水印。"],
    ),
    (
        "wall-crack",
        "墙面裂缝",
        K.REPAIR_IN_HOME,
        False,
        4,
        72,
        7,
        ["客厅墙面出现裂缝，越来越长。", "卧室墙角开裂掉皮。"],
    ),
    (
        "blocked-drain",
        "下水堵塞",
        K.REPAIR_IN_HOME,
        False,
        2,
        24,
        12,
        ["卫生间下水堵塞，水排不下去。", "厨房水池下水很慢，有异味。"],
    ),
    (
        "electrical",
        "电路故障",
        K.REPAIR_IN_HOME,
        False,
        2,
        24,
        6,
        ["家里插座没电，空气开关一直跳。", "楼道灯开关坏了。"],
    ),
    ("burst-pipe", "水管爆裂", K.REPAIR_IN_HOME, True, 1, 6, 1, ["暖气管爆裂，水流不止！"]),
    ("gas-smell", "燃气异味", K.REPAIR_IN_HOME, True, 1, 4, 1, ["厨房有燃气味，已关闭阀门开窗。"]),
    ("street-light", "路灯不亮", K.PUBLIC_AREA, False, 4, 48, 8, ["小区东门路灯晚上不亮。", "中心花园路灯闪烁。"]),
    ("lift-fault", "电梯故障", K.PUBLIC_AREA, False, 1, 12, 6, ["电梯按键失灵，到不了高层。", "电梯运行有异响。"]),
    ("lift-trapped", "电梯困人", K.PUBLIC_AREA, True, 1, 2, 1, ["电梯停在两层之间，有人被困！"]),
    (
        "public-drain",
        "公共管道堵塞",
        K.PUBLIC_AREA,
        False,
        4,
        48,
        5,
        ["单元门口雨水井堵塞，下雨积水。", "地下车库排水沟堵了。"],
    ),
    (
        "greenery",
        "绿化与卫生",
        K.PUBLIC_AREA,
        False,
        8,
        72,
        5,
        ["楼下垃圾桶满了没人清理。", "绿化带杂草太高，请修剪。"],
    ),
    (
        "parking",
        "车位问题",
        K.PARKING,
        False,
        4,
        72,
        7,
        ["我的车位被别人长期占用。", "想申请租用地下车位。", "小区门口乱停车，堵住消防通道。"],
    ),
    ("complaint", "服务投诉", K.COMPLAINT, False, 4, 72, 4, ["楼上晚上装修噪音太大。", "维修师傅约好时间没来。"]),
    (
        "suggestion",
        "意见建议",
        K.SUGGESTION,
        False,
        24,
        168,
        4,
        ["建议在中心花园增加几把休息椅。", "建议增设电动车充电桩。"],
    ),
    ("enquiry", "咨询", K.ENQUIRY, False, 8, 48, 4, ["物业费可以线上缴纳吗？", "装修需要办理什么手续？"]),
    (
        "booking",
        "服务预约",
        K.SERVICE_BOOKING,
        False,
        8,
        72,
        5,
        ["预约家政保洁，周六上午。", "预约家庭医生上门量血压。"],
    ),
]

SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
TITLES = ["先生", "女士", "阿姨", "大爷", "老师"]
CHANNELS = [
    (WorkOrder.Channel.WEB, 50),
    (WorkOrder.Channel.APP, 22),
    (WorkOrder.Channel.PHONE, 18),
    (WorkOrder.Channel.VISIT, 7),
    (WorkOrder.Channel.HOTLINE, 3),
]
REQUESTS_PER_YEAR = 2400


#: What English visitors read for each category (Category.name_en).
ENGLISH_NAMES = {
    "water-leak": "Leaking water pipe",
    "wall-crack": "Crack in a wall",
    "blocked-drain": "Blocked drain",
    "electrical": "Electrical fault",
    "burst-pipe": "Burst water pipe",
    "gas-smell": "Smell of gas",
    "street-light": "Street light out",
    "lift-fault": "Lift out of order",
    "lift-trapped": "Someone trapped in a lift",
    "public-drain": "Blocked shared drain",
    "greenery": "Green spaces and cleanliness",
    "parking": "Parking",
    "complaint": "Complaint about our service",
    "suggestion": "Suggestion",
    "enquiry": "Question",
    "booking": "Service booking",
}


def ensure_categories():
    categories = {}
    for order, (code, name, kind, emergency, response, resolution, _w, _d) in enumerate(CATEGORIES):
        category, _created = Category.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "name_en": ENGLISH_NAMES.get(code, ""),
                "kind": kind,
                "is_emergency": emergency,
                "response_hours": response,
                "resolution_hours": resolution,
                "sort_order": order * 10,
            },
        )
        if not category.name_en and ENGLISH_NAMES.get(code):  # a demo loaded before English names existed
            category.name_en = ENGLISH_NAMES[code]
            category.save(update_fields=["name_en"])
        categories[code] = category
    return categories


@step(300, "request categories")
def load_categories(ctx):
    ensure_categories()


def _resident(rng):
    return rng.choice(SURNAMES) + rng.choice(TITLES), f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"


@step(310, "12 months of requests")
def load_requests(ctx):
    categories = ensure_categories()
    community = Community.objects.filter(slug="shengfei-manbu").first()
    buildings = list(Building.objects.filter(community=community).select_related("grid"))
    stewards = {s.pk: s for s in Steward.objects.filter(active=True).select_related("user").prefetch_related("grids")}
    if not buildings or not stewards:
        return
    by_grid = {}
    for steward in stewards.values():
        for grid in steward.grids.all():
            if steward.kind == Steward.Kind.GRID:
                by_grid.setdefault(grid.pk, steward)
    general = [s for s in stewards.values() if s.kind == Steward.Kind.GENERAL] or list(stewards.values())
    manager = ctx.admin
    rng = random.Random(2026)
    weights = [c[6] for c in CATEGORIES]
    count = ctx.scaled(REQUESTS_PER_YEAR, minimum=20)
    now = timezone.now()
    if WorkOrder.objects.filter(idempotency_key=f"demo-{count - 1}").exists():
        return  # already loaded at this scale
    for i in range(count):
        spec = rng.choices(CATEGORIES, weights)[0]
        category = categories[spec[0]]
        building = rng.choice(buildings)
        name, phone = _resident(rng)
        age_days = (1 - i / count) * 365  # oldest first
        submitted = now - timedelta(days=age_days, minutes=rng.randrange(600))
        public = category.is_public_area
        submission = services.Submission(
            category=category,
            name=name,
            phone=phone,
            description=rng.choice(spec[7]),
            building=building,
            unit=None if public else rng.randint(1, building.units),
            room="" if public else f"{rng.randint(1, building.floors)}0{rng.randint(1, 2)}",
            location=f"{building.number}号楼附近" if public else "",
            channel=rng.choices([c for c, _w in CHANNELS], [w for _c, w in CHANNELS])[0],
            idempotency_key=f"demo-{i}",
            entered_by=manager if rng.random() < 0.25 else None,
            submitted_at=submitted,
        )
        if submission.channel == WorkOrder.Channel.HOTLINE:
            order = services.enter_hotline_order(
                submission,
                ticket=f"WF12345-{submitted:%Y%m%d}-{i:05d}",
                deadline=submitted + timedelta(hours=category.resolution_hours * 2),
                reply_due=submitted + timedelta(days=5),
                notify=False,
            )
        else:
            order = services.submit(submission, notify=False)
        if order.replayed:
            continue
        _history(order, category, building, by_grid, general, manager, rng, submitted, now)
        if submission.channel == WorkOrder.Channel.HOTLINE:
            _hotline_reply(order, manager, random.Random(i), now)


def _hotline_reply(order, manager, rng, now):
    """Most handled 12345 orders are answered back within a day; a few late, the newest not yet."""
    order.refresh_from_db(fields=["resolved_at", "closed_at"])
    handled = order.resolved_at or order.closed_at
    if handled is None:
        return
    at = handled + timedelta(hours=rng.uniform(1, 24) if rng.random() < 0.9 else rng.uniform(100, 160))
    if at < now:
        services.reply_to_hotline(order, text="已联系居民并处理完毕，居民表示满意。", actor=manager, at=at)


def _history(order, category, building, by_grid, general, manager, rng, at, now):
    """Move one request through a realistic life, ending where its age allows."""
    response = category.response_hours
    resolution = category.resolution_hours

    def later(hours):
        nonlocal at
        at = at + timedelta(hours=hours)
        return at if at < now else None

    # Recent requests are still being worked: stop some of them part-way.
    if now - at < timedelta(days=4) and rng.random() < 0.6:
        now = at + timedelta(hours=rng.uniform(0, 8))

    roll = rng.random()
    if roll < 0.02:
        if later(rng.uniform(0.2, response)):
            services.reject(order, actor=manager, note="不属于物业服务范围，已告知居民联系社区。", at=at, notify=False)
        return
    if roll < 0.04 and category.is_public_area:
        original = (
            WorkOrder.objects.filter(category=category, building=building)
            .exclude(pk=order.pk)
            .exclude(status=WorkOrder.Status.DUPLICATE)
            .first()
        )
        if original is not None and later(rng.uniform(0.2, response)):
            services.merge(order, original, actor=manager, at=at, notify=False)
            return
    if category.is_public_area and rng.random() < 0.3:
        for _n in range(rng.randint(1, 4)):
            try:
                services.me_too(order, phone=f"136{rng.randrange(10**8):08d}", at=at)
            except services.WorkflowError:
                break
    # Most are accepted within the target; a few late.
    if not later(rng.uniform(0.1, response * (1.6 if rng.random() < 0.08 else 0.9))):
        return
    services.accept(order, actor=manager, at=at, notify=False)
    steward = by_grid.get(building.grid_id) or rng.choice(general)
    if not later(rng.uniform(0.05, 0.5)):
        return
    services.assign(order, steward, actor=manager, at=at, notify=False)
    if not later(rng.uniform(0.2, 3)):
        return
    services.start(order, actor=steward.user, at=at, notify=False)
    if not later(rng.uniform(0.5, resolution * (1.5 if rng.random() < 0.1 else 0.8))):
        return
    services.resolve(order, actor=steward.user, note="已处理完毕，居民确认。", at=at, notify=False)
    if rng.random() < 0.05 and later(rng.uniform(2, 48)):
        services.reopen(order, resident=True, note="问题又出现了。", at=at, notify=False)
        if not later(rng.uniform(0.5, response)):
            return
        services.assign(order, steward, actor=manager, at=at, notify=False)
        if not later(rng.uniform(1, resolution)):
            return
        services.resolve(order, actor=steward.user, note="再次上门处理。", at=at, notify=False)
    if rng.random() < 0.8:
        if later(rng.uniform(1, 60)):
            satisfied = rng.random() < 0.92
            scores = (
                [rng.choice([4, 5, 5, 5]) for _ in range(3)] if satisfied else [rng.randint(2, 4) for _ in range(3)]
            )
            if not satisfied:
                scores[0] = min(scores[0], 3)
                scores[1] = min(scores[1], 3)
            services.rate(
                order,
                speed=scores[0],
                quality=scores[1],
                attitude=scores[2],
                comment=rng.choice(["", "", "师傅很负责，谢谢！", "处理及时。", "红管家服务好。"])
                if satisfied
                else "处理得有点慢。",
                at=at,
                notify=False,
            )
    elif later(24 * 7):
        services.close(order, actor=manager, note="居民未评价，7 天后自动关闭。", at=at, notify=False)
