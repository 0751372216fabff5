"""A small city with something on every page, for tests that go through all the pages (HTML
validity, hostile input). Built through the services where they log what happened, so the
histories and the activity log have entries too."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

from ateliers.core.models import Role, User
from ateliers.councils import services as council_services
from ateliers.councils.models import Council, Mandate
from ateliers.debate import services as debate_services
from ateliers.debate.models import Contribution, Topic
from ateliers.documents.models import Document
from ateliers.meetings import services as meeting_services
from ateliers.meetings.models import Meeting
from ateliers.opinions import services as opinion_services
from ateliers.opinions.models import Conversation, Statement
from ateliers.proposals import services as proposal_services
from ateliers.proposals.models import WorkshopProposal
from ateliers.recommendations import adoption as adoption_services
from ateliers.recommendations import amendments as amendment_services
from ateliers.recommendations import services as recommendation_services
from ateliers.recommendations.models import Adoption, Amendment, Recommendation
from ateliers.townhall import delegates as townhall_delegates
from ateliers.townhall import services as townhall_services
from ateliers.townhall.models import AgendaItem, BodyMember
from ateliers.townhall.models import Body as TownhallBody
from ateliers.townhall.models import Session as TownhallSession
from ateliers.trainings import services as training_services
from ateliers.trainings.models import Training, TrainingSession
from ateliers.workshops.models import Capacity, Workshop
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services import lifecycle
from ateliers.workshops.services.participation import workshop_join

from .factories import (
    DAY,
    CouncilFactory,
    DocumentFactory,
    MandateFactory,
    MeetingFactory,
    NeighbourhoodFactory,
    ParticipationFactory,
    ThemeFactory,
    TrainingFactory,
    TrainingSessionFactory,
    UserFactory,
    WorkshopFactory,
)

HOUR = datetime.timedelta(hours=1)


@dataclass
class City:
    # takes part in `open_workshop`, `debate_workshop` and `city_workshop`, sits in `council`
    resident: User
    president: User  # presides `council`, has not joined `open_workshop` yet
    facilitator: User  # runs `open_workshop` and `draft_workshop`
    staff: User
    elected: User
    superuser: User
    open_workshop: Workshop  # communication phase: people join and leave; sponsored by `council`
    debate_workshop: Workshop
    city_workshop: Workshop  # recommendations phase, the whole city
    upcoming_workshop: Workshop
    finished_workshop: Workshop
    archived_workshop: Workshop
    draft_workshop: Workshop  # ready to publish
    incomplete_draft: Workshop  # the publish page lists what is missing
    council: Council
    mandate: Mandate  # the resident's, in `council`
    proposal: WorkshopProposal  # pending
    document: Document  # of `open_workshop`, a link
    training: Training  # recommended by `open_workshop`
    session: TrainingSession  # of `training`, in a week, the resident registered
    past_session: TrainingSession  # of `training`, last week, the resident registered
    meeting: Meeting  # of `open_workshop`, next week, registration required, the resident in
    past_meeting: Meeting  # of `open_workshop`, yesterday, not closed yet
    topic: Topic  # of `debate_workshop`, opened by `staff`
    contribution: Contribution  # the resident's, "for", just posted, with a reply
    hidden_contribution: Contribution  # the resident's, hidden by `staff`
    conversation: Conversation  # of `debate_workshop`, opened by staff; the resident voted
    pending_statement: Statement  # the resident's, waiting for review
    recommendation: Recommendation  # of `city_workshop`, drafted by the resident
    amendment: Amendment  # to `recommendation`, pending, proposed by another participant
    # The adoption (recommendations/adoption.py): a workshop in its recommendations phase
    # whose adoption is open, the resident taking part, with a recommendation to decide, an
    # amendment put to the vote, a decided adoption and an online vote open now.
    adoption_workshop: Workshop | None = None
    submitted: Recommendation | None = None
    amendment_to_vote: Amendment | None = None
    decided: Adoption | None = None
    online_vote: Adoption | None = None
    # The town hall's bodies (_townhall_bodies): a commission with a member, a session in
    # ten days with a vœu on its agenda, a session yesterday (outcome not recorded) with one.
    townhall_body: TownhallBody | None = None
    townhall_member: BodyMember | None = None
    townhall_session: TownhallSession | None = None
    townhall_item: AgendaItem | None = None
    townhall_past_session: TownhallSession | None = None
    townhall_past_item: AgendaItem | None = None


def _townhall_bodies(*, staff) -> dict:
    body = townhall_services.body_save(
        actor=staff, kind="commission", name="Commission urbanisme", public_sessions=False
    )
    member = townhall_services.member_add(
        actor=staff, body=body, name="Marie Adjointe", capacity="councillor", role="chair"
    )
    made = {}
    for name, days in (("townhall_session", 10), ("townhall_past_session", 1)):
        made[name] = townhall_services.session_save(
            actor=staff,
            body=body,
            starts_at=timezone.now() + days * DAY,
            place="Salle B",
            public=False,
        )
    future, past = made["townhall_session"], made["townhall_past_session"]
    item, past_item = (
        townhall_services.item_add(actor=staff, session=each, kind="voeu", title="Un vœu")
        for each in (future, past)
    )
    TownhallSession.objects.filter(pk=past.pk).update(starts_at=timezone.now() - DAY)
    past.refresh_from_db()
    return {
        "townhall_body": body,
        "townhall_member": member,
        "townhall_item": item,
        "townhall_past_item": past_item,
        **made,
    }


def _adoption(*, resident, staff) -> dict:
    workshop = WorkshopFactory(title="Des bancs au parc", phase=PhaseKind.RECOMMENDATIONS)
    ParticipationFactory(workshop=workshop, user=resident)
    made = [
        recommendation_services.recommendation_draft(
            workshop=workshop,
            by=resident,
            title=title,
            text="Des bancs à l'ombre.",
            general_interest="Se reposer en été.",
        )
        for title in ("Des bancs", "Des arbres", "Une fontaine", "Des toilettes")
    ]
    amendment = Amendment.objects.create(
        recommendation=made[1],
        author=resident,
        base_version=1,
        text="Des tilleuls.",
        reason="Plus d'ombre.",
        status=Amendment.Status.REJECTED,
        answer="Non.",
        put_to_vote=True,
    )
    adoption_services.adoption_open(workshop=workshop, by=staff)
    decided = adoption_services.adoption_record(
        recommendation=made[2], by=staff, method=Adoption.Method.CONSENSUS, adopted=True
    )
    now = timezone.now()
    online = adoption_services.adoption_record(
        recommendation=made[3],
        by=staff,
        method=Adoption.Method.ONLINE_VOTE,
        vote_opens_at=now - HOUR,
        vote_closes_at=now + 24 * HOUR,
    )
    return {
        "adoption_workshop": workshop,
        "submitted": made[0],
        "amendment_to_vote": amendment,
        "decided": decided,
        "online_vote": online,
    }


def build_city() -> City:
    centre = NeighbourhoodFactory(name="Centre-ville", slug="centre-ville")
    gare = NeighbourhoodFactory(name="Quartier de la Gare", slug="gare")
    NeighbourhoodFactory(name="Les Coteaux", slug="coteaux")
    mobility = ThemeFactory(name="Mobilités", slug="mobilites")
    greenery = ThemeFactory(name="Nature en ville", slug="nature")

    resident = UserFactory(display_name="Alice Habitante", neighbourhood=centre)
    president = UserFactory(display_name="Gaëlle Présidente")
    facilitator = UserFactory(role=Role.FACILITATOR, display_name="Bruno Animateur")
    staff = UserFactory(role=Role.CITY_STAFF, display_name="Chloé Technicienne")
    elected = UserFactory(role=Role.ELECTED, display_name="Denis Élu")
    superuser = UserFactory(
        role=Role.ADMINISTRATOR, display_name="Eva Administratrice", is_staff=True
    )
    superuser.is_superuser = True
    superuser.save(update_fields=["is_superuser"])

    council = CouncilFactory(name="Conseil de quartier du Centre", slug="cq-centre")
    council.themes.add(greenery)
    MandateFactory(council=council, user=president, role=Mandate.Role.PRESIDENT)
    today = timezone.localdate()
    MandateFactory(
        council=council,
        user=UserFactory(display_name="Fanny Ancienne"),
        starts_on=today - 800 * DAY,
        ends_on=today - 400 * DAY,
    )
    mandate = council_services.mandate_create(
        council=council, by=staff, user=resident, role=Mandate.Role.MEMBER, starts_on=today
    )
    CouncilFactory(name="Conseil des jeunes", slug="jeunes", kind="youth", neighbourhood=None)

    open_workshop = WorkshopFactory(
        title="Réaménager la place du marché", neighbourhood=centre, capacity=30
    )
    open_workshop.themes.add(greenery)
    open_workshop.sponsors.add(council)
    open_workshop.facilitators.add(facilitator)
    workshop_join(
        workshop=open_workshop, user=resident, capacity=Capacity.COUNCIL_MEMBER, council=council
    )
    workshop_join(workshop=open_workshop, user=elected, capacity=Capacity.ELECTED)

    debate_workshop = WorkshopFactory(
        title="Une rue scolaire avenue Jaurès", neighbourhood=gare, phase=PhaseKind.DEBATE
    )
    debate_workshop.themes.add(mobility)
    ParticipationFactory(workshop=debate_workshop, user=resident)
    city_workshop = WorkshopFactory(
        title="Plan vélo de la ville",
        kind=Workshop.Kind.CITY,
        neighbourhood=None,
        phase=PhaseKind.RECOMMENDATIONS,
    )
    city_workshop.themes.add(mobility)
    ParticipationFactory(workshop=city_workshop, user=resident)
    # Someone the resident can add as a co-author of the recommendation.
    ParticipationFactory(workshop=city_workshop, user=UserFactory(display_name="Paul Cycliste"))
    # The resident volunteers as a delegate: the team can draw one (townhall/delegates.py).
    townhall_delegates.volunteer(workshop=city_workshop, user=resident)
    upcoming_workshop = WorkshopFactory(
        title="Jardin partagé des Tilleuls", neighbourhood=gare, upcoming=True
    )
    finished_workshop = WorkshopFactory(
        title="Éclairage du parc", neighbourhood=centre, finished=True
    )
    archived_workshop = WorkshopFactory(title="Marché de nuit", neighbourhood=centre)
    lifecycle.workshop_archive(workshop=archived_workshop, by=staff)
    draft_workshop = WorkshopFactory(
        title="Cour d'école oasis", neighbourhood=centre, status=Workshop.Status.DRAFT
    )
    draft_workshop.facilitators.add(facilitator)
    incomplete_draft = WorkshopFactory(
        title="Fresque du gymnase", status=Workshop.Status.DRAFT, evaluation_plan=""
    )

    proposal = proposal_services.proposal_create(
        council=council,
        submitted_by=president,
        kind=Workshop.Kind.NEIGHBOURHOOD,
        title="Des bancs rue Victor-Hugo",
        rationale="Les personnes âgées n'ont nulle part où s'asseoir.",
        objective="Dix bancs installés.",
        neighbourhood=centre,
        themes=[greenery],
    )
    document = DocumentFactory(workshop=open_workshop, title="Plan de la place")
    training = TrainingFactory(title="Lire un plan d'urbanisme", slug="lire-un-plan")
    training.recommended_for.add(open_workshop)
    session = TrainingSessionFactory(training=training, capacity=2)
    training_services.session_register(session=session, user=resident)
    last_week = timezone.now() - 7 * DAY
    past_session = TrainingSessionFactory(
        training=training, starts_at=last_week, ends_at=last_week + 2 * HOUR
    )
    training_services.session_register(session=past_session, user=resident, now=last_week - 7 * DAY)
    meeting = MeetingFactory(
        workshop=open_workshop, title="Visite de la place", registration_required=True, capacity=2
    )
    meeting_services.meeting_register(meeting=meeting, user=resident)
    yesterday = timezone.now() - DAY
    past_meeting = MeetingFactory(
        workshop=open_workshop,
        title="Réunion d'information",
        starts_at=yesterday,
        ends_at=yesterday + 2 * HOUR,
    )
    topic = debate_services.topic_open(
        workshop=debate_workshop,
        title="Sécurité aux abords de l'école",
        description="Comment les enfants arrivent-ils à l'école ?",
        by=staff,
    )
    contribution = debate_services.contribution_post(
        topic=topic, kind="for", text="Fermer la rue aux voitures à 8 h 20.", by=resident
    )
    debate_services.contribution_reply(parent=contribution, text="Et les livraisons ?", by=elected)
    hidden_contribution = debate_services.contribution_post(
        topic=topic, kind="remark", text="Hors sujet.", by=resident
    )
    debate_services.contribution_hide(
        contribution=hidden_contribution, reason="Sans rapport avec la rue.", by=staff
    )
    conversation = opinion_services.conversation_open(
        workshop=debate_workshop,
        by=staff,
        question="Faut-il fermer l'avenue Jaurès aux voitures à l'heure de l'école ?",
        review="before",
        seeds=[
            "Fermer l'avenue de 8 h 15 à 8 h 45.",
            "Laisser passer les riverains.",
            "Mettre des barrières amovibles.",
        ],
    )
    first = conversation.statements.order_by("position").first()
    opinion_services.vote_cast(
        conversation=conversation, statement_id=first.pk, user=resident, value=1
    )
    opinion_services.map_compute(conversation_id=conversation.pk, force=True)
    pending_statement = opinion_services.statement_submit(
        conversation=conversation, by=resident, text="Un policier municipal le matin."
    )
    recommendation = recommendation_services.recommendation_draft(
        workshop=city_workshop,
        by=resident,
        title="Des arceaux devant chaque école",
        text="Installer **dix arceaux** devant chaque école.",
        general_interest="Les enfants vont à l'école à vélo en sécurité.",
        cost_note="Environ 2 000 € par école.",
    )
    amendment = amendment_services.amendment_propose(
        recommendation=recommendation,
        by=city_workshop.participations.exclude(user=resident).order_by("pk").first().user,
        text="Installer **douze arceaux** devant chaque école.",
        reason="Les classes ont grandi.",
    )
    adoption = _adoption(resident=resident, staff=staff)
    return City(
        **adoption,
        **_townhall_bodies(staff=staff),
        amendment=amendment,
        recommendation=recommendation,
        topic=topic,
        contribution=contribution,
        hidden_contribution=hidden_contribution,
        conversation=conversation,
        pending_statement=pending_statement,
        meeting=meeting,
        past_meeting=past_meeting,
        past_session=past_session,
        document=document,
        training=training,
        session=session,
        resident=resident,
        president=president,
        facilitator=facilitator,
        staff=staff,
        elected=elected,
        superuser=superuser,
        open_workshop=open_workshop,
        debate_workshop=debate_workshop,
        city_workshop=city_workshop,
        upcoming_workshop=upcoming_workshop,
        finished_workshop=finished_workshop,
        archived_workshop=archived_workshop,
        draft_workshop=draft_workshop,
        incomplete_draft=incomplete_draft,
        council=council,
        mandate=mandate,
        proposal=proposal,
    )
