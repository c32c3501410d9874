"""The editorial set-up tests and the demo rely on: review workflows and page permissions.

- Brand pages, news and events need approval by the branch secretary (group "secretary").
- Service listings (partners' edits included) need approval by an editor (group "editor").
Workflows attach to the index pages, so every page below them is covered. Idempotent.

Each content area names its index page type with `review_pages` in its AppConfig.ready (cms/core
imports no content area, docs/architecture.md "Layers"): the home page (the site root, where the
page-tree permissions are granted), the news and event indexes, the service directory.
"""

from django.contrib.auth.models import Permission
from django.db.models.signals import post_save
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from portal.accounts.roles import EDITOR, MANAGER, SECRETARY, ensure_roles

CONTENT_WORKFLOW = "Secretary review"
LISTING_WORKFLOW = "Service listing review"

#: (page model, workflow name, is the site root), in the order the areas registered.
_reviewed = []


def review_pages(model, workflow=CONTENT_WORKFLOW, *, root=False):
    """Pages of `model` (an index, or the home page with `root`) carry `workflow` for all below them.

    A new page of the type, in any language and however it was made (admin, translation, demo,
    import), gets its review workflow and permissions at once.
    """
    if workflow not in (CONTENT_WORKFLOW, LISTING_WORKFLOW):
        raise ValueError(f"unknown review workflow {workflow!r}")
    if all(entry[0] is not model for entry in _reviewed):
        _reviewed.append((model, workflow, root))
    post_save.connect(_attach_review_workflows, sender=model, dispatch_uid=f"workflow-roots-{model._meta.label}")
    return model


def _attach_review_workflows(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        ensure_workflows()


def _workflow(name, task_name, group):
    workflow, _created = Workflow.objects.get_or_create(name=name)
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(group)
    # Workflow is a ClusterableModel: its in-memory relation manager would not save, so use the model.
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def _assign(workflow, pages):
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def _pages(workflow=None, root=None):
    return [
        page
        for model, name, is_root in _reviewed
        if (workflow is None or name == workflow) and (root is None or is_root == root)
        for page in model.objects.all()
    ]


def ensure_workflows():
    groups = ensure_roles()
    content = _workflow(CONTENT_WORKFLOW, "Branch secretary approval", groups[SECRETARY])
    listings = _workflow(LISTING_WORKFLOW, "Editor approval", groups[EDITOR])
    # The whole site goes through the secretary; the service directory has its own, more specific workflow.
    _assign(content, _pages(CONTENT_WORKFLOW))
    _assign(listings, _pages(LISTING_WORKFLOW))

    # Page-tree permissions: editors draft and submit, secretary and manager also publish.
    actions = {EDITOR: ["add_page", "change_page"], SECRETARY: ["add_page", "change_page", "publish_page"]}
    actions[MANAGER] = actions[SECRETARY]
    for home in _pages(root=True):
        for role, codenames in actions.items():
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                GroupPagePermission.objects.get_or_create(group=groups[role], page=home, permission=permission)
    # Editors approve service listings (partners' changes included), so they publish in the directory.
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    for directory in _pages(LISTING_WORKFLOW):
        GroupPagePermission.objects.get_or_create(group=groups[EDITOR], page=directory, permission=publish)
    return {"content": content, "listings": listings}
