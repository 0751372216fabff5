"""Who may do what, and when: every permission × every role × every moment and status.

The tables below are the specification. Each cell is checked against the rules (what every
page and service asks) with the clock frozen in that moment of a workshop's life: before it,
in each of its five phases, after it; for a published, a draft and an archived workshop.
Every permission an app registers must have its row here, and every phase feature an app
registers must be the one its permission follows: a new permission or feature without its
row fails this file. The HTTP tests of each app check the same rules through the pages.
"""

import copy
import datetime

import pytest
import rules
import time_machine

from ateliers.debate.models import Contribution
from ateliers.recommendations.models import (
    Amendment,
    AmendmentStatus,
    Recommendation,
    RecommendationAuthor,
)
from ateliers.workshops import features
from ateliers.workshops.models import Workshop
from ateliers.workshops.phases import PhaseKind

from .conftest import rows_for_the_module
from .factories import (
    ContributionFactory,
    ConversationFactory,
    CouncilFactory,
    DocumentFactory,
    MeetingFactory,
    TopicFactory,
    TrainingSessionFactory,
    WorkshopFactory,
)
from .roles import ACCOUNTS, CITY_TEAM, FACILITATORS, ROLES, WORKSHOP_MANAGERS, cast

pytestmark = pytest.mark.django_db

START = datetime.datetime(2026, 3, 2, 9, 0, tzinfo=datetime.UTC)
PHASE_LENGTH = datetime.timedelta(days=10)

# A moment inside each period: midway through the phase, or a day outside the workshop.
MOMENTS = {
    "before": START - datetime.timedelta(days=1),
    **{
        kind.name.lower(): START + PHASE_LENGTH * (index + 0.5)
        for index, kind in enumerate(PhaseKind)
    },
    "after": START + PHASE_LENGTH * 5 + datetime.timedelta(days=1),
}
ALWAYS = frozenset(MOMENTS)
COMMUNICATION = frozenset({"communication"})
# From the workshop's preparation to the end of its last phase.
UNTIL_THE_END = ALWAYS - {"after"}
PREPARATION = frozenset({"before", "communication", "information"})
UNTIL_RECOMMENDATIONS = frozenset({"communication", "information", "debate", "recommendations"})
DEBATE = frozenset({"debate"})
RECOMMENDATIONS = frozenset({"recommendations"})
# The adoption of the recommendations is decided from the end of their phase to the presentation.
ADOPTION = frozenset({"recommendations", "presentation"})
# What was posted in the debate is looked after from then on, after the end too.
FROM_THE_DEBATE = frozenset({"debate", "recommendations", "presentation", "after"})
# The dossier is made from the recommendations phase on, after the end too.
FROM_THE_RECOMMENDATIONS = frozenset({"recommendations", "presentation", "after"})
# The town hall hears and answers from the presentation on, months after the end too.
FROM_THE_PRESENTATION = frozenset({"presentation", "after"})
# The evaluation's closing window, after the last phase (the "after" moment falls in it).
AFTER = frozenset({"after"})
# Who takes part in the debate and the opinion map: the workshop's participants and its team.
TAKING_PART = WORKSHOP_MANAGERS | {"participant"}

PUBLISHED, DRAFT, ARCHIVED = (
    Workshop.Status.PUBLISHED,
    Workshop.Status.DRAFT,
    Workshop.Status.ARCHIVED,
)
STATUSES = [PUBLISHED, DRAFT, ARCHIVED]
EVERYONE = frozenset(ROLES)


def _always(roles) -> dict:
    return {role: ALWAYS for role in roles}


