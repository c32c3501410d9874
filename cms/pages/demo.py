"""Demo: brand and party-building pages with the company's honours (from the customer's story)."""

from cms.core.demo_helpers import child_page, stream
from cms.core.demo_images import listing_picture
from cms.home.demo import ensure_home_page
from portal.demo.registry import step

from .models import StandardPage

PARTY_BODY = [
    (
        "rich_text",
        "<h2>围绕服务抓党建，抓好党建促治理</h2>"
        "<p>博悦物业党支部自2020年7月成立以来，在潍城区委组织部、潍城区住建局、北关街道党工委的指导下，"
        "在圣菲漫步小区建起“家门口”党群服务站。党支部定期在“近邻议事厅”召开党群联席会，"
        "引导业主协调解决家中事和小区事，实现“邻里事、邻里议、邻里定”。</p>",
    ),
    (
        "statistics",
        {
            "heading": "服务成效",
            "items": [
                {"value": "90%+", "label": "物业服务满意率", "unit": ""},
                {"value": "9480", "label": "累计报事报修", "unit": "件"},
                {"value": "9000+", "label": "已解决", "unit": "件"},
                {"value": "8", "label": "微网格 · 专职红管家", "unit": "个"},
            ],
        },
    ),
    (
        "card_grid",
        {
            "heading": "荣誉",
            "cards": [
                {
                    "title": "鸢都红管家 先进党组织",
                    "text": "公司党支部被评为潍坊市物业服务行业“鸢都红管家”先进党组织。",
                    "image": None,
                    "link": {"text": "", "page": None, "external_url": ""},
                },
                {
                    "title": "齐鲁红色物业 星级服务企业",
                    "text": "7月28日，公司被认定为山东省首批“齐鲁红色物业”星级服务企业。",
                    "image": None,
                    "link": {"text": "", "page": None, "external_url": ""},
                },
                {
                    "title": "绿色智慧住区示范项目",
                    "text": "圣菲漫步2017年获评山东省绿色智慧住区示范项目，2018年通过二星级验收。",
                    "image": None,
                    "link": {"text": "", "page": None, "external_url": ""},
                },
            ],
        },
    ),
    (
        "quote",
        {
            "quote": "通过这款APP，我们不管是购买物品，还是参加社区的线上活动，都非常便捷，这才是我想要的社区生活。",
            "attribution": "圣菲漫步业主 王先生",
        },
    ),
]

GRID_BODY = [
    (
        "rich_text",
        "<h2>“微网格”红管家</h2><p>圣菲漫步小区共8个微网格，对应8个专职红管家，另有4名综合管家配合协调。"
        "红管家担任网格长，监督网格内秩序维护、环境保洁、绿化养护等基础服务质量，"
        "每季度对常住业主至少走访1次，上门问需问计问效。</p>",
    ),
    (
        "faq",
        {
            "heading": "常见问题",
            "items": [
                {
                    "question": "怎么找到我的红管家？",
                    "answer": "<p>按楼栋查找所在微网格，页面会显示红管家的工作电话。</p>",
                },
                {
                    "question": "独居老人有人照看吗？",
                    "answer": "<p>红管家对孤寡老人、困难群众常态化联系帮扶，节日上门慰问。</p>",
                },
            ],
        },
    ),
]


@step(200, "brand and party-building pages")
def load_brand_pages(ctx):
    home, _site = ensure_home_page()
    party, _ = child_page(
        home,
        StandardPage,
        "party-building",
        title="党建引领",
        listing_summary="党支部引领，“枝叶关情 潍美家园”红色物业服务品牌。",
        **listing_picture("party"),
        body=stream(*PARTY_BODY),
    )
    child_page(
        party,
        StandardPage,
        "micro-grids",
        title="“微网格”红管家服务",
        listing_summary="8个微网格、8名专职红管家、4名综合管家。",
        **listing_picture("buildings"),
        body=stream(*GRID_BODY),
    )
    ctx.objects["party_page"] = party
