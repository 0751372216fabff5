"""`manage.py generate_city`: a city at scale, consistent as the services would leave it (the
same city from the same seed: test_generate_seed.py)."""

import pytest
import time_machine
from django.db.models import Count, F, Max, Q
from django.utils import timezone

from ateliers.activity.models import Action
from ateliers.core.generated_city import SCALES
from ateliers.core.models import Neighbourhood, User
from ateliers.councils.models import Council, Mandate
from ateliers.debate.models import Contribution, Topic
from ateliers.documents.models import Document
from ateliers.meetings.models import Meeting, MeetingRegistration
from ateliers.opinions.models import Conversation, MapSnapshot, Statement, Vote
from ateliers.proposals.models import WorkshopProposal
from ateliers.recommendations.models import Recommendation, Support
from ateliers.trainings.models import SessionRegistration, TrainingSession
from ateliers.workshops.models import Participation, Workshop
from ateliers.workshops.phases import PhaseKind
from tests.conftest import CITY_NOW

pytestmark = pytest.mark.django_db

SMALL = SCALES["small"]
NOW = CITY_NOW  # when small_city was generated


def test_the_small_city_has_the_sizes_of_its_scale_and_shows_progress(small_city):
    printed = small_city
    assert User.objects.count() == SMALL.accounts
    assert Neighbourhood.objects.count() == SMALL.neighbourhoods
    assert Neighbourhood.objects.filter(is_priority=True).count() == SMALL.priority_neighbourhoods
    assert Council.objects.count() == SMALL.councils
    assert Mandate.objects.count() == SMALL.mandates
    assert Workshop.objects.count() == SMALL.workshops
    assert Participation.objects.count() == SMALL.participations
    assert WorkshopProposal.objects.count() == SMALL.proposals
    assert Document.objects.count() == SMALL.documents
    assert TrainingSession.objects.count() == SMALL.training_sessions
    assert SessionRegistration.objects.count() == SMALL.training_registrations
    assert Meeting.objects.count() == SMALL.meetings
    assert MeetingRegistration.objects.count() == SMALL.meeting_registrations
    assert Topic.objects.count() == SMALL.debate_topics
    assert Contribution.objects.count() == SMALL.debate_contributions
    assert Recommendation.objects.count() == SMALL.recommendations
    assert "participations: 1,200 done" in printed