# Permissions on a workshop: permission → status → {role: moments}. Absent: never.
ON_A_WORKSHOP = {
    "workshops.view_workshop": {
        PUBLISHED: _always(EVERYONE),
        DRAFT: _always(WORKSHOP_MANAGERS),
        ARCHIVED: _always(EVERYONE),
    },
    "workshops.view_history": {
        PUBLISHED: _always(EVERYONE),
        DRAFT: _always(WORKSHOP_MANAGERS),
        ARCHIVED: _always(EVERYONE),
    },
    "workshops.manage_workshop": {status: _always(WORKSHOP_MANAGERS) for status in STATUSES},
    "workshops.view_participants": {status: _always(WORKSHOP_MANAGERS) for status in STATUSES},
    "workshops.change_workshop": {
        PUBLISHED: _always(WORKSHOP_MANAGERS),
        DRAFT: _always(WORKSHOP_MANAGERS),
    },
    "workshops.publish_workshop": {DRAFT: _always(WORKSHOP_MANAGERS)},
    "workshops.archive_workshop": {
        PUBLISHED: _always(WORKSHOP_MANAGERS),
        DRAFT: _always(WORKSHOP_MANAGERS),
    },
    # Anyone with an account while the communication phase runs. (A participant passes the
    # rule; the service then answers "you already take part".)
    "workshops.join_workshop": {PUBLISHED: {role: COMMUNICATION for role in ACCOUNTS}},
    "workshops.leave_workshop": {PUBLISHED: {"participant": UNTIL_RECOMMENDATIONS}},
    # The team prepares its documents before the start and adds them until the end.
    "documents.add_workshop_document": {
        PUBLISHED: {role: UNTIL_THE_END for role in WORKSHOP_MANAGERS},
        DRAFT: {role: UNTIL_THE_END for role in WORKSHOP_MANAGERS},
    },
    # Asked about one of the workshop's documents (OBJECT_OF).
    "documents.change_document": {
        PUBLISHED: {role: UNTIL_THE_END for role in WORKSHOP_MANAGERS},
        DRAFT: {role: UNTIL_THE_END for role in WORKSHOP_MANAGERS},
    },
    "documents.view_document": {
        PUBLISHED: _always(EVERYONE),
        DRAFT: _always(WORKSHOP_MANAGERS),
        ARCHIVED: _always(EVERYONE),
    },
    # The team plans meetings from the preparation to the end of the last phase.
    "meetings.plan_workshop_meeting": {
        PUBLISHED: {role: UNTIL_THE_END for role in WORKSHOP_MANAGERS},
        DRAFT: {role: UNTIL_THE_END for role in WORKSHOP_MANAGERS},
    },
    # Asked about one of the workshop's meetings (OBJECT_OF): its team organises it, until the
    # workshop is archived (minutes are published after the last phase too).
    "meetings.organise_meeting": {
        PUBLISHED: _always(WORKSHOP_MANAGERS),
        DRAFT: _always(WORKSHOP_MANAGERS),
    },
    "meetings.view_meeting": {
        PUBLISHED: _always(EVERYONE),
        DRAFT: _always(WORKSHOP_MANAGERS),
        ARCHIVED: _always(EVERYONE),
    },
    # The opinion map: the team opens conversations and reviews statements in the debate
    # phase; participants and the team vote and write statements then, on a published
    # workshop; its conversations and results are as public as the workshop.
    "opinions.open_conversation": {
        PUBLISHED: {role: DEBATE for role in WORKSHOP_MANAGERS},
        DRAFT: {role: DEBATE for role in WORKSHOP_MANAGERS},
    },
    "opinions.import_conversation": {
        PUBLISHED: _always(CITY_TEAM),
        DRAFT: _always(CITY_TEAM),
    },
    # Asked about one of the workshop's conversations (OBJECT_OF).
    "opinions.view_conversation": {
        PUBLISHED: _always(EVERYONE),
        DRAFT: _always(WORKSHOP_MANAGERS),
        ARCHIVED: _always(EVERYONE),
    },
    "opinions.vote": {PUBLISHED: {role: DEBATE for role in TAKING_PART}},
    "opinions.write_statement": {PUBLISHED: {role: DEBATE for role in TAKING_PART}},
    "opinions.moderate_statements": {
        PUBLISHED: {role: DEBATE for role in WORKSHOP_MANAGERS},
        DRAFT: {role: DEBATE for role in WORKSHOP_MANAGERS},
    },
    "opinions.export_conversation": {status: _always(WORKSHOP_MANAGERS) for status in STATUSES},
    # The team points to trainings while it prepares the workshop, calls for participants
    # and informs them.
    "trainings.recommend_for_workshop": {
        status: {role: PREPARATION for role in WORKSHOP_MANAGERS} for status in (PUBLISHED, DRAFT)
    },
    # The debate. The world's contributions are the participant's, posted five minutes
    # before the "debate" moment (their edit window is open then).
    "debate.view_topic": {
        PUBLISHED: _always(EVERYONE),
        DRAFT: _always(WORKSHOP_MANAGERS),
        ARCHIVED: _always(EVERYONE),
    },
    "debate.open_topic": {PUBLISHED: {role: DEBATE for role in WORKSHOP_MANAGERS}},
    "debate.conclude_topic": {
        PUBLISHED: {role: {"debate", "recommendations"} for role in WORKSHOP_MANAGERS}
    },
    "debate.post_contribution": {PUBLISHED: {role: DEBATE for role in TAKING_PART}},
    "debate.reply_in_topic": {PUBLISHED: {role: DEBATE for role in TAKING_PART}},
    "debate.reply_to_contribution": {PUBLISHED: {role: DEBATE for role in TAKING_PART}},
    # Only its author, and only in the minutes after posting it.
    "debate.change_contribution": {PUBLISHED: {"participant": DEBATE}},
    "debate.delete_contribution": {status: {"participant": ALWAYS} for status in STATUSES},
    "debate.report_contribution": {
        PUBLISHED: {role: FROM_THE_DEBATE for role in ACCOUNTS - {"participant"}}
    },
    "debate.moderate_debate": {PUBLISHED: {role: FROM_THE_DEBATE for role in WORKSHOP_MANAGERS}},
    "debate.moderate_contribution": {
        PUBLISHED: {role: FROM_THE_DEBATE for role in WORKSHOP_MANAGERS}
    },
    # Asked about a contribution of the participant's that a moderator hid.
    "debate.ask_for_review": {status: {"participant": ALWAYS} for status in STATUSES},
    # Recommendations: the participants and the team draft and support them in their phase;
    # only their authors (the world's are the participant's) change them and add co-authors.
    "recommendations.view_recommendation": {
        PUBLISHED: _always(EVERYONE),
        DRAFT: _always(WORKSHOP_MANAGERS),
        ARCHIVED: _always(EVERYONE),
    },
    "recommendations.draft_recommendation": {
        PUBLISHED: {role: RECOMMENDATIONS for role in TAKING_PART}
    },
    "recommendations.support_recommendation": {
        PUBLISHED: {role: RECOMMENDATIONS for role in TAKING_PART}
    },
    "recommendations.change_recommendation": {PUBLISHED: {"participant": RECOMMENDATIONS}},
    "recommendations.add_coauthor": {PUBLISHED: {"participant": RECOMMENDATIONS}},
    # The adoption: the workshop's team (not another workshop's facilitator, nor an elected
    # official who does not run it) opens it at the end of the recommendations phase, records
    # decisions and dissents then and in the presentation phase; only participants vote online.
    "recommendations.open_adoption": {
        PUBLISHED: {role: RECOMMENDATIONS for role in WORKSHOP_MANAGERS}
    },
    "recommendations.record_adoption": {PUBLISHED: {role: ADOPTION for role in WORKSHOP_MANAGERS}},
    "recommendations.record_dissent": {PUBLISHED: {role: ADOPTION for role in WORKSHOP_MANAGERS}},
    "recommendations.vote_adoption": {PUBLISHED: {"participant": ADOPTION}},
    # Amendments: proposed by whoever takes part, answered by the recommendation's authors
    # (the participant), a rejected one put to the adoption by its author (the participant
    # here too) or the team.
    "recommendations.propose_amendment": {
        PUBLISHED: {role: RECOMMENDATIONS for role in TAKING_PART}
    },
    "recommendations.answer_amendment": {PUBLISHED: {"participant": RECOMMENDATIONS}},
    "recommendations.put_amendment_to_vote": {
        PUBLISHED: {role: RECOMMENDATIONS for role in TAKING_PART}
    },
    # The dossier for the town hall: its team and the city team make its PDF from the
    # recommendations phase on, after the end too, once the workshop is public.
    "recommendations.make_dossier": {
        status: {role: FROM_THE_RECOMMENDATIONS for role in WORKSHOP_MANAGERS}
        for status in (PUBLISHED, ARCHIVED)
    },
    # The road to the town hall: the participants volunteer and the team records the choice of
    # delegates while the adoption is decided; the city team (not a facilitator, not an
    # elected official) puts the dossier on an agenda and answers from the presentation on.
    "townhall.volunteer_as_delegate": {PUBLISHED: {"participant": ADOPTION}},
    "townhall.choose_delegates": {PUBLISHED: {role: ADOPTION for role in WORKSHOP_MANAGERS}},
    "townhall.put_dossier_on_agenda": {
        status: {role: FROM_THE_PRESENTATION for role in CITY_TEAM}
        for status in (PUBLISHED, ARCHIVED)
    },
    "townhall.answer_recommendation": {
        status: {role: FROM_THE_PRESENTATION for role in CITY_TEAM}
        for status in (PUBLISHED, ARCHIVED)
    },
    # The evaluation: in the closing window after the presentation phase, the team writes it
    # and invites the participants to the questionnaire, which only they answer; the team
    # alone reads the questionnaire's free answers.
    "evaluations.write_evaluation": {
        status: {role: AFTER for role in WORKSHOP_MANAGERS} for status in (PUBLISHED, ARCHIVED)
    },
    "evaluations.open_questionnaire": {
        status: {role: AFTER for role in WORKSHOP_MANAGERS} for status in (PUBLISHED, ARCHIVED)
    },
    "evaluations.answer_questionnaire": {
        status: {"participant": AFTER} for status in (PUBLISHED, ARCHIVED)
    },
    "evaluations.read_free_answers": {
        status: _always(WORKSHOP_MANAGERS) for status in (PUBLISHED, ARCHIVED)
    },
}
# Permissions asked about something of the workshop's rather than the workshop itself.
OBJECT_OF = {
    "documents.change_document": "documents",
    "documents.view_document": "documents",
    "meetings.organise_meeting": "meetings",
    "meetings.view_meeting": "meetings",
    "debate.view_topic": "topics",
    "debate.conclude_topic": "topics",
    "debate.post_contribution": "topics",
    "debate.reply_in_topic": "topics",
    "debate.reply_to_contribution": "contributions",
    "debate.change_contribution": "contributions",
    "debate.delete_contribution": "contributions",
    "debate.report_contribution": "contributions",
    "debate.moderate_contribution": "contributions",
    "debate.ask_for_review": "hidden_contributions",
    "opinions.view_conversation": "conversations",
    "opinions.vote": "conversations",
    "opinions.write_statement": "conversations",
    "opinions.moderate_statements": "conversations",
    "opinions.export_conversation": "conversations",
    "recommendations.view_recommendation": "recommendations",
    "recommendations.support_recommendation": "recommendations",
    "recommendations.change_recommendation": "recommendations",
    "recommendations.add_coauthor": "recommendations",
    "recommendations.propose_amendment": "recommendations",
    "recommendations.answer_amendment": "amendments",
    "recommendations.put_amendment_to_vote": "rejected_amendments",
}
# The phase feature each phase-dependent permission follows (workshops/features.py).
FEATURE_OF = {
    "workshops.join_workshop": "join",
    "workshops.leave_workshop": "leave",
    "documents.add_workshop_document": "add_document",
    "trainings.recommend_for_workshop": "recommend_training",
    "meetings.plan_workshop_meeting": "plan_meeting",
    "debate.open_topic": "open_topic",
    "debate.conclude_topic": "conclude_topic",
    "debate.post_contribution": "post",
    "debate.reply_to_contribution": "reply",
    "debate.report_contribution": "report",
    "debate.moderate_debate": "moderate",
    "opinions.open_conversation": "open_conversation",
    "opinions.vote": "vote_on_statements",
    "opinions.write_statement": "write_statement",
    "opinions.moderate_statements": "moderate_statements",
    "recommendations.draft_recommendation": "draft_recommendation",
    "recommendations.support_recommendation": "support_recommendation",
    "recommendations.change_recommendation": "draft_recommendation",
    "recommendations.add_coauthor": "draft_recommendation",
    "recommendations.open_adoption": "open_adoption",
    "recommendations.record_adoption": "record_adoption",
    "recommendations.record_dissent": "record_adoption",
    "recommendations.vote_adoption": "vote_on_adoption",
    "recommendations.propose_amendment": "amend_recommendation",
    "recommendations.answer_amendment": "amend_recommendation",
    "recommendations.put_amendment_to_vote": "amend_recommendation",
    "recommendations.make_dossier": "make_dossier",
    "townhall.volunteer_as_delegate": "choose_delegates",
    "townhall.choose_delegates": "choose_delegates",
    "townhall.put_dossier_on_agenda": "hear_workshop",
    "townhall.answer_recommendation": "answer_recommendation",
    "evaluations.write_evaluation": "write_evaluation",
    "evaluations.open_questionnaire": "open_questionnaire",
    "evaluations.answer_questionnaire": "answer_questionnaire",
}

