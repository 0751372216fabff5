"""Body becomes Council, for real: model, tables and columns (the data stays)."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("councils", "0001_take_over_bodies"),
        ("bodies", "0003_moved_to_councils_and_proposals"),
    ]

    operations = [
        # Also renames the themes table's and the workshops' sponsors table's body_id columns.
        migrations.RenameModel("Body", "Council"),
        migrations.AlterModelTable("council", None),
        migrations.AlterModelTable("mandate", None),
        migrations.RenameField("mandate", "body", "council"),
    ]
