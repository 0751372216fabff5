"""`generate_city`'s evaluations at the smallest scale: every finished workshop's evaluation
(most published, objectives met, partly met and not met) with 3 to 6 indicators, and its
questionnaire (every participant invited, as many slots, about a third answered, the answered
invitations as many as the filled slots); consistent as the services would leave them, and
the same from the same seed
(tests/demo/test_generate_seed.py)."""

import datetime

import pytest
from django.db.models import Count, Q

from ateliers.activity.models import Action
from ateliers.evaluations.models import (
    EVALUATION_WINDOW_DAYS,
    MINIMUM_ANSWERS,
    QUESTIONNAIRE_DAYS,
    RATED,
    Evaluation,
    Indicator,
    Invitation,
    Outcome,
    Questionnaire,
    Response,
)
from ateliers.workshops.models import Participation, Workshop
from tests.conftest import CITY_NOW

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("small_city")]

NOW = CITY_NOW  # when small_city was generated
WINDOW = datetime.timedelta(days=EVALUATION_WINDOW_DAYS)


def finished():
    return Workshop.objects.filter(
        status__in=[Workshop.Status.PUBLISHED, Workshop.Status.ARCHIVED], ends_at__lte=NOW
    )


def test_every_finished_workshop_has_its_evaluation_most_published():
    evaluations = Evaluation.objects.select_related("workshop")
    assert evaluations.count() == finished().count() > 10
    assert set(evaluations.values_list("workshop", flat=True)) == set(
        finished().values_list("pk", flat=True)
    )
    published = evaluations.filter(published_at__isnull=False)
    assert published.count() > 0.7 * evaluations.count()
    assert evaluations.filter(published_at__isnull=True).exists()
    outcomes = set(published.values_list("outcome", flat=True))
    assert outcomes == set(Outcome.values)
    assert (
        published.filter(outcome=Outcome.MET).count()
        > published.filter(outcome=Outcome.NOT_MET).count()
    )
    for evaluation in evaluations:
        end = evaluation.workshop.ends_at
        assert end <= evaluation.created_at <= NOW
        if evaluation.published_at:
            # Published in the closing window, after it was written.
            assert evaluation.created_at < evaluation.published_at <= min(NOW, end + WINDOW)
            assert evaluation.outcome and evaluation.explanation
            assert evaluation.updated_at == evaluation.published_at


def test_indicators_measured_and_typed_frozen_when_published():
    per_evaluation = Evaluation.objects.annotate(n=Count("indicators"))
    assert {evaluation.n for evaluation in per_evaluation} <= set(range(3, 7))
    measured = Indicator.objects.exclude(measure="")
    assert measured.exists() and Indicator.objects.filter(measure="").exists()
    assert measured.exclude(target="").exists()
    # The platform's values are written at publication, not before.
    assert not measured.filter(evaluation__published_at__isnull=False, value="").exists()
    assert not measured.filter(evaluation__published_at__isnull=True).exclude(value="").exists()
    counted = measured.filter(measure="participants", evaluation__published_at__isnull=False)
    assert counted.exists()
    for indicator in counted.select_related("evaluation"):
        count = Participation.objects.filter(workshop=indicator.evaluation.workshop_id).count()
        assert indicator.value == f"{count:,}".replace(",", "\u00a0")
    # Positions run 1, 2, 3… in each evaluation.
    for evaluation in Evaluation.objects.prefetch_related("indicators"):
        positions = [indicator.position for indicator in evaluation.indicators.all()]
        assert positions == list(range(1, len(positions) + 1))