# Permissions that do not depend on a workshop's dates: permission → roles allowed.
ON_A_COUNCIL = {
    "councils.manage_councils": CITY_TEAM,
    "proposals.propose_workshop": CITY_TEAM | {"council_president"},
    "documents.add_council_document": CITY_TEAM | {"council_president"},
    "trainings.recommend_for_council": CITY_TEAM | {"council_president"},
    "meetings.plan_council_meeting": CITY_TEAM | {"council_president"},
}
# Permissions on one of a council's documents.
ON_A_COUNCIL_DOCUMENT = {
    "documents.change_document": CITY_TEAM | {"council_president"},
    "documents.view_document": EVERYONE,
}
# Permissions on one of a council's meetings.
ON_A_COUNCIL_MEETING = {
    "meetings.organise_meeting": CITY_TEAM | {"council_president"},
    "meetings.view_meeting": EVERYONE,
}
WITHOUT_OBJECT = {
    "workshops.add_workshop": CITY_TEAM | FACILITATORS,
    "workshops.assign_facilitators": CITY_TEAM,
    "councils.manage_councils": CITY_TEAM,
    "proposals.review_proposals": CITY_TEAM,
    "activity.view_audit_trail": CITY_TEAM,
    "trainings.manage_trainings": CITY_TEAM,
    "trainings.register_for_sessions": ACCOUNTS,
    "meetings.register_for_meetings": ACCOUNTS,
    "townhall.manage_townhall": CITY_TEAM,
}
OUR_APPS = (
    "core.",
    "activity.",
    "councils.",
    "workshops.",
    "proposals.",
    "documents.",
    "trainings.",
    "meetings.",
    "opinions.",
    "debate.",
    "recommendations.",
    "townhall.",
    "evaluations.",
    "site.",
)


