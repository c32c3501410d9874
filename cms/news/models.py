"""News: an index (paginated, newest first) and articles with a category and tags."""

from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from cms.core.blocks import BodyStreamBlock
from cms.core.models import BasePage
from cms.core.models.mixins import with_listing_images


@register_snippet
class NewsCategory(TranslatableMixin, models.Model):
    name = models.CharField(_("name"), max_length=50, help_text=_("For example 党建动态 or 社区通知."))
    slug = models.SlugField(_("slug"), max_length=50, allow_unicode=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta(TranslatableMixin.Meta):
        unique_together = [("translation_key", "locale"), ("locale", "slug"), ("locale", "name")]
        verbose_name = _("news category")
        verbose_name_plural = _("news categories")
        ordering = ["name"]

    def __str__(self):
        return self.name


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsIndexPage(BasePage):
    per_page = 10

    parent_page_types = ["home.HomePage"]
    subpage_types = ["news.NewsPage"]
    max_count_per_parent = 1
    template = "pages/news_index_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = (
            NewsPage.objects.live()
            .public()
            .child_of(self)
            .select_related("category")
            # What the list shows and links to; a page object with all ~40 columns costs more to build.
            .only(
                "title",
                "url_path",
                "path",
                "depth",
                "date",
                "listing_summary",
                "category",
                "category__name",
                "listing_image",
            )
            .order_by("-date", "-pk")
        )
        articles = with_listing_images(articles)
        category = request.GET.get("category", "")
        if category:
            articles = articles.filter(category__slug=category)
        tag = request.GET.get("tag", "")
        if tag:
            articles = articles.filter(tags__name=tag)
        categories = list(NewsCategory.objects.filter(locale_id=self.locale_id))  # the page's language
        paginator = Paginator(articles, self.per_page)
        context["articles"] = paginator.get_page(request.GET.get("page"))
        context["categories"] = categories
        context["current_category"] = category
        context["current_tag"] = tag
        return context

    class Meta:
        verbose_name = _("news index")


class NewsPage(BasePage):
    date = models.DateField(
        _("date"), default=timezone.localdate, help_text=_("Shown on the article; lists sort by it.")
    )
    category = models.ForeignKey(
        NewsCategory,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("category"),
    )
    tags = ClusterTaggableManager(
        through=NewsPageTag, blank=True, verbose_name=_("tags"), help_text=_("Keywords, separated by commas.")
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel([FieldPanel("date"), FieldPanel("category"), FieldPanel("tags")], heading=_("Article")),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("category", [index.SearchField("name")]),
    ]
    api_fields = [
        *BasePage.api_fields,
        APIField("date"),
        APIField("category_name"),
        APIField("tag_names"),
        APIField("body"),
    ]

    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    template = "pages/news_page.html"

    @property
    def category_name(self):
        return self.category.name if self.category else ""

    @property
    def tag_names(self):
        return [tag.name for tag in self.tags.all()]

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")
        # Serves the listings' ORDER BY date DESC, pk DESC: PostgreSQL walks the index and stops
        # after a page of live articles instead of sorting every article (docs/performance.md).
        indexes = [models.Index(fields=["-date", "-page_ptr"], name="news_newspage_date_listing")]
