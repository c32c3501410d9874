# The outbox moves here from workorders: the model state only (the table and its rows stay), the
# table is renamed in 0002.

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("workorders", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Notification",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("event", models.CharField(max_length=30, verbose_name="event")),
                        ("channel", models.CharField(choices=[("sms", "SMS"), ("email", "Email")], max_length=10, verbose_name="channel")),
                        ("recipient", models.CharField(max_length=254, verbose_name="recipient")),
                        ("subject", models.CharField(blank=True, max_length=200, verbose_name="subject")),
                        ("body", models.TextField(verbose_name="message")),
                        ("status", models.CharField(choices=[("pending", "Pending"), ("sent", "Sent"), ("failed", "Failed (no more retries)")], default="pending", max_length=10, verbose_name="status")),
                        ("attempts", models.PositiveSmallIntegerField(default=0, verbose_name="attempts")),
                        ("last_error", models.CharField(blank=True, max_length=300, verbose_name="last error")),
                        ("next_attempt_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="next attempt")),
                        ("created_at", models.DateTimeField(default=django.utils.timezone.now, verbose_name="created")),
                        ("sent_at", models.DateTimeField(blank=True, null=True, verbose_name="sent")),
                        ("work_order", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name="notifications", to="workorders.workorder", verbose_name="request")),
                    ],
                    options={
                        "verbose_name": "notification",
                        "verbose_name_plural": "notifications",
                        "ordering": ["created_at", "pk"],
                        "db_table": "workorders_notification",
                        "indexes": [models.Index(fields=["status", "next_attempt_at"], name="workorders__status_137c61_idx")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
