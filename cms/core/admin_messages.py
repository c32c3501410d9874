"""Wagtail admin messages worded for the portal's staff.

Wagtail answers an admin action the account may not do (a general steward opening "add news", say)
with a redirect to the dashboard and the message below. Its stock Chinese, "对不起， 你没有权限访问。",
does not say what to do; this app's catalogue comes before Wagtail's (INSTALLED_APPS order), so the
translation in cms/core/locale replaces it. Strings Wagtail leaves untranslated in Chinese are filled
in the same way. Listed here so that makemessages keeps them.
"""

from django.utils.translation import gettext_noop

MESSAGES = [
    gettext_noop("Sorry, you do not have permission to access this area."),
    # The userbar's accessibility checker on every page a signed-in staff member sees: no Chinese in Wagtail.
    gettext_noop("Show issue"),
]
