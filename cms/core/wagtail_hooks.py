from wagtail import hooks

from . import caching

hooks.register("is_request_cacheable", caching.request_cacheable)
hooks.register("is_response_cacheable", caching.response_cacheable)
hooks.register("on_serve_page", caching.public_page_serving)
