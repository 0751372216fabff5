from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("proposals", "0001_take_over_bodies"),
        ("councils", "0002_rename_body_to_council"),
    ]

    operations = [
        migrations.AlterModelTable("workshopproposal", None),
        migrations.RenameField("workshopproposal", "body", "council"),
    ]
