"""The questionnaire keeps who answered apart from what was answered: the tables cannot be
joined back. Each test answers through the service, then reads every table as an attacker
with the database would."""

import random

import pytest
from django.db import connection

from ateliers.activity.models import Action
from ateliers.evaluations import questionnaire
from ateliers.evaluations.models import Invitation, Response
from ateliers.workshops.models import Workshop
from tests.factories import ParticipationFactory, UserFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

# Each person's first rating is their rank: an answer names its author to the test only.
PEOPLE = 8


@pytest.fixture
def opened():
    workshop = WorkshopFactory(finished=True)
    people = [ParticipationFactory(workshop=workshop).user for _ in range(PEOPLE)]
    team = UserFactory(role="city_staff")
    return questionnaire.questionnaire_open(actor=team, workshop=workshop), people


def _answer_all(opened_questionnaire, people, order):
    for rank in order:
        questionnaire.questionnaire_answer(
            user=people[rank],
            questionnaire=opened_questionnaire,
            answers={"understood": 1 + rank % 5, "change": f"answer {rank}"},
        )


def test_no_column_of_an_answer_names_a_person_or_a_moment():
    columns = {field.name: field for field in Response._meta.get_fields()}
    assert not any(
        field.is_relation and field.related_model._meta.label == "core.User"
        for field in columns.values()
    )
    assert not any(
        field.get_internal_type() in {"DateTimeField", "DateField"} for field in columns.values()
    )
    assert columns["id"].get_internal_type() == "UUIDField"
    # And who answered is a flag, without a time either.
    invitation_types = {field.get_internal_type() for field in Invitation._meta.get_fields()}
    assert not invitation_types & {"DateTimeField", "DateField"}


def test_the_order_of_the_answers_is_lost(opened):
    opened_questionnaire, people = opened
    order = list(range(PEOPLE))
    random.Random(4).shuffle(order)
    _answer_all(opened_questionnaire, people, order)

    stored = [
        text
        for (text,) in Response.objects.filter(questionnaire=opened_questionnaire, filled=True)
        .order_by("pk")
        .values_list("change")
    ]
    # Read in the order the database keeps them (no ORDER BY), and by id: neither is the
    # order in which people answered (8! orders: a coincidence has odds of 1 in 40,320).
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT change FROM evaluations_response WHERE filled AND questionnaire_id = %s",
            [opened_questionnaire.pk],
        )
        physical = [row[0] for row in cursor.fetchall()]
    answered_in = [f"answer {rank}" for rank in order]
    assert sorted(stored) == sorted(answered_in)
    assert stored != answered_in
    assert physical != answered_in
    # Every slot was rewritten by every answer: none says which answer came last.
    assert set(
        Response.objects.filter(questionnaire=opened_questionnaire).values_list(
            "rewrites", flat=True
        )
    ) == {PEOPLE}


def test_who_answered_is_kept_and_nothing_links_them_to_an_answer(opened):
    opened_questionnaire, people = opened
    _answer_all(opened_questionnaire, people, order=[0, 1, 2])

    answered = set(
        Invitation.objects.filter(questionnaire=opened_questionnaire, answered=True).values_list(
            "user_id", flat=True
        )
    )
    assert answered == {people[0].pk, people[1].pk, people[2].pk}
    # The slots are as many as the invitations, made at the opening: the filled ones are three
    # among eight random ids, not the first three made.
    slots = list(
        Response.objects.filter(questionnaire=opened_questionnaire).values_list("id", "filled")
    )
    assert len(slots) == PEOPLE and sum(filled for _id, filled in slots) == 3
    # The log knows the questionnaire opened, never who answered.
    assert not Action.objects.filter(actor__in=people).exists()


def test_on_postgresql_no_transaction_id_ties_an_answer_to_its_author(opened):
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's system columns")
    opened_questionnaire, people = opened
    _answer_all(opened_questionnaire, people, order=list(range(PEOPLE)))
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT xmin::text FROM evaluations_response WHERE questionnaire_id = %s",
            [opened_questionnaire.pk],
        )
        slot_transactions = {row[0] for row in cursor.fetchall()}
        cursor.execute(
            "SELECT xmin::text FROM evaluations_invitation"
            " WHERE questionnaire_id = %s AND answered",
            [opened_questionnaire.pk],
        )
        invitation_transactions = [row[0] for row in cursor.fetchall()]
    # Every slot carries the last answer's transaction: only the last person to answer shares
    # it, and all eight answers share it with them.
    assert len(slot_transactions) == 1
    assert sum(xid in slot_transactions for xid in invitation_transactions) == 1


def test_a_person_answers_once(opened):
    opened_questionnaire, people = opened
    person = people[0]
    questionnaire.questionnaire_answer(
        user=person, questionnaire=opened_questionnaire, answers={"understood": 4}
    )
    with pytest.raises(questionnaire.AlreadyAnswered):
        questionnaire.questionnaire_answer(
            user=person, questionnaire=opened_questionnaire, answers={"understood": 1}
        )
    assert Response.objects.filter(filled=True).count() == 1
    assert Response.objects.get(filled=True).understood == 4


def test_someone_not_invited_cannot_answer(opened):
    opened_questionnaire, _people = opened
    late_joiner = ParticipationFactory(
        workshop=Workshop.objects.get(pk=opened_questionnaire.workshop_id)
    ).user
    with pytest.raises(questionnaire.NotInvited):
        questionnaire.questionnaire_answer(
            user=late_joiner, questionnaire=opened_questionnaire, answers={"understood": 4}
        )
    assert not Response.objects.filter(filled=True).exists()
