from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("workshops", "0002_councils_take_over_bodies"),
        ("councils", "0002_rename_body_to_council"),
    ]

    operations = [
        migrations.RenameField("participation", "body", "council"),
    ]
