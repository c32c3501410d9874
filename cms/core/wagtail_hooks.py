from wagtail import hooks

from .workflows import ensure_workflows


@hooks.register("after_create_page")
def attach_review_workflows(request, page):
    """A new news, events or service index page gets its review workflow at once."""
    if page.specific_class.__name__ in {"NewsIndexPage", "EventIndexPage", "ServiceIndexPage", "HomePage"}:
        ensure_workflows()
