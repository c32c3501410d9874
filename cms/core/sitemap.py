"""The sitemap (/sitemap.xml): Wagtail's, over the site's page tree in every language.

Wagtail's own `Sitemap` lists the default site's root page and its descendants, which is the Chinese
tree only; the English tree (wagtail-localize) is a sibling of it. This lists each translation of the
root page with its descendants, so search engines and the site crawl test find the English pages.
"""

from wagtail.contrib.sitemaps import Sitemap


class LocalisedSitemap(Sitemap):
    def items(self):
        from django.db.models import Q
        from wagtail.models import Page

        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        in_a_tree = Q()
        for root in roots:
            in_a_tree |= Q(path__startswith=root.path)
        return Page.objects.filter(in_a_tree).live().public().order_by("path").defer_streamfields().specific()
