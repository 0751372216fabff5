"""The councils app takes over the former "bodies" app's tables, without touching them.

State only: the models are declared here exactly as bodies 0001-0002 built them, on the same
tables. 0002 then renames the model and the tables for real.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

OLD_KINDS = [
    ("quartier", "Neighbourhood council"),
    ("citoyen", "Citizens' council"),
    ("residents_etrangers", "Foreign residents' council"),
    ("jeunes", "Youth council"),
    ("developpement", "Development council"),
]
ROLES = [
    ("president", "President"),
    ("vice_president", "Vice-president"),
    ("secretary", "Secretary"),
    ("member", "Member"),
]


class Migration(migrations.Migration):
    dependencies = [
        ("bodies", "0002_initial"),
        ("core", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Body",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=OLD_KINDS, max_length=30, verbose_name="kind")),
                        ("name", models.CharField(max_length=160, unique=True, verbose_name="name")),
                        ("slug", models.SlugField(max_length=180, unique=True, verbose_name="slug")),
                        ("description", models.TextField(blank=True, verbose_name="description")),
                        ("created_at", models.DateTimeField(auto_now_add=True, verbose_name="created")),
                        ("neighbourhood", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="bodies", to="core.neighbourhood", verbose_name="territory")),
                        ("themes", models.ManyToManyField(blank=True, related_name="bodies", to="core.theme", verbose_name="themes followed")),
                    ],
                    options={
                        "verbose_name": "council",
                        "verbose_name_plural": "councils",
                        "ordering": ["kind", "name"],
                        "db_table": "bodies_body",
                    },
                ),
                migrations.CreateModel(
                    name="Mandate",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("role", models.CharField(choices=ROLES, default="member", max_length=20, verbose_name="role")),
                        ("starts_on", models.DateField(verbose_name="mandate start")),
                        ("ends_on", models.DateField(blank=True, null=True, verbose_name="mandate end")),
                        ("body", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="mandates", to="councils.body")),
                        ("user", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="mandates", to=settings.AUTH_USER_MODEL, verbose_name="member")),
                    ],
                    options={
                        "verbose_name": "mandate",
                        "verbose_name_plural": "mandates",
                        "ordering": ["body", "-starts_on", "pk"],
                        "db_table": "bodies_mandate",
                        "constraints": [
                            models.CheckConstraint(condition=models.Q(("ends_on__isnull", True), ("ends_on__gte", models.F("starts_on")), _connector="OR"), name="mandate_ends_after_start"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
