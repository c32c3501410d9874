"""Imports point down, never up or across, and go round in no circle (docs/architecture.md, "Layers").

Reads the project's own modules with `ast` (nothing is imported or run), counting every import,
also those inside functions: a deferred import hides a circle from Python, not from a reader.

    theme/                      templates, template tags              may import everything below
    portal/urls.py, settings/   the composition root                  may import everything
    cms/<area>/                 one content area                      cms/core, search, the domain
    cms/core/                   shared blocks, mixins, site settings  search, the domain; no area
    search/                     analysis, index, backends             the domain
    portal/<app>/               the business domain                   no cms/, theme/, search/;
                                                                      grids and accounts: no workorders
    portal/common/              small shared helpers                  only Django

Demo steps (`demo.py`) build a whole site, so they sit at the top with the composition root: they
may import any layer, and no product module imports them. Even there grids and accounts know no
workorders: a step that makes requests is the requests app's own.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("portal", "cms", "search", "theme")

#: Composition root: the URLconf and the settings assemble every layer.
COMPOSITION_ROOT = ("portal.urls", "portal.settings")

#: Imports that cross a layer and are knowingly left for now: (importing package, imported module)
#: -> reason. Empty: keep it so, or give the reason next to the entry.
KNOWN = {}


def known(source, target):
    return any(_within(source, package) and target == module for package, module in KNOWN)


def project_modules():
    """{dotted name: path} of the project's own modules, migrations left out (Django generates them)."""
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            relative = path.relative_to(ROOT)
            if "migrations" in relative.parts:
                continue
            parts = list(relative.with_suffix("").parts)
            if parts[-1] == "__init__":
                parts.pop()
            found[".".join(parts)] = path
    return found


def imports(modules):
    """{module: {(imported project module, line)}}, each import resolved to the module that defines it."""

    def resolve(name):
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph = {}
    for name, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
        found = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package[: len(package) - (node.level - 1)]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                # `from a import b` depends on the module a.b when there is one, else on a (a parent
                # package runs first in any case, so it counts for neither form of import).
                targets = [
                    f"{source}.{alias.name}" if f"{source}.{alias.name}" in modules else source for alias in node.names
                ]
            else:
                continue
            for target in targets:
                if target.split(".")[0] not in PACKAGES:
                    continue
                resolved = resolve(target)
                if resolved and resolved != name:
                    found.add((resolved, node.lineno))
        graph[name] = found
    return graph


def _within(module, *prefixes):
    return any(module == prefix or module.startswith(prefix + ".") for prefix in prefixes)


def is_demo(module):
    last = module.rsplit(".", 1)[-1]
    return last == "demo" or _within(module, "portal.demo")


def crossing(source, target):
    """Why `source` may not import `target`, or None when the import points down."""
    if _within(target, "portal.demo.registry"):
        return None  # the demo steps' registry is a plug-in point every app may use
    if is_demo(target) and not is_demo(source) and not _within(source, *COMPOSITION_ROOT):
        return "a demo step is imported by product code"
    if _within(source, "portal.grids", "portal.accounts") and _within(target, "portal.workorders"):
        return "grids and accounts know no workorders"
    if _within(source, "theme", *COMPOSITION_ROOT) or is_demo(source):
        return None
    if _within(target, "theme"):
        return "only the theme and the composition root import the theme"
    if _within(source, "portal.common"):
        return None if _within(target, "portal.common") else "portal/common imports only Django"
    if _within(source, "portal"):
        if _within(target, "cms", "search"):
            return "the domain (portal/) imports nothing from cms/ or search/"
        return None
    if _within(source, "search"):
        return "search imports no cms/" if _within(target, "cms") else None
    if _within(source, "cms.core"):
        if _within(target, "cms") and not _within(target, "cms.core"):
            return "cms/core imports no content area (the areas register themselves)"
        return None
    if _within(source, "cms"):
        area = ".".join(source.split(".")[:2])
        if _within(target, "cms") and not _within(target, "cms.core", area):
            return "a content area imports no other content area"
        return None
    return None


def circles(graph):
    """Strongly connected groups of more than one module (Tarjan, without recursion)."""
    edges = {name: sorted({target for target, _line in found}) for name, found in graph.items()}
    index, low, stack, on_stack, groups = {}, {}, [], set(), []
    counter = 0
    for start in sorted(edges):
        if start in index:
            continue
        work = [(start, 0)]
        while work:
            node, position = work.pop()
            if position == 0:
                index[node] = low[node] = counter
                counter += 1
                stack.append(node)
                on_stack.add(node)
            children = edges.get(node, [])
            if position < len(children):
                work.append((node, position + 1))
                child = children[position]
                if child not in index:
                    work.append((child, 0))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    groups.append(sorted(group))
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    return groups


def test_imports_point_down():
    modules = project_modules()
    wrong = []
    for source, found in sorted(imports(modules).items()):
        for target, line in sorted(found):
            reason = crossing(source, target)
            if reason and not known(source, target):
                wrong.append(f"{modules[source].relative_to(ROOT)}:{line} imports {target}: {reason}")
    assert not wrong, "imports that cross the layers:\n" + "\n".join(wrong)


def test_no_import_circles():
    groups = circles(imports(project_modules()))
    assert not groups, "import circles:\n" + "\n".join(" <-> ".join(group) for group in groups)


def test_the_checks_see_what_they_must():
    """The reader resolves relative and deferred imports; the rules refuse what docs/architecture.md refuses."""
    graph = imports(project_modules())
    assert any(target == "cms.home.models" for target, _line in graph["cms.home.demo"])  # `from .models`
    assert crossing("portal.partners.forms", "cms.core.phone")
    assert crossing("portal.grids.views", "portal.workorders.models")
    assert crossing("portal.accounts.privacy", "portal.workorders.models")
    assert crossing("cms.core.blocks.dynamic", "cms.events.models")
    assert crossing("cms.events.models", "cms.news.models")
    assert crossing("portal.common.phone", "portal.accounts.models")
    assert crossing("portal.health", "search.status")
    assert crossing("search.services", "cms.core.models")
    assert crossing("cms.core.models", "theme.templatetags")
    assert crossing("portal.stats.views", "portal.grids.demo")
    assert not crossing("portal.urls", "cms.core.sitemap")
    assert not crossing("theme.templatetags.theme_tags", "portal.grids.models")
    assert not crossing("cms.services.models", "portal.partners.models")
    assert not crossing("portal.workorders.demo", "cms.forms.models")
    assert circles({"a": {("b", 1)}, "b": {("c", 1)}, "c": {("a", 1)}, "d": {("a", 1)}}) == [["a", "b", "c"]]