def test_the_city_is_consistent_as_the_services_would_leave_it(small_city):
    workshops = Workshop.objects.annotate(rows=Count("participations"))
    for workshop in workshops.prefetch_related("phases"):
        assert workshop.participant_count == workshop.rows
        assert workshop.capacity is None or workshop.rows <= workshop.capacity
        phases = workshop.ordered_phases
        assert [phase.kind for phase in phases] == list(PhaseKind)
        assert (phases[0].starts_at, phases[-1].ends_at) == (workshop.starts_at, workshop.ends_at)
        if workshop.status == Workshop.Status.DRAFT:
            assert workshop.rows == 0
    with time_machine.travel(NOW, tick=False):
        published = Workshop.objects.published()
        for kind in PhaseKind:
            assert published.in_phase(kind).exists(), kind.label
        assert published.upcoming().exists() and published.finished().exists()
        today = timezone.localdate()
        presidents = (
            Mandate.objects.current(today)
            .filter(role=Mandate.Role.PRESIDENT)
            .values("council")
            .annotate(number=Count("pk"))
        )
        assert presidents and all(row["number"] == 1 for row in presidents)
    largest = Workshop.objects.order_by("-participant_count").first()
    assert largest.participant_count == SMALL.largest_workshop
    # The activity log holds what happened: each creation, publication and participation.
    assert Action.objects.filter(verb="workshop.created").count() == SMALL.workshops
    assert Action.objects.filter(verb="workshop.joined").count() == SMALL.participations
    assert not Action.objects.filter(Q(verb="workshop.joined") & Q(public=True)).exists()
    # Each document shows its latest version, and its count of versions is right.
    documents = Document.objects.select_related("current").annotate(
        rows=Count("versions"), latest=Max("versions__number")
    )
    for document in documents:
        assert document.version_count == document.rows == document.latest
        assert document.current.number == document.latest
    # Each session's seats count its registered people; the rest wait in line.
    sessions = TrainingSession.objects.annotate(
        seated=Count("registrations", filter=Q(registrations__status="registered")),
        waiting=Count("registrations", filter=Q(registrations__status="waitlisted")),
    )
    for session in sessions:
        assert session.registered_count == session.seated <= session.capacity
        assert session.waiting == 0 or session.seated == session.capacity
    # Past meetings are closed with their minutes; seats count the registered people.
    with time_machine.travel(NOW, tick=False):
        assert not Meeting.objects.filter(
            ends_at__lt=timezone.now(), closed_at__isnull=True
        ).exists()
    meetings = Meeting.objects.filter(registration_required=True).annotate(
        seated=Count("registrations", filter=Q(registrations__status="registered"))
    )
    assert meetings.exists()
    for meeting in meetings:
        assert meeting.registered_count == meeting.seated <= meeting.capacity
    # The debate: its topics count their visible contributions and replies as the services
    # do; authors take part in the workshop; one topic holds the largest discussion.
    visible = Q(contributions__deleted_at__isnull=True) & Q(
        contributions__moderation__in=["none", "restored"]
    )
    topics = Topic.objects.annotate(
        **{
            f"rows_{kind}": Count("contributions", filter=visible & Q(contributions__kind=kind))
            for kind in ("for", "against", "question", "remark")
        },
        rows_replies=Count("contributions", filter=Q(contributions__parent__isnull=False)),
    )
    for topic in topics:
        assert (topic.for_count, topic.against_count) == (topic.rows_for, topic.rows_against)
        assert (topic.question_count, topic.remark_count) == (
            topic.rows_question,
            topic.rows_remark,
        )
        assert topic.reply_count == topic.rows_replies
    assert not Contribution.objects.exclude(
        author__participations__workshop=F("topic__workshop")
    ).exists()
    assert max(Topic.objects.annotate(n=Count("contributions")).values_list("n", flat=True)) >= (
        SMALL.largest_topic
    )
    # Opinion maps: counts kept as the vote service keeps them, votes within their
    # conversation, every map computed, the largest conversation at its size.
    statements = Statement.objects.annotate(
        **{
            f"rows_{name}": Count("votes", filter=Q(votes__value=value))
            for name, value in (("agree", 1), ("disagree", -1), ("pass", 0))
        }
    )
    for statement in statements:
        assert (statement.agree_count, statement.disagree_count, statement.pass_count) == (
            statement.rows_agree,
            statement.rows_disagree,
            statement.rows_pass,
        )
    assert not Vote.objects.exclude(voter__conversation=F("conversation")).exists()
    assert not Vote.objects.exclude(statement__conversation=F("conversation")).exists()
    conversations = Conversation.objects.count()
    assert 0 < conversations <= SMALL.conversations
    assert MapSnapshot.objects.values("conversation").distinct().count() == conversations
    largest = Conversation.objects.annotate(n=Count("voters")).order_by("-n").first()
    assert largest.n == SMALL.largest_conversation_voters
    assert MapSnapshot.objects.filter(conversation=largest).get().n_groups >= 2
    # Recommendations: supports counted as the services count them, from participants of
    # the workshop, as are the authors; a version per edit.
    for recommendation in Recommendation.objects.annotate(
        rows=Count("supports", distinct=True), versions_kept=Count("versions", distinct=True)
    ):
        assert recommendation.support_count == recommendation.rows
        assert recommendation.version == recommendation.versions_kept
    assert not Support.objects.exclude(
        user__participations__workshop=F("recommendation__workshop")
    ).exists()
    assert (
        Recommendation.objects.values("workshop")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()["n"]
        == SMALL.largest_workshop_recommendations
    )
    # Every generated account can log in (verified address, the printed password).
    assert User.objects.filter(emailaddress__verified=True).count() == SMALL.accounts


def test_the_small_city_decided_the_recommendations_of_workshops_past_their_phase(small_city):
    """The adoption: past the recommendations phase, each recommendation is decided; an online
    vote's tallies add up to its ballots, all from the workshop's participants."""
    from ateliers.recommendations.models import Adoption, AdoptionOpening, Ballot

    assert AdoptionOpening.objects.exists()
    online = Adoption.objects.filter(method=Adoption.Method.ONLINE_VOTE).annotate(
        cast=Count("ballots")
    )
    assert online.exists() and Ballot.objects.exists()
    for adoption in online:
        assert adoption.votes_for + adoption.votes_against + adoption.abstentions == adoption.cast
    assert not Ballot.objects.exclude(
        user__participations__workshop=F("adoption__recommendation__workshop")
    ).exists()
    assert not Recommendation.objects.filter(
        adoptions__isnull=False, status=Recommendation.Status.SUBMITTED
    ).exists()
    assert (
        Recommendation.objects.filter(workshop__adoption_opening__isnull=True)
        .exclude(status=Recommendation.Status.DRAFT)
        .count()
        == 0
    )
