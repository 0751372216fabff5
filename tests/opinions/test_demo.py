"""The demo city's opinion map: a few hundred voters, about 40 statements, clear groups,
already computed when the demo is loaded."""

from io import StringIO

import pytest
from django.core.management import call_command

from ateliers.opinions.demo import QUESTION
from ateliers.opinions.models import Conversation, MapSnapshot

pytestmark = pytest.mark.django_db


def test_the_demo_has_an_opinion_map_already_computed(client):
    call_command("load_demo", stdout=StringIO())
    conversation = Conversation.objects.get(question=QUESTION)
    snapshot = MapSnapshot.objects.get(conversation=conversation)
    assert conversation.workshop.slug.startswith("ilots-de-fraicheur")
    assert conversation.statements.count() == 40
    assert snapshot.n_participants >= 300 and snapshot.n_clustered >= 290
    assert snapshot.n_groups == 3
    # The three planted views are found (a few voters who voted little sit elsewhere).
    sizes = sorted(group["size"] for group in snapshot.result["groups"])
    assert all(
        abs(found - planted) <= 10 for found, planted in zip(sizes, [70, 100, 130], strict=True)
    )
    assert snapshot.result["shared"] and snapshot.result["divisive"]
    page = client.get(f"/carte-des-avis/{conversation.pk}/resultats/").content.decode()
    assert page.count('class="opinion-group opinion-group-') == 3
    # Loading it again changes nothing.
    call_command("load_demo", stdout=StringIO())
    assert Conversation.objects.filter(question=QUESTION).count() == 1
