"""Point the workshops' links to councils at the councils app's model (same tables: state
only)."""

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0001_initial"),
        ("councils", "0001_take_over_bodies"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="workshop",
                    name="sponsors",
                    field=models.ManyToManyField(blank=True, related_name="sponsored_workshops", to="councils.body", verbose_name="sponsoring councils"),
                ),
                migrations.AlterField(
                    model_name="workshop",
                    name="proposed_by",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="proposed_workshops", to="councils.body", verbose_name="proposed by"),
                ),
                migrations.AlterField(
                    model_name="participation",
                    name="body",
                    field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to="councils.body", verbose_name="council"),
                ),
            ],
            database_operations=[],
        ),
    ]
