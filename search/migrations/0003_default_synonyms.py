"""The default synonym groups, so that a fresh install finds everyday words (issue 20, item 1).

A snapshot of `search.synonyms.DEFAULT_SYNONYMS` at the time of this migration; groups already in
the table (same terms) are left as they are. `manage.py search_synonyms --restore-defaults` puts
back the current defaults later. Reversing removes nothing: editors may have come to rely on them.
"""

from django.db import migrations

DEFAULTS = [
    ("老人 老年人 长者", "older residents"),
    ("家政 保洁 月嫂", "housekeeping services"),
    ("助餐 食堂 饭堂", "meals for older residents"),
    ("维修 报修 修理", "repairs"),
    ("投诉 意见 建议", "complaints and suggestions"),
    ("讲座 宣讲 课堂", "talks and classes"),
]


def install(apps, schema_editor):
    Synonym = apps.get_model("portal_search", "Synonym")
    for terms, note in DEFAULTS:
        Synonym.objects.get_or_create(terms=terms, defaults={"note": note})


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0002_indexentry_title_body_gin")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