def test_questionnaires_invite_everyone_and_keep_answers_apart():
    questionnaires = Questionnaire.objects.annotate(
        invitations_count=Count("invitations", distinct=True),
        answered=Count("invitations", filter=Q(invitations__answered=True), distinct=True),
        slots=Count("responses", distinct=True),
        filled=Count("responses", filter=Q(responses__filled=True), distinct=True),
    ).select_related("workshop")
    assert questionnaires.count() > 10
    for each in questionnaires:
        participants = Participation.objects.filter(workshop=each.workshop).count()
        assert each.invited == each.invitations_count == each.slots == participants
        assert each.answered == each.filled
        assert set(each.responses.values_list("rewrites", flat=True)) == {each.answered}
        assert each.workshop.ends_at < each.opens_at <= NOW
        assert each.closes_at - each.opens_at == datetime.timedelta(days=QUESTIONNAIRE_DAYS)
    # Some show their results, some have too few answers.
    assert questionnaires.filter(filled__gte=MINIMUM_ANSWERS).exists()
    assert questionnaires.filter(filled__gt=0, filled__lt=MINIMUM_ANSWERS).exists()
    invited = sum(each.invited for each in questionnaires)
    answered = sum(each.answered for each in questionnaires)
    assert 0.2 < answered / invited < 0.4
    # The invitations are the participants', each once; slots under random ids, version 4.
    invitations = list(Invitation.objects.values_list("questionnaire__workshop", "user"))
    assert len(set(invitations)) == len(invitations)
    assert set(invitations) == set(
        Participation.objects.filter(
            workshop__in=Questionnaire.objects.values("workshop")
        ).values_list("workshop", "user")
    )
    slots = list(Response.objects.values_list("id", flat=True))
    assert len(set(slots)) == len(slots) and {slot.version for slot in slots} == {4}


def test_the_answers_are_plausible():
    answers = Response.objects.filter(filled=True)
    empty = Response.objects.filter(filled=False)
    # An empty slot holds nothing.
    assert not empty.exclude(
        Q(change="") & Q(again="") & Q(age_band="") & Q(first_time__isnull=True)
    ).exists()
    assert not empty.filter(neighbourhood__isnull=False).exists()
    for name in RATED:
        assert not empty.filter(**{f"{name}__isnull": False}).exists(), name
        values = set(answers.exclude(**{f"{name}__isnull": True}).values_list(name, flat=True))
        assert values <= {1, 2, 3, 4, 5} and len(values) >= 4, name
    average = {
        name: sum(answers.values_list(name, flat=True).exclude(**{f"{name}__isnull": True}))
        / answers.exclude(**{f"{name}__isnull": True}).count()
        for name in RATED
    }
    # Participants feel their influence least.
    assert min(average, key=average.get) == "influence"
    assert answers.exclude(change="").exists() and answers.filter(change="").exists()
    assert answers.values("age_band").distinct().count() >= 5
    assert answers.filter(first_time=True).exists() and answers.filter(first_time=False).exists()


def test_the_log_says_what_happened_when():
    published = Evaluation.objects.filter(published_at__isnull=False)
    logged = Action.objects.filter(verb="evaluations.published")
    assert logged.count() == published.count()
    assert set(logged.values_list("target_id", "created_at")) == set(
        published.values_list("workshop_id", "published_at")
    )
    opened = Action.objects.filter(verb="evaluations.questionnaire_opened", public=True)
    assert set(opened.values_list("target_id", "created_at")) == set(
        Questionnaire.objects.values_list("workshop_id", "opens_at")
    )
    assert Action.objects.filter(verb="evaluations.indicator_added").count() == (
        Indicator.objects.count()
    )
    assert not Action.objects.filter(verb__startswith="evaluations.", created_at__gt=NOW).exists()


def fingerprint() -> list:
    return [
        sorted(
            Evaluation.objects.values_list(
                "workshop__slug", "outcome", "explanation", "created_at", "published_at"
            )
        ),
        sorted(
            Indicator.objects.values_list("evaluation__workshop__slug", "name", "target", "value")
        ),
        sorted(Questionnaire.objects.values_list("workshop__slug", "opens_at", "invited")),
        sorted(
            Questionnaire.objects.values_list(
                "workshop__slug", "invitations__user__email", "invitations__answered"
            )
        ),
        sorted(
            (str(slot_id), *rest)
            for slot_id, *rest in Response.objects.values_list(
                "id", "questionnaire__workshop__slug", "filled", *RATED, "change", "age_band"
            )
        ),
    ]
