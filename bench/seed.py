"""Seed the benchmark database: 2,000 pages, 500 services, 100,000 requests, 100,000 search documents.

Run by bench.run inside the benchmark's own PostgreSQL (`python -m bench.seed`); idempotent per
volume (counts what exists and adds the rest). Pages go through Wagtail (tree, search index);
requests and search documents are bulk-inserted in batches, with a tqdm progress bar each.
"""

import os
import random
import sys
from datetime import timedelta

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402
from tqdm import tqdm  # noqa: E402

PAGES = int(os.environ.get("BENCH_PAGES", 2000))
SERVICES = int(os.environ.get("BENCH_SERVICES", 500))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", 100_000))
DOCUMENTS = int(os.environ.get("BENCH_SEARCH_DOCUMENTS", 100_000))

WORDS = (
    "党建引领 红色物业 微网格 红管家 停水 通知 电梯 维修 公益食堂 助老 理发 讲堂 学区 政策 垃圾分类 "
    "消防 安全 志愿者 党员 议事 协商 小区 楼长 绿化 停车 充电桩 供暖 缴费 快递 门禁 监控 民呼我应"
).split()


def text(rng, n):
    return "".join(rng.choice(WORDS) for _ in range(n))


def publish_child(parent, page):
    page.live = True
    page.first_published_at = page.last_published_at = timezone.now()
    parent.add_child(instance=page)
    return page


def ensure_tree():
    from cms.core.models import BrandSettings
    from cms.events.models import EventIndexPage
    from cms.home.demo import ensure_home_page
    from cms.news.models import NewsIndexPage
    from cms.services.models import ServiceCategoryPage, ServiceIndexPage

    home, site = ensure_home_page()
    brand = BrandSettings.for_site(site)
    brand.brand_name = brand.brand_name or "枝叶关情 潍美家园"
    brand.hotline = brand.hotline or "0536-8888 1234"
    brand.save()
    if site.hostname != "127.0.0.1" or site.port != 80:
        site.hostname, site.port = "127.0.0.1", 80
        site.save()

    def child(model, **fields):
        found = model.objects.child_of(home).filter(slug=fields["slug"]).first()
        return found or publish_child(home, model(**fields))

    news = child(NewsIndexPage, title="新闻动态", slug="news")
    events = child(EventIndexPage, title="活动报名", slug="events")
    services = child(ServiceIndexPage, title="社区服务", slug="services")
    categories = list(ServiceCategoryPage.objects.child_of(services))
    for i in range(len(categories), 10):
        categories.append(publish_child(services, ServiceCategoryPage(title=f"服务类别{i + 1}", slug=f"cat-{i + 1}")))
    return {"home": home, "news": news, "events": events, "services": services, "categories": categories}


def seed_pages(tree, rng):
    from wagtail.models import Page

    from cms.events.models import EventPage
    from cms.news.models import NewsPage
    from cms.services.models import ServicePage

    have_services = ServicePage.objects.count()
    have_other = Page.objects.filter(depth__gt=1).count() - have_services
    todo_services = max(0, SERVICES - have_services)
    todo_other = max(0, PAGES - have_other)
    now = timezone.now()
    with tqdm(total=todo_services + todo_other, desc="pages", unit="page", file=sys.stdout) as bar:
        for i in range(todo_services):
            with transaction.atomic():
                category = tree["categories"][i % len(tree["categories"])]
                publish_child(
                    category,
                    ServicePage(
                        title=f"{text(rng, 2)}服务{have_services + i + 1}",
                        slug=f"svc-{have_services + i + 1}",
                        contact_phone="0536-8888 1234",
                        address="圣菲漫步小区党群服务站",
                        listing_summary=text(rng, 6),
                    ),
                )
            bar.update()
        for i in range(todo_other):
            with transaction.atomic():
                n = have_other + i + 1
                if i % 20 == 0:
                    start = now + timedelta(days=rng.randint(-60, 60), hours=rng.randint(8, 18))
                    page = EventPage(
                        title=f"{text(rng, 2)}活动{n}",
                        slug=f"event-{n}",
                        start=start,
                        end=start + timedelta(hours=2),
                        place="圣菲漫步党群服务站",
                        capacity=rng.choice([20, 50, 100]),
                        listing_summary=text(rng, 6),
                    )
                    publish_child(tree["events"], page)
                else:
                    page = NewsPage(
                        title=f"{text(rng, 3)}{n}",
                        slug=f"news-{n}",
                        date=(now - timedelta(days=rng.randint(0, 700))).date(),
                        listing_summary=text(rng, 8),
                    )
                    publish_child(tree["news"], page)
            bar.update()


