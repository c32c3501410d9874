"""The authorization matrix: every role × every protected URL (object × action) → the status it gets.

Roles: anonymous, resident, partner, steward of grid A, steward of grid B, general steward, manager,
official, editor. Objects: grid A's household, unit and care-roster entry; the statistics; the
resident's own data. Actions: list, view, reveal, export, visit log, roster (request transitions are
added with the worklist).

`test_every_url_is_in_the_matrix` fails when somebody adds a URL to these apps (or an admin view or API
operation of them) without saying here who may use it.
"""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

ROLES = ["anonymous", "resident", "partner", "steward_a", "steward_b", "general", "manager", "official", "editor"]


def statuses(default, **overrides):
    return {role: overrides.get(role, default) for role in ROLES}


# Who works households: managers all, a steward their grid; nobody else gets in (anonymous → login).
STAFF = statuses(403, anonymous=302, steward_a=200, steward_b=200, general=200, manager=200)
# Grid A's object: grid B's steward and the general steward do not find it.
GRID_A_OBJECT = statuses(403, anonymous=302, steward_a=200, steward_b=404, general=404, manager=200)
GRID_A_UNIT_FORM = statuses(403, anonymous=302, steward_a=200, steward_b=403, general=403, manager=200)
ROSTER = statuses(403, anonymous=302, steward_a=200, steward_b=200, manager=200)
ROSTER_A_ENTRY = statuses(403, anonymous=302, steward_a=200, steward_b=404, manager=200)
STATISTICS = statuses(403, anonymous=302, manager=200, official=200)
OWN_DATA = statuses(200, anonymous=302)
ADMIN_MANAGER_ONLY = statuses(302, manager=200)

# name → (method, path (formatted with the world), expected status per role, action)
MATRIX = {
    "grids:find_steward": ("get", "/find-my-steward/?building={building_a}", statuses(200), "view"),
    "grids:home": ("get", "/steward/", STAFF, "list"),
    "grids:household_list": ("get", "/steward/households/", STAFF, "list"),
    "grids:household_detail": ("get", "/steward/households/{household_a}/", GRID_A_OBJECT, "view"),
    "grids:household_reveal": ("post", "/steward/households/{household_a}/reveal/", GRID_A_OBJECT, "reveal"),
    "grids:visit_pick": ("get", "/steward/visits/new/", STAFF, "visit log"),
    "grids:unit_visit": ("get", "/steward/units/{unit_a}/visit/", GRID_A_UNIT_FORM, "visit log"),
    "grids:unit_by_qr": ("get", "/steward/u/{unit_a_token}/", GRID_A_UNIT_FORM, "visit log"),
    "grids:unit_qr": ("get", "/steward/units/{unit_a}/qr.svg", GRID_A_OBJECT, "view"),
    "grids:coverage": ("get", "/steward/coverage/", STAFF, "list"),
    "grids:care_list": ("get", "/steward/care/", ROSTER, "roster"),
    "grids:care_new": ("get", "/steward/care/new/", ROSTER, "roster"),
    "grids:care_detail": ("get", "/steward/care/{care_a}/", ROSTER_A_ENTRY, "roster"),
    # Requests: grid A's steward and managers work grid A's request; the general steward sees only what is
    # assigned to them (nothing here); officials and the rest never see the worklist.
    "grids:worklist": ("get", "/steward/requests/", STAFF, "list"),
    "grids:worklist_export": ("get", "/steward/requests/export.xlsx", STAFF, "export"),
    # Bulk assignment without a selection: refused as bad input (400) for those who may assign.
    "grids:bulk_assign": (
        "post",
        "/steward/requests/assign/",
        statuses(403, anonymous=302, steward_a=400, steward_b=400, manager=400),
        "transition",
    ),
    "grids:request_detail": ("get", "/steward/requests/{order_a}/", GRID_A_OBJECT, "view"),
    "grids:request_reveal": ("post", "/steward/requests/{order_a}/reveal/", GRID_A_OBJECT, "reveal"),
    # "close" is not allowed from "submitted": 409 for those who may act on it, 404 for those who cannot see it.
    "grids:request_act": (
        "post",
        "/steward/requests/{order_a}/act/?action=close",
        statuses(403, anonymous=302, steward_a=409, steward_b=404, general=404, manager=409),
        "transition",
    ),
    "stats:cases": ("get", "/data-centre/cases/", STATISTICS, "view"),
    "accounts:my_household": ("get", "/my/household/", OWN_DATA, "view"),
    "accounts:my_data": ("get", "/my/data/", OWN_DATA, "view"),
    "accounts:my_data_download": ("get", "/my/data/download/", OWN_DATA, "export"),
    # Without the confirmation box nothing is deleted: 400 for everybody logged in.
    "accounts:my_data_delete": ("post", "/my/data/delete/", statuses(400, anonymous=302), "delete"),
    "stats:dashboard": ("get", "/data-centre/", STATISTICS, "list"),
    "stats:export": ("get", "/data-centre/export.xlsx", STATISTICS, "export"),
    "api:/stats/summary": (
        "get",
        "/api/portal/stats/summary",
        statuses(403, anonymous=401, manager=200, official=200),
        "list",
    ),
    "admin:grids_import_households": ("get", "/admin/grids/import-households/", ADMIN_MANAGER_ONLY, "import"),
    "admin:accounts_bindings": ("get", "/admin/accounts/bindings/", ADMIN_MANAGER_ONLY, "list"),
    "admin:accounts_binding_decide": (
        "post",
        "/admin/accounts/bindings/999999/",
        statuses(302, manager=404),
        "transition",
    ),
    "admin:accounts_audit_log": ("get", "/admin/accounts/audit-log/", ADMIN_MANAGER_ONLY, "list"),
}