def _workshop(status):
    """A workshop in `status` with five 10-day phases from START."""
    workshop = WorkshopFactory(status=status, phase=PhaseKind.COMMUNICATION)
    for index, phase in enumerate(workshop.phases.order_by("kind")):
        phase.starts_at = START + PHASE_LENGTH * index
        phase.ends_at = START + PHASE_LENGTH * (index + 1)
        phase.save()
    Workshop.objects.filter(pk=workshop.pk).update(
        starts_at=START, ends_at=START + PHASE_LENGTH * 5
    )
    return Workshop.objects.prefetch_related("phases", "facilitators").get(pk=workshop.pk)


def _recommendation(workshop, author):
    recommendation = Recommendation.objects.create(
        workshop=workshop, title="Des bancs", text="Sous les platanes.", general_interest="Tous."
    )
    RecommendationAuthor.objects.create(recommendation=recommendation, user=author)
    return recommendation


def _amendment(recommendation, author, **fields):
    return Amendment.objects.create(
        recommendation=recommendation,
        author=author,
        base_version=1,
        text="Sous les tilleuls.",
        reason="Plus d'ombre.",
        **fields,
    )


@pytest.fixture(scope="module")
def built_world(django_db_setup, django_db_blocker):
    """The world of the matrix, built once for the module (each test's own rows roll back)."""
    with rows_for_the_module(django_db_blocker):
        yield _world()


