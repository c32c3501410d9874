"""Every existing news category gets the site's default language and its own translation key
(Wagtail's recipe for making an existing model translatable)."""

import uuid

from django.conf import settings
from django.db import migrations


def set_locale_and_translation_key(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    NewsCategory = apps.get_model("news", "NewsCategory")
    if not NewsCategory.objects.exists():
        return
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first() or Locale.objects.first()
    if default is None:
        default = Locale.objects.create(language_code=settings.LANGUAGE_CODE)
    for category in NewsCategory.objects.filter(locale__isnull=True):
        category.locale = default
        category.translation_key = uuid.uuid4()
        category.save(update_fields=["locale", "translation_key"])


class Migration(migrations.Migration):
    dependencies = [("news", "0007_newscategory_bootstrap_translatable"), ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes")]

    operations = [migrations.RunPython(set_locale_and_translation_key, migrations.RunPython.noop)]
