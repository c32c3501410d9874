"""Staff API keys: how a program acts as a member of staff on the portal's API (requests, statistics)
and Open311. Only the key's SHA-256 is stored.

The model stays in the `workorders` app (its label, table and permissions `workorders.*_apitoken`
are unchanged: no migration), in a module of its own: it is the API's authentication, not request data.
"""

import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def hash_token(raw):
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A staff member's key for the request API and Open311 (`Authorization: Bearer <key>` or `api_key`).

    Only a SHA-256 hash is stored; the key is shown once when created (`manage.py workorder_token`).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens", verbose_name=_("user")
    )
    name = models.CharField(_("name"), max_length=100, help_text=_("What the key is for, for example 12345 platform."))
    key_hash = models.CharField(_("key hash"), max_length=64, unique=True, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)

    class Meta:
        verbose_name = _("API key")
        verbose_name_plural = _("API keys")

    def __str__(self):
        return self.name

    @classmethod
    def issue(cls, user, name):
        raw = secrets.token_urlsafe(32)
        token = cls.objects.create(user=user, name=name, key_hash=hash_token(raw))
        return token, raw

    @classmethod
    def authenticate(cls, raw):
        if not raw or len(raw) > 200:
            return None
        token = cls.objects.select_related("user").filter(key_hash=hash_token(raw), active=True).first()
        if token is None or not token.user.is_active:
            return None
        cls.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
        return token.user