@pytest.fixture
def world(built_world, db):
    # Copies for each test: what one test's rules cache on an object never reach another.
    return copy.deepcopy(built_world)


def _world():
    workshops = {status: _workshop(status) for status in STATUSES}
    council = CouncilFactory()
    people = cast(workshops=workshops.values(), council=council, today=START.date())
    # Read again: the facilitators were added after the prefetch.
    workshops = {
        status: Workshop.objects.prefetch_related("phases", "facilitators").get(pk=w.pk)
        for status, w in workshops.items()
    }
    documents = {status: DocumentFactory(workshop=w) for status, w in workshops.items()}
    meetings = {status: MeetingFactory(workshop=w) for status, w in workshops.items()}
    conversations = {status: ConversationFactory(workshop=w) for status, w in workshops.items()}
    topics = {status: TopicFactory(workshop=w) for status, w in workshops.items()}
    posted = MOMENTS["debate"] - datetime.timedelta(minutes=5)
    author = people["participant"]
    contributions = {
        status: ContributionFactory(topic=topic, author=author, created_at=posted)
        for status, topic in topics.items()
    }
    hidden_contributions = {
        status: ContributionFactory(
            topic=topic,
            author=author,
            created_at=posted,
            moderation=Contribution.Moderation.HIDDEN,
            moderation_reason="Hors sujet.",
        )
        for status, topic in topics.items()
    }
    recommendations = {status: _recommendation(w, author) for status, w in workshops.items()}
    # Amendments: one pending, one rejected, each proposed by the participant.
    amendments = {status: _amendment(r, author) for status, r in recommendations.items()}
    rejected_amendments = {
        status: _amendment(r, author, status=AmendmentStatus.REJECTED, answer="Non.")
        for status, r in recommendations.items()
    }
    return {
        "amendments": amendments,
        "rejected_amendments": rejected_amendments,
        "recommendations": recommendations,
        "topics": topics,
        "contributions": contributions,
        "hidden_contributions": hidden_contributions,
        "conversations": conversations,
        "workshops": workshops,
        "documents": documents,
        "meetings": meetings,
        "council": council,
        "council_document": DocumentFactory(council=council, workshop=None),
        "people": people,
    }


