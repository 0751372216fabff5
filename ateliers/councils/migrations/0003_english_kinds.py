"""Stored kinds in English (they were French words); the labels stay translated."""

import django.db.models.deletion
from django.db import migrations, models

KINDS = {'quartier': 'neighbourhood', 'citoyen': 'citizens', 'residents_etrangers': 'foreign_residents', 'jeunes': 'youth', 'developpement': 'development'}


def _relabel(apps, mapping):
    model = apps.get_model('councils.Council')
    for old, new in mapping.items():
        model.objects.filter(kind=old).update(kind=new)


def to_english(apps, schema_editor):
    _relabel(apps, KINDS)


def to_french(apps, schema_editor):
    _relabel(apps, {new: old for old, new in KINDS.items()})


class Migration(migrations.Migration):

    dependencies = [
        ('core', '0001_initial'),
        ('councils', '0002_rename_body_to_council'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='mandate',
            options={'ordering': ['council', '-starts_on', 'pk'], 'verbose_name': 'mandate', 'verbose_name_plural': 'mandates'},
        ),
        migrations.AlterField(
            model_name='council',
            name='kind',
            field=models.CharField(choices=[('neighbourhood', 'Neighbourhood council'), ('citizens', "Citizens' council"), ('foreign_residents', "Foreign residents' council"), ('youth', 'Youth council'), ('development', 'Development council')], max_length=30, verbose_name='kind'),
        ),
        migrations.AlterField(
            model_name='council',
            name='neighbourhood',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='councils', to='core.neighbourhood', verbose_name='territory'),
        ),
        migrations.AlterField(
            model_name='council',
            name='themes',
            field=models.ManyToManyField(blank=True, related_name='councils', to='core.theme', verbose_name='themes followed'),
        ),
        migrations.RunPython(to_english, to_french),
    ]
