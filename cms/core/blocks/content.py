"""Text and media blocks."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock as WagtailTableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

# Accessible rich text: headings h2-h4 only (the page title is the h1).
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link", "hr"]


class LinkValue(blocks.StructValue):
    def url(self):
        page = self.get("page")
        if page:
            # wagtail-localize keeps chosen pages as they are in a translation and leaves the
            # language to the runtime: link to the page in the visitor's language where it exists.
            return page.localized.url
        return self.get("external_url") or ""


class LinkBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Link text"), max_length=40, required=False)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    external_url = blocks.URLBlock(label=_("Other address"), required=False, help_text=_("Only if no page is chosen."))

    def clean(self, value):
        value = super().clean(value)
        has_target = bool(value.get("page") or value.get("external_url"))
        if value.get("text") and not has_target:
            raise blocks.StructBlockValidationError({"page": ValidationError(_("Choose a page or enter an address."))})
        if has_target and not value.get("text"):
            raise blocks.StructBlockValidationError({"text": ValidationError(_("Enter the link text."))})
        return value

    class Meta:
        icon = "link"
        value_class = LinkValue
        label = _("Link")


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=60)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=240)
    image = ImageChooserBlock(label=_("Background image"), required=False)
    link = LinkBlock(label=_("Button"), required=False)

    class Meta:
        icon = "pick"
        group = _("Layout")
        label = _("Hero banner")
        description = _("A large heading with text, image and one button at the top of a page.")
        template = "components/blocks/hero.html"
        preview_value = {"heading": "枝叶关情 潍美家园", "text": "党建引领 红色物业 · 民呼我应"}


class RichTextBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        group = _("Text")
        label = _("Rich text")
        description = _("Paragraphs, headings (h2-h4), lists and links.")
        template = "components/blocks/rich_text.html"
        preview_value = "<h2>党建引领</h2><p>围绕服务抓党建，抓好党建促治理。</p>"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        required=False,
        max_length=200,
        help_text=_("Describe the image for blind readers; leave empty only if decorative."),
    )
    decorative = blocks.BooleanBlock(label=_("Decorative only"), required=False)
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=200)

    def clean(self, value):
        value = super().clean(value)
        if not value.get("decorative") and not value.get("alt_text"):
            raise blocks.StructBlockValidationError(
                {"alt_text": ValidationError(_("Describe the image or mark it as decorative."))}
            )
        return value

    class Meta:
        icon = "image"
        group = _("Media")
        label = _("Image with caption")
        description = _("One image with alternative text and a caption.")
        template = "components/blocks/image.html"


class GalleryBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    images = blocks.ListBlock(ImageBlock(), label=_("Images"), min_num=2, max_num=12)

    class Meta:
        icon = "image"
        group = _("Media")
        label = _("Gallery")
        description = _("Two to twelve images in a grid.")
        template = "components/blocks/gallery.html"


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=60)
    text = blocks.TextBlock(label=_("Text"), required=False, max_length=240)
    link = LinkBlock(label=_("Button"))

    class Meta:
        icon = "order-up"
        group = _("Layout")
        label = _("Call to action")
        description = _("A short invitation with one button, for example to sign up or book.")
        template = "components/blocks/call_to_action.html"
        preview_value = {"heading": "报事报修", "text": "红管家 24 小时响应。", "link": {"text": "立即报修"}}


class FAQItemBlock(blocks.StructBlock):
    question = blocks.CharBlock(label=_("Question"), max_length=200)
    answer = RichTextBlock(label=_("Answer"), features=["bold", "italic", "link", "ul", "ol"])

    class Meta:
        icon = "help"
        label = _("Question and answer")


class FAQBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    items = blocks.ListBlock(FAQItemBlock(), label=_("Questions"), min_num=1, max_num=30)

    class Meta:
        icon = "help"
        group = _("Text")
        label = _("FAQ")
        description = _("Questions that open to show their answers.")
        template = "components/blocks/faq.html"
        preview_value = {
            "heading": "常见问题",
            "items": [{"question": "怎么报修？", "answer": "<p>拨打热线或在线提交。</p>"}],
        }


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"), max_length=500)
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=100)

    class Meta:
        icon = "openquote"
        group = _("Text")
        label = _("Quote")
        description = _("A resident's or official's words, with who said them.")
        template = "components/blocks/quote.html"
        preview_value = {"quote": "这才是我想要的社区生活。", "attribution": "圣菲漫步业主 王先生"}


class TableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(label=_("Caption"), max_length=120, help_text=_("Says what the table shows."))
    table = WagtailTableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        group = _("Text")
        label = _("Table")
        description = _("A table with a caption and a header row.")
        template = "components/blocks/table.html"


class DocumentLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, max_length=60)
    documents = blocks.ListBlock(DocumentChooserBlock(label=_("Document")), label=_("Documents"), min_num=1)

    class Meta:
        icon = "doc-full"
        group = _("Media")
        label = _("Document links")
        description = _("Downloadable files such as notices and policies.")
        template = "components/blocks/documents.html"
