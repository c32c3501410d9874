"""Content-Security-Policy through django-csp (docs/deployment.md).

The public site runs the strict policy: scripts only from the site itself, no inline script, no
plug-ins, no framing by others. Wagtail 7.4's admin still renders a few inline scripts of its own
(the date/time widgets, InlinePanel, MultipleChooserPanel, the workflow dialog), with per-field
values that no hash covers; under the admin the enforced policy therefore adds 'unsafe-inline' to
script-src and nothing else, while the strict policy runs there report-only, so what would break is
seen before it is enforced. Overriding Wagtail's templates to carry nonces is the next step.
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
