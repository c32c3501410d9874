from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def _create_roles(sender, **kwargs):
    from .roles import ensure_roles

    ensure_roles()


class AccountsConfig(AppConfig):
    name = "portal.accounts"
    label = "accounts"
    verbose_name = _("Accounts and roles")

    def ready(self):
        # Every app's post_migrate: the permissions a role needs may belong to a later app.
        post_migrate.connect(_create_roles, dispatch_uid="portal.accounts.roles")
