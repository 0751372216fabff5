"""Reads of the adoption's pages, in a fixed number of queries whatever the number of
recommendations, amendments, adoptions and dissents. An online vote whose window has closed
is settled here, lazily, before it is shown (adoption.adoption_settle)."""

from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.db.models.functions import Now

from ateliers.workshops.models import Workshop

from . import adoption as services
from .models import Adoption, AdoptionOpening, Amendment, Ballot, Dissent, Recommendation, Status


@dataclass
class Decision:
    """One thing decided: a recommendation or one of its amendments put to the vote."""

    recommendation: Recommendation
    amendment: Amendment | None
    adoption: Adoption | None
    # An online vote open now, in which the reader may vote / already voted.
    voted: bool = False

    @property
    def pending(self) -> bool:
        return self.adoption is not None and self.adoption.result == Adoption.Result.PENDING

    @property
    def decided(self) -> bool:
        return self.adoption is not None and not self.pending

    @property
    def voters(self) -> int:
        """How many voted online (the tallies' sum: one per ballot)."""
        if self.adoption is None:
            return 0
        return self.adoption.votes_for + self.adoption.votes_against + self.adoption.abstentions


@dataclass
class Item:
    recommendation: Recommendation
    own: Decision
    amendments: list[Decision] = field(default_factory=list)


def settle_closed_votes(workshop: Workshop) -> int:
    """Freeze the result of each online vote of the workshop whose window has closed."""
    closed = Adoption.objects.filter(
        recommendation__workshop=workshop,
        method=Adoption.Method.ONLINE_VOTE,
        result=Adoption.Result.PENDING,
        vote_closes_at__lte=Now(),
    )
    return sum(services.adoption_settle(adoption) for adoption in closed)


def opening_of(workshop: Workshop) -> AdoptionOpening | None:
    return AdoptionOpening.objects.filter(workshop=workshop).select_related("opened_by").first()


def _adoptions() -> Prefetch:
    return Prefetch(
        "adoptions",
        queryset=Adoption.objects.select_related("meeting").prefetch_related(
            Prefetch("dissents", queryset=Dissent.objects.order_by("recorded_at", "pk"))
        ),
    )


def adoption_items(workshop: Workshop, *, user=None) -> list[Item]:
    """The workshop's submitted and decided recommendations, each with its own adoption and its
    amendments put to the vote with theirs, and whether `user` voted in its online votes."""
    settle_closed_votes(workshop)
    recommendations = (
        Recommendation.objects.filter(workshop=workshop)
        .exclude(status=Status.DRAFT)
        .order_by("created_at", "pk")
        .prefetch_related(
            _adoptions(),
            Prefetch(
                "amendments",
                queryset=Amendment.objects.filter(put_to_vote=True)
                .select_related("author")
                .order_by("created_at", "pk"),
                to_attr="to_vote",
            ),
        )
    )
    items = []
    for recommendation in recommendations:
        by_amendment = {a.amendment_id: a for a in recommendation.adoptions.all()}
        items.append(
            Item(
                recommendation,
                Decision(recommendation, None, by_amendment.get(None)),
                [
                    Decision(recommendation, amendment, by_amendment.get(amendment.pk))
                    for amendment in recommendation.to_vote
                ],
            )
        )
    if user is not None and user.is_authenticated:
        pending = [
            decision.adoption.pk
            for item in items
            for decision in (item.own, *item.amendments)
            if decision.pending
        ]
        voted = (
            set(
                Ballot.objects.filter(adoption_id__in=pending, user=user).values_list(
                    "adoption_id", flat=True
                )
            )
            if pending
            else set()
        )
        for item in items:
            for decision in (item.own, *item.amendments):
                decision.voted = decision.adoption is not None and decision.adoption.pk in voted
    return items


def counts_to_decide(workshop: Workshop) -> tuple[int, int]:
    """What opening the adoption will put to the decision: drafts, amendments to the vote."""
    drafts = Recommendation.objects.filter(workshop=workshop, status=Status.DRAFT).count()
    amendments = Amendment.objects.filter(
        recommendation__workshop=workshop, put_to_vote=True
    ).count()
    return drafts, amendments


def adoption_for_page(*, pk: int) -> Adoption:
    adoption = Adoption.objects.select_related(
        "recommendation__workshop", "amendment", "meeting"
    ).get(pk=pk)
    services.adoption_settle(adoption)  # refreshes what settling changes
    return adoption


def recommendation_adoption(recommendation: Recommendation) -> Adoption | None:
    """The recommendation's own adoption with its dissents (its page's compact block)."""
    adoption = (
        Adoption.objects.filter(recommendation=recommendation, amendment__isnull=True)
        .select_related("meeting")
        .prefetch_related("dissents")
        .first()
    )
    if adoption is not None:
        services.adoption_settle(adoption)  # refreshes what settling changes
    return adoption