def seed_requests(rng):
    from portal.grids.models import Building, Community, Grid
    from portal.workorders.models import Category, WorkOrder

    categories = list(Category.objects.all())
    if not categories:
        for code, name, kind in (
            ("water-leak", "水管漏水", Category.Kind.REPAIR_IN_HOME),
            ("elevator", "电梯故障", Category.Kind.PUBLIC_AREA),
            ("noise", "噪音投诉", Category.Kind.COMPLAINT),
            ("suggestion", "意见建议", Category.Kind.SUGGESTION),
        ):
            categories.append(Category.objects.create(code=code, name=name, kind=kind))
    buildings = list(Building.objects.select_related("grid"))
    if not buildings:
        community = Community.objects.first() or Community.objects.create(name="圣菲漫步", slug="shengfei")
        grids = [
            Grid.objects.get_or_create(community=community, number=g + 1, defaults={"name": f"第{g + 1}网格"})[0]
            for g in range(8)
        ]
        for b in range(40):
            Building.objects.get_or_create(community=community, number=b + 1, defaults={"grid": grids[b % len(grids)]})
        buildings = list(Building.objects.select_related("grid"))
    have = WorkOrder.objects.filter(number__startswith="BN").count()
    todo = max(0, REQUESTS - have)
    statuses = [s for s, _ in WorkOrder.Status.choices]
    now = timezone.now()
    batch = 2000
    with tqdm(total=todo, desc="requests", unit="req", file=sys.stdout) as bar:
        for start in range(0, todo, batch):
            rows = []
            for i in range(start, min(todo, start + batch)):
                n = have + i + 1
                building = rng.choice(buildings)
                category = rng.choice(categories)
                at = now - timedelta(minutes=rng.randint(0, 365 * 24 * 60))
                rows.append(
                    WorkOrder(
                        number=f"BN{n:08d}",
                        category=category,
                        status=rng.choice(statuses),
                        channel=WorkOrder.Channel.WEB,
                        name="居民",
                        phone=f"138{rng.randint(0, 99_999_999):08d}",
                        building=building,
                        grid=building.grid,
                        room=f"{rng.randint(1, 30)}0{rng.randint(1, 4)}",
                        description=text(rng, 10),
                        submitted_at=at,
                        response_due=at + timedelta(hours=category.response_hours or 2),
                        resolution_due=at + timedelta(hours=category.resolution_hours or 48),
                        consent_at=at,
                    )
                )
            WorkOrder.objects.bulk_create(rows)
            bar.update(len(rows))


def seed_documents(rng):
    """Top the search index up to DOCUMENTS entries with real documents (bulk, one SQL insert each batch)."""
    from wagtail.documents.models import Document
    from wagtail.search.models import IndexEntry

    have = IndexEntry.objects.count()
    todo = max(0, DOCUMENTS - have)
    content_type = ContentType.objects.get_for_model(Document)
    batch = 5000
    table = IndexEntry._meta.db_table
    with tqdm(total=todo, desc="search documents", unit="doc", file=sys.stdout) as bar:
        for start in range(0, todo, batch):
            size = min(batch, todo - start)
            docs = Document.objects.bulk_create(
                [
                    Document(
                        title=f"{text(rng, 4)}资料{have + start + i}", file=f"documents/bench-{have + start + i}.pdf"
                    )
                    for i in range(size)
                ]
            )
            ids = [d.pk for d in docs]
            with connection.cursor() as cursor:
                cursor.execute(
                    f"INSERT INTO {table} (content_type_id, object_id, title, autocomplete, body, title_norm,"  # noqa: S608
                    " title_text, body_text) SELECT %s, d.id::text, to_tsvector('simple', d.title),"
                    " to_tsvector('simple', d.title), to_tsvector('simple', d.title), 1.0, d.title, d.title"
                    " FROM wagtaildocs_document d WHERE d.id = ANY(%s) ON CONFLICT DO NOTHING",
                    [content_type.pk, ids],
                )
            bar.update(size)


def seed_staff():
    """A staff API key for the worklist benchmark; written where bench.run reads it."""
    from portal.workorders.models import ApiToken

    user, _ = get_user_model().objects.get_or_create(
        username="bench-manager", defaults={"is_staff": True, "is_superuser": True}
    )
    _token, raw = ApiToken.issue(user, "bench")
    return raw


def main():
    rng = random.Random(8)
    tree = ensure_tree()
    seed_pages(tree, rng)
    seed_requests(rng)
    seed_documents(rng)
    token_file = os.environ.get("BENCH_TOKEN_FILE")
    if token_file:
        with open(token_file, "w") as handle:
            handle.write(seed_staff())
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    print("seeded", flush=True)


if __name__ == "__main__":
    main()
