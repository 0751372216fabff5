"""The models now live in the councils and proposals apps, on the same tables: forget them
here (state only, the tables stay)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("bodies", "0002_initial"),
        ("councils", "0001_take_over_bodies"),
        ("workshops", "0002_councils_take_over_bodies"),
        ("proposals", "0001_take_over_bodies"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(name="WorkshopProposal"),
                migrations.DeleteModel(name="Mandate"),
                migrations.DeleteModel(name="Body"),
            ],
            database_operations=[],
        ),
    ]
