"""A workshop with everything its dossier shows, for the dossier's tests and benchmark:
adopted recommendations (with their decision, some with dissents), others not adopted,
participants in several capacities and neighbourhoods, documents, a meeting, a debate topic."""

import datetime

from django.utils import timezone

from ateliers.recommendations.models import (
    Adoption,
    Dissent,
    Recommendation,
    RecommendationAuthor,
)


def adopt(
    workshop,
    *,
    title: str,
    author,
    general_interest: str = "Pour tout le quartier.",
    dissent: str = "",
    method=Adoption.Method.MEETING_VOTE,
) -> Recommendation:
    """An adopted recommendation, as the adoption services will leave it."""
    recommendation = Recommendation.objects.create(
        workshop=workshop,
        title=title,
        text="Un texte **précis**.",
        general_interest=general_interest,
        status=Recommendation.Status.ADOPTED,
        created_by=author,
        support_count=3,
    )
    RecommendationAuthor.objects.create(recommendation=recommendation, user=author)
    now = timezone.now()
    extra = {}
    if method == Adoption.Method.ONLINE_VOTE:
        extra = {
            "vote_opens_at": now - datetime.timedelta(days=3),
            "vote_closes_at": now - datetime.timedelta(days=1),
        }
    adoption = Adoption.objects.create(
        recommendation=recommendation,
        method=method,
        result=Adoption.Result.ADOPTED,
        votes_for=14,
        votes_against=3,
        abstentions=2,
        decided_at=now,
        **extra,
    )
    if dissent:
        Dissent.objects.create(adoption=adoption, text=dissent, held_by="Trois participants")
    return recommendation


def not_adopt(workshop, *, title: str, author) -> Recommendation:
    recommendation = Recommendation.objects.create(
        workshop=workshop,
        title=title,
        text="Un texte.",
        general_interest="Pour certains.",
        status=Recommendation.Status.NOT_ADOPTED,
        created_by=author,
    )
    Adoption.objects.create(
        recommendation=recommendation,
        method=Adoption.Method.CONSENSUS,
        result=Adoption.Result.NOT_ADOPTED,
        decided_at=timezone.now(),
    )
    return recommendation
