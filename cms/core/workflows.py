"""The editorial set-up tests and the demo rely on: review workflows and page permissions.

- Brand pages, news and events need approval by the branch secretary (group "secretary").
- Service listings (partners' edits included) need approval by an editor (group "editor").
Workflows attach to the index pages, so every page below them is covered. Idempotent.
"""

from django.contrib.auth.models import Permission
from wagtail.models import GroupApprovalTask, GroupPagePermission, Workflow, WorkflowPage, WorkflowTask

from portal.accounts.roles import EDITOR, MANAGER, SECRETARY, ensure_roles

CONTENT_WORKFLOW = "Secretary review"
LISTING_WORKFLOW = "Service listing review"


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


def ensure_workflows():
    from cms.events.models import EventIndexPage
    from cms.home.models import HomePage
    from cms.news.models import NewsIndexPage
    from cms.services.models import ServiceIndexPage

    groups = ensure_roles()
    content = _workflow(CONTENT_WORKFLOW, "Branch secretary approval", groups[SECRETARY])
    listings = _workflow(LISTING_WORKFLOW, "Editor approval", groups[EDITOR])
    # The whole site goes through the secretary; the service directory has its own, more specific workflow.
    _assign(content, [*HomePage.objects.all(), *NewsIndexPage.objects.all(), *EventIndexPage.objects.all()])
    _assign(listings, ServiceIndexPage.objects.all())

    # Page-tree permissions: editors draft and submit, secretary and manager also publish.
    actions = {EDITOR: ["add_page", "change_page"], SECRETARY: ["add_page", "change_page", "publish_page"]}
    actions[MANAGER] = actions[SECRETARY]
    for home in HomePage.objects.all():
        for role, codenames in actions.items():
            for codename in codenames:
                permission = Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)
                GroupPagePermission.objects.get_or_create(group=groups[role], page=home, permission=permission)
    # Editors approve service listings (partners' changes included), so they publish in the directory.
    publish = Permission.objects.get(content_type__app_label="wagtailcore", codename="publish_page")
    for directory in ServiceIndexPage.objects.all():
        GroupPagePermission.objects.get_or_create(group=groups[EDITOR], page=directory, permission=publish)
    return {"content": content, "listings": listings}
