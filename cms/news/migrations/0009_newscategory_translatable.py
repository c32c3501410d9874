import uuid

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [("news", "0008_newscategory_set_locale"), ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes")]

    operations = [
        migrations.AlterField(
            model_name="newscategory",
            name="locale",
            field=models.ForeignKey(
                editable=False,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.locale",
                verbose_name="locale",
            ),
        ),
        migrations.AlterField(
            model_name="newscategory",
            name="translation_key",
            field=models.UUIDField(default=uuid.uuid4, editable=False),
        ),
        migrations.AlterUniqueTogether(
            name="newscategory",
            unique_together={("translation_key", "locale"), ("locale", "slug"), ("locale", "name")},
        ),
    ]