def test_every_registered_permission_has_its_row():
    registered = {name for name in rules.permissions.permissions if name.startswith(OUR_APPS)}
    specified = (
        set(ON_A_WORKSHOP) | set(ON_A_COUNCIL) | set(WITHOUT_OBJECT) | set(ON_A_TRAINING_SESSION)
    )
    assert registered == specified


def test_every_registered_phase_feature_is_the_one_its_permission_follows():
    assert {feature.name for feature in features.all_features()} == set(FEATURE_OF.values())
    for permission, name in FEATURE_OF.items():
        feature = features.get(name)
        phases = {kind.name.lower() for kind in feature.phases}
        if feature.before_start:
            phases.add("before")
        if feature.after_end:
            phases.add("after")
        allowed_at = set().union(*ON_A_WORKSHOP[permission][PUBLISHED].values())
        assert allowed_at == phases, permission


@pytest.mark.parametrize("moment", list(MOMENTS))
@pytest.mark.parametrize("status", STATUSES)
@pytest.mark.parametrize("permission", list(ON_A_WORKSHOP))
def test_on_a_workshop_every_role_may_do_exactly_what_the_table_says(
    world, permission, status, moment
):
    workshop = world["workshops"][status]
    target = world[OBJECT_OF[permission]][status] if permission in OBJECT_OF else workshop
    with time_machine.travel(MOMENTS[moment], tick=False):
        outcome = {
            role: rules.has_perm(permission, world["people"][role], target) for role in ROLES
        }
    table = ON_A_WORKSHOP[permission].get(status, {})
    assert outcome == {role: moment in table.get(role, ()) for role in ROLES}


