"""Content-Security-Policy through django-csp (docs/deployment.md, "Content-Security-Policy").

The public site runs the strict policy: scripts only from the site itself, no inline script, no
plug-ins, no framing by others. Wagtail 7.4's admin still renders inline scripts of its own: the
chooser widgets write `<script>new ImageChooser(…)</script>` from Python (`BaseChooser.render`), and
the date/time widgets from widget templates that are rendered without the request, so neither can
carry a nonce without replacing Wagtail's widgets. Under the admin the enforced policy therefore
adds 'unsafe-inline' to script-src and nothing else, while the strict policy runs there
report-only; tests/browser/test_csp.py lists what it reports and fails on anything else.
"""

from csp.constants import UNSAFE_INLINE
from csp.middleware import CSPMiddleware
from django.conf import settings


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        admin_paths = tuple(getattr(settings, "CSP_ADMIN_INLINE_SCRIPT_PATHS", ()))
        if not report_only and admin_paths and request.path.startswith(admin_paths):
            parts.update = {**(parts.update or {}), "script-src": [UNSAFE_INLINE]}
        return parts
