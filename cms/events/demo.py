"""Demo: the 博悦大讲堂 school-district lecture, 近邻议事厅 and 业主恳谈会 meetings with outcomes,
and upcoming events with a few sign-ups (one of them full, with a waiting list)."""

from datetime import datetime, timedelta

from django.utils import timezone

from cms.core.demo_helpers import child_page, stream
from cms.core.demo_images import listing_picture
from cms.core.event_kinds import EventKind
from cms.home.demo import ensure_home_page
from portal.demo.registry import step

from .models import EventIndexPage, EventPage, EventSignup
from .services import SignupError, sign_up

PLACE = "圣菲漫步“家门口”党群服务站"
PICTURES = {
    EventKind.LECTURE: "lecture",
    EventKind.COUNCIL: "buildings",
    EventKind.OWNERS_FORUM: "party",
    EventKind.JOINT_MEETING: "party",
}


def _at(year, month, day, hour):
    return timezone.make_aware(datetime(year, month, day, hour, 0))


def _outcome(*rows):
    return stream(*[("row", {"problem": p, "service": s, "satisfaction": f}) for p, s, f in rows])


PAST = [
    dict(
        slug="school-district-lecture-2022",
        title="博悦大讲堂：学校招生片区划分政策解读",
        kind=EventKind.LECTURE,
        start=_at(2022, 7, 16, 9),
        host="潍城区教育局工作人员",
        audience="圣菲漫步、北京公馆、水清木华、恒信御峰业主",
        listing_summary="区教育局工作人员到“家门口”党群服务站，为业主一对一讲解招生片区划分政策。",
        outcome_summary="区教育局工作人员对相关小区业主进行了一对一政策讲解和求学需求处理，解答了业主心中的疑惑。",
        outcome=_outcome(
            ("业主对学校招生片区划分不理解", "街道、社区邀请区教育局一对一讲解政策", "疑惑当场解答，业主满意"),
            ("个别家庭有特殊求学需求", "现场登记，由教育局跟进处理", "已逐户回复"),
        ),
    ),
    dict(
        slug="council-flying-wires",
        title="近邻议事厅：飞线充电整治",
        kind=EventKind.COUNCIL,
        start=_at(2022, 6, 18, 15),
        host="黄世如（党支部书记）",
        audience="圣菲漫步业主代表、网格红管家",
        listing_summary="邻里事、邻里议、邻里定：电动车飞线充电怎么治。",
        outcome_summary="变问题清单为服务清单、满意清单。",
        outcome=_outcome(
            ("楼道飞线充电有火灾隐患", "增设公区电动车充电桩，红管家逐栋排查", "飞线清零，业主满意"),
            ("充电桩数量不够", "应答12345热线工单，协调配套设施建设", "新增充电位，满意"),
        ),
    ),
    dict(
        slug="owners-forum-heating",
        title="“枝叶关情 潍美家园”业主恳谈会：供暖保障",
        kind=EventKind.OWNERS_FORUM,
        start=_at(2022, 10, 22, 9),
        host="黄林峻（总经理）",
        audience="圣菲漫步全体业主",
        listing_summary="现场处理业主问题、征集业主诉求。",
        outcome_summary="围绕供暖保障、隐患排查等民生实事，现场处理业主问题。",
        outcome=_outcome(
            ("部分楼栋供暖温度偏低", "联系热力公司逐户测温、排气", "室温达标，满意"),
            ("公区路灯故障", "当周更换路灯", "已解决"),
            ("下水道堵塞反复", "疏通并定期巡检", "满意"),
        ),
    ),
]

UPCOMING = [
    dict(
        slug="lecture-elderly-care",
        title="博悦大讲堂：居家养老与家庭医生签约",
        kind=EventKind.LECTURE,
        days=5,
        hour=9,
        host="社区卫生服务中心医生",
        capacity=40,
        audience="60岁以上老人及家属",
        listing_summary="家庭医生讲解签约服务、慢病管理与居家养老。",
    ),
    dict(
        slug="council-parking",
        title="近邻议事厅：车位出入与租赁",
        kind=EventKind.COUNCIL,
        days=9,
        hour=15,
        host="黄世如（党支部书记）",
        capacity=3,
        audience="圣菲漫步业主代表",
        listing_summary="车位出入与租赁问题，邻里一起议。",
    ),
    dict(
        slug="joint-meeting-canteen",
        title="党群联席会：公益食堂开办方案",
        kind=EventKind.JOINT_MEETING,
        days=14,
        hour=14,
        host="北关街道党工委、博悦物业党支部",
        capacity=30,
        audience="社区、街道、业主代表",
        listing_summary="与街道、社区共商公益食堂开办方案。",
    ),
    dict(
        slug="owners-forum-spring",
        title="业主恳谈会：小区环境提升",
        kind=EventKind.OWNERS_FORUM,
        days=21,
        hour=9,
        host="黄林峻（总经理）",
        capacity=80,
        audience="圣菲漫步全体业主",
        listing_summary="征集业主诉求，共建美丽家园。",
    ),
]

AGENDA = stream(
    ("item", {"time": "", "item": "签到"}),
    ("item", {"time": "", "item": "主题讲解 / 议题介绍"}),
    ("item", {"time": "", "item": "业主提问与讨论"}),
    ("item", {"time": "", "item": "形成问题清单、服务清单"}),
)


@step(220, "lectures and forums")
def load_events(ctx):
    home, _site = ensure_home_page()
    index, _ = child_page(
        home, EventIndexPage, "events", title="活动报名", listing_summary="博悦大讲堂、近邻议事厅、业主恳谈会。"
    )
    for spec in PAST:
        spec = dict(spec)
        start = spec.pop("start")
        child_page(
            index,
            EventPage,
            spec.pop("slug"),
            start=start,
            end=start + timedelta(hours=2),
            place=PLACE,
            signup_enabled=False,
            capacity=60,
            agenda=AGENDA,
            **listing_picture(PICTURES.get(spec["kind"], "party")),
            **spec,
        )
    today = timezone.localdate()
    for spec in UPCOMING:
        spec = dict(spec)
        day = today + timedelta(days=spec.pop("days"))
        start = timezone.make_aware(datetime(day.year, day.month, day.day, spec.pop("hour"), 0))
        page, created = child_page(
            index,
            EventPage,
            spec.pop("slug"),
            start=start,
            end=start + timedelta(hours=2),
            place=PLACE,
            agenda=AGENDA,
            **listing_picture(PICTURES.get(spec["kind"], "party")),
            **spec,
        )
    # A full forum with a waiting list, so staff see both states; phones are clearly fictitious.
    council = EventPage.objects.get(slug="council-parking", locale=index.locale)
    if not EventSignup.objects.filter(event=council).exists():
        for number, name in enumerate(["王先生", "程女士", "庞大爷", "李阿姨"], start=1):
            try:
                sign_up(council, name=name, phone=f"1380000{number:04d}", party_size=1)
            except SignupError:  # pragma: no cover - the demo data is valid
                pass
    ctx.objects["event_index"] = index
