"""Stored kinds in English (they were French words); the labels stay translated."""

from django.conf import settings
from django.db import migrations, models

KINDS = {'quartier': 'neighbourhood', 'ville': 'city'}


def _relabel(apps, mapping):
    model = apps.get_model('workshops.Workshop')
    for old, new in mapping.items():
        model.objects.filter(kind=old).update(kind=new)


def to_english(apps, schema_editor):
    _relabel(apps, KINDS)


def to_french(apps, schema_editor):
    _relabel(apps, {new: old for old, new in KINDS.items()})


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('councils', '0003_english_kinds'),
        ('workshops', '0003_participation_council'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='workshop',
            name='workshop_neighbourhood_required',
        ),
        migrations.AlterField(
            model_name='workshop',
            name='kind',
            field=models.CharField(choices=[('neighbourhood', 'Neighbourhood workshop'), ('city', 'City workshop')], max_length=20, verbose_name='kind'),
        ),
        migrations.RunPython(to_english, to_french),
        migrations.AddConstraint(
            model_name='workshop',
            constraint=models.CheckConstraint(condition=models.Q(('kind', 'city'), ('neighbourhood__isnull', False), _connector='OR'), name='workshop_neighbourhood_required'),
        ),
    ]