COVERED_NAMESPACES = {"grids", "accounts", "stats"}
COVERED_ADMIN_PREFIXES = ("grids_", "accounts_", "stats_")
COVERED_API_PREFIXES = ("/stats/",)


def _walk(resolver, namespace=""):
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            inner = entry.namespace or namespace
            yield from _walk(entry, inner)
        elif isinstance(entry, URLPattern) and entry.name:
            yield namespace, entry.name


def test_every_url_is_in_the_matrix():
    found = set()
    for namespace, name in _walk(get_resolver()):
        if namespace in COVERED_NAMESPACES:
            found.add(f"{namespace}:{name}")
        elif not namespace and name.startswith(COVERED_ADMIN_PREFIXES):
            found.add(f"admin:{name}")
    from portal.api.ninja_api import api

    schema = api.get_openapi_schema()
    for path in schema["paths"]:
        if path.startswith(tuple(f"/api/portal{p}" for p in COVERED_API_PREFIXES)):
            found.add("api:" + path.removeprefix("/api/portal"))
    missing = sorted(found - set(MATRIX))
    assert missing == [], f"add these URLs to the authorization matrix: {missing}"
    stale = sorted(set(MATRIX) - found)
    assert stale == [], f"these matrix entries no longer exist: {stale}"


@pytest.mark.parametrize("name", sorted(MATRIX))
def test_matrix(client, world, name):
    method, path, expected, _action = MATRIX[name]
    path = path.format(
        building_a=world.unit_a.building.pk,
        household_a=world.household_a.pk,
        unit_a=world.unit_a.pk,
        unit_a_token=world.unit_a.qr_token,
        care_a=world.care_a.pk,
        order_a=world.order_a.number,
    )
    got = {}
    for role in ROLES:
        user = world.users[role]
        client.logout()
        if user is not None:
            client.force_login(user)
        if method == "post" and "?" in path:
            url, query = path.split("?", 1)
            got[role] = client.post(url, dict(pair.split("=") for pair in query.split("&"))).status_code
        else:
            got[role] = getattr(client, method)(path).status_code
    assert got == expected
