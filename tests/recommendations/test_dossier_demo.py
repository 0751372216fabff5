"""The demo makes the dossier's PDF of each workshop in its presentation phase that has
adopted recommendations, and of no other."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from ateliers.core.demo_city import DemoCity
from ateliers.recommendations import dossier_demo
from ateliers.recommendations.models import Dossier
from ateliers.workshops.models import Participation, Workshop

from .dossier_data import adopt

pytestmark = pytest.mark.django_db


def test_the_demo_makes_the_dossier_of_a_presented_workshop_with_adopted_recommendations():
    call_command("load_demo", stdout=StringIO())
    presented = Workshop.objects.get(slug__startswith="acces-aux-droits")
    author = Participation.objects.filter(workshop=presented).first().user
    adopt(presented, title="Un guichet unique ouvert le samedi", author=author)

    dossier_demo.build(DemoCity(now=timezone.now()))

    dossier = Dossier.objects.get(workshop=presented)
    assert dossier.state == Dossier.State.READY and dossier.pages >= 1
    made_at = dossier.made_at
    dossier_demo.build(DemoCity(now=timezone.now()))
    dossier.refresh_from_db()
    assert dossier.made_at == made_at  # unchanged content: not made again
    # Only workshops presenting adopted recommendations have one.
    assert set(Dossier.objects.values_list("workshop__slug", flat=True)) <= set(
        Workshop.objects.filter(recommendations__status="adopted").values_list("slug", flat=True)
    )
