"""What the shared "latest news" block lists (registered in `NewsConfig.ready`)."""

from wagtail.models import Locale

from cms.core.models.mixins import CARD, with_listing_images

from .models import NewsIndexPage, NewsPage


def latest_news(value, request):
    articles = NewsPage.objects.live().public().filter(locale=Locale.get_active())
    if value.get("category"):
        articles = articles.filter(category=value["category"])
    articles = with_listing_images(articles.defer_streamfields().select_related("category"), CARD)
    index = NewsIndexPage.objects.live().filter(locale=Locale.get_active()).first()
    return {
        "articles": articles.order_by("-date", "-pk")[: value.get("count") or 3],
        "index_url": index.get_url(request) if index is not None else "",
    }
