from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    name = "cms.news"
    label = "news"
    verbose_name = _("News")

    def ready(self):
        from cms.core.blocks.dynamic import register_live_list
        from cms.core.workflows import review_pages

        from .live_lists import latest_news
        from .models import NewsIndexPage

        review_pages(NewsIndexPage)
        register_live_list("latest_news", latest_news)
