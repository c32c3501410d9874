"""Demo: news from the customer's story, in two categories with tags."""

from datetime import date

from cms.core.demo_helpers import child_page, stream
from cms.core.demo_images import listing_picture
from cms.home.demo import ensure_home_page
from portal.demo.registry import step

from .models import NewsCategory, NewsIndexPage, NewsPage

ARTICLES = [
    (
        "qilu-red-property",
        "博悦物业获评首批“齐鲁红色物业”星级服务企业",
        date(2022, 7, 28),
        "party",
        ["荣誉", "红色物业"],
        "山东省住房和城乡建设厅认定首批“齐鲁红色物业”星级服务企业，山东博悦物业管理有限公司名列其中。",
    ),
    (
        "research-visit",
        "“齐鲁红色物业”建设调研活动走进潍坊",
        date(2022, 8, 4),
        "party",
        ["调研", "红色物业"],
        "省住建厅联合齐鲁晚报·齐鲁壹点推出的“齐鲁红色物业”建设调研活动第二站走进潍坊，来到圣菲漫步小区。",
    ),
    (
        "half-year-report",
        "上半年处置线上报事报修958条",
        date(2022, 7, 10),
        "notice",
        ["报事报修", "智慧物业"],
        "今年上半年，圣菲漫步小区共处置房屋漏水与裂缝维修、下水道堵塞、车位出入与租赁、公区路灯故障等"
        "线上报事报修958条，来电来访1200余次，应答12345热线工单40余件。",
    ),
    (
        "elderly-visits",
        "高温天里的红管家：上门看望独居老人",
        date(2022, 7, 20),
        "notice",
        ["红管家", "关爱老人"],
        "持续高温天，网格红管家上门看望72岁的庞大爷，每逢周一还与老人外地的儿女通个电话。",
    ),
    (
        "services-extend",
        "物业服务向公益食堂、居家养老延伸",
        date(2022, 8, 10),
        "notice",
        ["公益食堂", "居家养老"],
        "博悦物业将大力推动物业服务向公益食堂、居家养老、家庭医生、定制保洁等民生领域延伸。",
    ),
]


@step(210, "news")
def load_news(ctx):
    home, _site = ensure_home_page()
    index, _ = child_page(home, NewsIndexPage, "news", title="新闻动态", listing_summary="党建动态与社区通知。")
    categories = {
        "party": NewsCategory.objects.get_or_create(slug="party", locale=home.locale, defaults={"name": "党建动态"})[0],
        "notice": NewsCategory.objects.get_or_create(slug="notice", locale=home.locale, defaults={"name": "社区通知"})[
            0
        ],
    }
    pictures = {
        "qilu-red-property": "party",
        "research-visit": "buildings",
        "half-year-report": "repair",
        "elderly-visits": "care",
        "services-extend": "canteen",
    }
    for slug, title, day, category, tags, text in ARTICLES:
        page, created = child_page(
            index,
            NewsPage,
            slug,
            title=title,
            date=day,
            category=categories[category],
            listing_summary=text[:120],
            **listing_picture(pictures[slug]),
            body=stream(("rich_text", f"<p>{text}</p>")),
        )
        if created:
            page.tags.add(*tags)
            page.save_revision().publish()
    ctx.objects["news_index"] = index
