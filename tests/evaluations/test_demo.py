"""The demo city's evaluations: one objective met, one partly met, both published with their
indicators; questionnaires answered by enough participants to show results for two workshops
and by too few for a third, each answer anonymous; all of it in the past, in each workshop's
closing window; loading the demo twice adds nothing."""

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.evaluations.demo import PARK_LIGHTING, PARKING, SPORTS
from ateliers.evaluations.models import (
    EVALUATION_WINDOW_DAYS,
    MINIMUM_ANSWERS,
    QUESTIONNAIRE_DAYS,
    Evaluation,
    Indicator,
    Invitation,
    Questionnaire,
    Response,
)
from ateliers.workshops.models import Participation

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_city")]

WINDOW = datetime.timedelta(days=EVALUATION_WINDOW_DAYS)
COUNTED = [Action, Evaluation, Indicator, Questionnaire, Invitation, Response]


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in COUNTED}


def filled(slug: str) -> int:
    return Response.objects.filter(questionnaire__workshop__slug=slug, filled=True).count()


def test_one_objective_met_one_partly_both_published_with_indicators():
    evaluations = {
        evaluation.workshop.slug: evaluation
        for evaluation in Evaluation.objects.select_related("workshop")
    }
    assert evaluations[SPORTS].outcome == Evaluation.Outcome.MET
    assert evaluations[PARKING].outcome == Evaluation.Outcome.PARTLY_MET
    now = timezone.now()
    for evaluation in evaluations.values():
        workshop = evaluation.workshop
        assert evaluation.explanation and evaluation.written_by is not None
        # Published in the closing window, after it was written, in the past.
        assert workshop.ends_at < evaluation.created_at <= evaluation.published_at
        assert evaluation.published_at <= min(now, workshop.ends_at + WINDOW)
        indicators = list(evaluation.indicators.all())
        assert 3 <= len(indicators) <= 5
        measured = [indicator for indicator in indicators if indicator.measure]
        typed = [indicator for indicator in indicators if not indicator.measure]
        assert measured and all(indicator.target for indicator in measured)
        assert typed and all(indicator.value for indicator in typed)


def test_results_for_two_questionnaires_and_too_few_answers_for_a_third():
    assert filled(PARKING) >= MINIMUM_ANSWERS
    assert filled(SPORTS) >= MINIMUM_ANSWERS
    assert 0 < filled(PARK_LIGHTING) < MINIMUM_ANSWERS
    # Realistic answers: a spread of ratings, free answers, age bands, first participations.
    answers = Response.objects.filter(filled=True)
    assert answers.values("influence").distinct().count() >= 3
    assert answers.exclude(change="").count() >= 6
    assert answers.exclude(age_band="").values("age_band").distinct().count() >= 4
    assert answers.filter(first_time=True).exists() and answers.filter(first_time=False).exists()


def test_answers_are_anonymous_and_counted_once():
    questionnaires = Questionnaire.objects.annotate(
        invitations_count=Count("invitations", distinct=True),
        answered=Count("invitations", filter=Q(invitations__answered=True), distinct=True),
        slots=Count("responses", distinct=True),
        filled=Count("responses", filter=Q(responses__filled=True), distinct=True),
    ).select_related("workshop")
    assert questionnaires.count() == 3
    for each in questionnaires:
        participants = Participation.objects.filter(workshop=each.workshop).count()
        assert each.invited == each.invitations_count == each.slots == participants
        assert each.answered == each.filled
        assert each.answered < each.invited  # someone did not answer
        # Every answer rewrote every slot: each slot counts them all.
        rewrites = set(each.responses.values_list("rewrites", flat=True))
        assert rewrites == {each.answered}
    # Nothing was logged of the answers.
    assert not Action.objects.filter(verb__startswith="evaluations.answer").exists()


def test_the_questionnaires_were_open_in_the_past_after_each_workshop():
    now = timezone.now()
    for each in Questionnaire.objects.select_related("workshop"):
        assert each.workshop.ends_at < each.opens_at <= each.workshop.ends_at + WINDOW
        assert each.closes_at - each.opens_at == datetime.timedelta(days=QUESTIONNAIRE_DAYS)
        assert each.closes_at < now
    opened = Action.objects.filter(verb="evaluations.questionnaire_opened")
    assert opened.count() == 3
    assert not Action.objects.filter(
        verb__startswith="evaluations.", created_at__gt=now - datetime.timedelta(days=1)
    ).exists()


def test_loading_twice_changes_nothing():
    first = counts()
    assert first["Evaluation"] == 2 and first["Questionnaire"] == 3
    call_command("load_demo", stdout=StringIO())
    assert counts() == first
