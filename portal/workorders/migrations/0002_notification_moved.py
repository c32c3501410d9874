# The outbox now lives in portal.notifications (its table is kept, see notifications 0001/0002).

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("workorders", "0001_initial"),
        ("notifications", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="Notification")],
            database_operations=[],
        ),
    ]
