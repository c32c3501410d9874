"""Who may read the data centre: managers and the read-only official role (and superusers)."""


def can_view(user):
    return user.is_authenticated and user.has_perm("stats.view_dashboard")


def can_export(user):
    return user.is_authenticated and user.has_perm("stats.export_statistics")
