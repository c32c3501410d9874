"""`{% cachedfragment "name" %}…{% endcachedfragment %}`: a template fragment cached until content changes.

The key holds the fragment's name, the host, the language, the elder-friendly mode, the current
path without its query string (menus mark the current page; `{% cachedfragment "footer" sitewide %}` leaves it out for
fragments that are the same on every page) and the page cache generation, so the fragment is rebuilt after
any content change, like whole pages. Logged-in users get it rendered fresh. A cache outage renders
the fragment normally.
"""

import hashlib
import logging

from django import template
from django.conf import settings
from django.core.cache import caches
from django.utils.translation import get_language

from .. import generation
from ..middleware import elder_mode

logger = logging.getLogger(__name__)
register = template.Library()


class CachedFragmentNode(template.Node):
    def __init__(self, name, nodelist, sitewide=False):
        self.name = name
        self.nodelist = nodelist
        self.sitewide = sitewide

    def _key(self, request, name):
        # The path without the query string: menus depend on the page, not on ?page=2 or ?q=…, and
        # keying on the query string re-rendered (and stored again) the menu for every search.
        path = "" if self.sitewide or request is None else request.path
        digest = hashlib.blake2b(path.encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
        host = request.get_host() if request is not None else ""
        mode = "elder" if request is not None and elder_mode(request) else "std"
        return f"fragment:{generation.current()}:{name}:{host}:{get_language()}:{mode}:{digest}"

    def render(self, context):
        request = context.get("request")
        name = self.name.resolve(context)
        user = getattr(request, "user", None)
        if (
            not getattr(settings, "PAGECACHE_ENABLED", True)
            or request is None
            or (user is not None and user.is_authenticated)
        ):
            return self.nodelist.render(context)
        cache = caches[getattr(settings, "PAGECACHE_CACHE", "default")]
        try:
            key = self._key(request, name)
            value = cache.get(key)
        except Exception:  # noqa: BLE001 - a broken cache renders the fragment
            logger.warning("fragment cache unavailable", exc_info=True)
            return self.nodelist.render(context)
        if value is None:
            value = self.nodelist.render(context)
            try:
                cache.set(key, value, getattr(settings, "PAGECACHE_TIMEOUT", 600))
            except Exception:  # noqa: BLE001
                logger.warning("fragment cache: could not store", exc_info=True)
        return value


@register.tag
def cachedfragment(parser, token):
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (len(bits) == 3 and bits[2] != "sitewide"):
        raise template.TemplateSyntaxError("usage: {% cachedfragment 'name' [sitewide] %}…{% endcachedfragment %}")
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(parser.compile_filter(bits[1]), nodelist, sitewide=len(bits) == 3)
