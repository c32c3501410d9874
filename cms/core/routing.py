"""Page routing with one query per URL segment instead of two.

Wagtail's `Page.route()` finds a child by slug (a query), then loads its specific page (a second
query), for each segment of the URL. The child's id and page type only change when pages are
added, moved, renamed or deleted, which bumps the content generation; so they are remembered per
generation (`portal.pagecache.memo`) and the specific page is loaded directly by id. The page
itself is always read fresh: whether it is live, its content and its view restrictions are
current on every request.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404

from portal.pagecache.memo import memo


class ChildRouteMixin:
    """For a page model whose URLs continue below it (the home page and every content page)."""

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        slug = path_components[0]
        found = memo(
            ("child", self.pk, slug),
            # Slugs are unique among siblings: no ORDER BY needed (building it is part of the cost).
            lambda: next(
                iter(self.get_children().filter(slug=slug).order_by().values_list("pk", "content_type_id")), None
            ),
        )
        if found is None:
            raise Http404
        pk, content_type_id = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:  # a page type whose code is gone
            return super().route(request, path_components)
        child = next(iter(model._default_manager.filter(pk=pk).order_by()), None)
        if child is None:
            raise Http404
        child._cached_parent_obj = self  # what Wagtail does too: treebeard's get_parent() needs no query
        return child.route(request, path_components[1:])
