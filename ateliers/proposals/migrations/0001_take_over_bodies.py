"""The proposals app takes over the former "bodies" app's proposals table (state only);
0002 renames it for real."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("bodies", "0002_initial"),
        ("core", "0001_initial"),
        ("councils", "0001_take_over_bodies"),
        ("workshops", "0002_councils_take_over_bodies"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WorkshopProposal",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("kind", models.CharField(choices=[("quartier", "Neighbourhood workshop"), ("ville", "City workshop")], max_length=10, verbose_name="kind of workshop")),
                        ("title", models.CharField(max_length=160, verbose_name="subject")),
                        ("rationale", models.TextField(help_text="The project or policy, and why it needs residents.", verbose_name="why this workshop")),
                        ("objective", models.TextField(blank=True, verbose_name="objective")),
                        ("submitted_at", models.DateTimeField(auto_now_add=True, verbose_name="submitted")),
                        ("status", models.CharField(choices=[("pending", "Pending"), ("accepted", "Accepted"), ("declined", "Declined")], default="pending", max_length=10, verbose_name="status")),
                        ("decided_at", models.DateTimeField(blank=True, null=True, verbose_name="decided")),
                        ("body", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="proposals", to="councils.body", verbose_name="council")),
                        ("neighbourhood", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name="+", to="core.neighbourhood", verbose_name="neighbourhood")),
                        ("submitted_by", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL, verbose_name="submitted by")),
                        ("themes", models.ManyToManyField(blank=True, to="core.theme", verbose_name="themes")),
                        ("workshop", models.OneToOneField(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="proposal", to="workshops.workshop", verbose_name="workshop")),
                    ],
                    options={
                        "verbose_name": "workshop proposal",
                        "verbose_name_plural": "workshop proposals",
                        "ordering": ["-submitted_at", "-pk"],
                        "db_table": "bodies_workshopproposal",
                        "constraints": [
                            models.CheckConstraint(condition=models.Q(("kind", "ville"), ("neighbourhood__isnull", False), _connector="OR"), name="proposal_neighbourhood_required"),
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
