"""The editorial set-up tests and the demo rely on: review workflows and page permissions.

- News and events need approval by the branch secretary (group "secretary") before they publish.
- Service listings (partners' edits included) need approval by an editor (group "editor").
Workflows attach to the index pages, so every page below them is covered. Idempotent.
"""

from django.contrib.auth.models import Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage

from portal.accounts.roles import EDITOR, MANAGER, SECRETARY, ensure_roles

CONTENT_WORKFLOW = "Secretary review"
LISTING_WORKFLOW = "Service listing review"


def _workflow(name, task_name, group):
    workflow, _created = Workflow.objects.get_or_create(name=name)
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(group)
    if not workflow.workflow_tasks.filter(task=task).exists():
        workflow.workflow_tasks.create(task=task, sort_order=0)
    return workflow


def _assign(workflow, pages):
    for page in pages:
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})


def ensure_workflows():
    from cms.events.models import EventIndexPage
    from cms.home.models import HomePage
    from cms.news.models import NewsIndexPage
    from cms.services.models import ServiceIndexPage

    groups = ensure_roles()
    content = _workflow(CONTENT_WORKFLOW, "Branch secretary approval", groups[SECRETARY])
    listings = _workflow(LISTING_WORKFLOW, "Editor approval", groups[EDITOR])
    _assign(content, [*NewsIndexPage.objects.all(), *EventIndexPage.objects.all()])
    _assign(listings, ServiceIndexPage.objects.all())

    # Page-tree permissions: editors draft and submit, secretary and manager also publish.
    actions = {EDITOR: ["add_page", "change_page"], SECRETARY: ["add_page", "change_page", "publish_page"]}
    actions[MANAGER] = actions[SECRETARY]
    for home in HomePage.objects.all():
        for role, codenames in actions.items():
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                GroupPagePermission.objects.get_or_create(group=groups[role], page=home, permission=permission)
    return {"content": content, "listings": listings}
