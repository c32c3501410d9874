from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

# Pages that carry a review workflow and the page-tree permissions (see cms.core.workflows).
WORKFLOW_ROOTS = ("home.HomePage", "news.NewsIndexPage", "events.EventIndexPage", "services.ServiceIndexPage")


def _attach_review_workflows(sender, instance, created, raw=False, **kwargs):
    """A new home or index page, in any language and however it was made (admin, translation,
    demo, import), gets its review workflow and permissions at once."""
    if created and not raw:
        from .workflows import ensure_workflows

        ensure_workflows()


class CmsCoreConfig(AppConfig):
    name = "cms.core"
    label = "cms_core"
    verbose_name = _("Site core")

    def ready(self):
        from . import caching

        caching.connect()
        for model in WORKFLOW_ROOTS:
            post_save.connect(_attach_review_workflows, sender=model, dispatch_uid=f"workflow-roots-{model}")