@pytest.mark.parametrize("permission", list(ON_A_COUNCIL))
def test_on_a_council_every_role_may_do_exactly_what_the_table_says(world, permission):
    with time_machine.travel(MOMENTS["debate"], tick=False):
        outcome = {
            role: rules.has_perm(permission, world["people"][role], world["council"])
            for role in ROLES
        }
    assert outcome == {role: role in ON_A_COUNCIL[permission] for role in ROLES}


@pytest.mark.parametrize("permission", list(ON_A_COUNCIL_MEETING))
def test_on_a_councils_meeting_every_role_may_do_exactly_what_the_table_says(world, permission):
    meeting = MeetingFactory(council=world["council"], workshop=None)
    with time_machine.travel(MOMENTS["debate"], tick=False):
        outcome = {
            role: rules.has_perm(permission, world["people"][role], meeting) for role in ROLES
        }
    assert outcome == {role: role in ON_A_COUNCIL_MEETING[permission] for role in ROLES}


@pytest.mark.parametrize("permission", list(ON_A_COUNCIL_DOCUMENT))
def test_on_a_councils_document_every_role_may_do_exactly_what_the_table_says(world, permission):
    with time_machine.travel(MOMENTS["debate"], tick=False):
        outcome = {
            role: rules.has_perm(permission, world["people"][role], world["council_document"])
            for role in ROLES
        }
    assert outcome == {role: role in ON_A_COUNCIL_DOCUMENT[permission] for role in ROLES}


# Permissions on a training session that starts during the debate phase, whose training's
# trainer is the facilitator's account: role → moments.
ON_A_TRAINING_SESSION = {
    "trainings.mark_attendance": {
        role: {"recommendations", "after"} for role in CITY_TEAM | {"facilitator"}
    },
}


@pytest.mark.parametrize("moment", ["information", "recommendations", "after"])
@pytest.mark.parametrize("permission", list(ON_A_TRAINING_SESSION))
def test_on_a_training_session_every_role_may_do_exactly_what_the_table_says(
    world, permission, moment
):
    session = TrainingSessionFactory(
        starts_at=MOMENTS["debate"],
        ends_at=MOMENTS["debate"] + datetime.timedelta(hours=2),
        training__trainer_account=world["people"]["facilitator"],
    )
    with time_machine.travel(MOMENTS[moment], tick=False):
        outcome = {
            role: rules.has_perm(permission, world["people"][role], session) for role in ROLES
        }
    table = ON_A_TRAINING_SESSION[permission]
    assert outcome == {role: moment in table.get(role, ()) for role in ROLES}


@pytest.mark.parametrize("permission", list(WITHOUT_OBJECT))
def test_without_an_object_every_role_may_do_exactly_what_the_table_says(world, permission):
    outcome = {role: rules.has_perm(permission, world["people"][role]) for role in ROLES}
    assert outcome == {role: role in WITHOUT_OBJECT[permission] for role in ROLES}


def test_the_moments_fall_where_the_table_says():
    """Guard the table itself: each named moment is inside the phase it is named after."""
    for index, kind in enumerate(PhaseKind):
        assert START + PHASE_LENGTH * index <= MOMENTS[kind.name.lower()]
        assert MOMENTS[kind.name.lower()] < START + PHASE_LENGTH * (index + 1)
    assert MOMENTS["before"] < START <= MOMENTS["communication"]
    assert MOMENTS["after"] >= START + PHASE_LENGTH * 5
