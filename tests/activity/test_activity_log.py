"""The activity log: each service writes what it did in its own transaction; a workshop's page
tells the public what happened to it (never who joined); the city's team reads everything in
the audit trail."""

import datetime
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone, translation

from ateliers.activity import verbs
from ateliers.activity.models import Action
from ateliers.activity.services import record
from ateliers.core.errors import ApplicationError
from ateliers.core.models import Role, User
from ateliers.councils import services as councils
from ateliers.councils.models import Council, Mandate
from ateliers.proposals import services as proposals
from ateliers.workshops.models import Capacity, Workshop
from ateliers.workshops.phases import PhaseKind
from ateliers.workshops.services import lifecycle
from ateliers.workshops.services import participation as joining
from tests.factories import (
    CouncilFactory,
    MandateFactory,
    NeighbourhoodFactory,
    UserFactory,
    WorkshopFactory,
    phase_dates,
)
from tests.french import french

DAY = datetime.timedelta(days=1)
AUDIT_URL = reverse("activity:audit_trail")


def new_workshop(*, by=None, phase=PhaseKind.COMMUNICATION, capacity=None) -> Workshop:
    """A draft made by the service, dated so that `phase` runs now."""
    return lifecycle.workshop_create(
        created_by=by,
        kind=Workshop.Kind.NEIGHBOURHOOD,
        title="Jardin partagé des Tilleuls",
        project="Un jardin.",
        objective="Le cultiver ensemble.",
        evaluation_plan="Les récoltes.",
        neighbourhood=NeighbourhoodFactory(),
        capacity=capacity,
        phases=phase_dates(phase),
    )


def update(workshop: Workshop, *, by, **changes) -> Workshop:
    values = {
        "kind": workshop.kind,
        "title": workshop.title,
        "project": workshop.project,
        "objective": workshop.objective,
        "evaluation_plan": workshop.evaluation_plan,
        "neighbourhood": workshop.neighbourhood,
        "themes": [],
        "capacity": workshop.capacity,
        "sponsors": [],
        "phases": [(p.kind, p.starts_at, p.ends_at) for p in workshop.phases.all()],
        **changes,
    }
    return lifecycle.workshop_update(workshop=workshop, by=by, **values)


def latest() -> Action:
    return Action.objects.order_by("-pk").first()


def summary(action: Action) -> tuple:
    return (action.actor, action.verb, action.target, action.public)


# Written in the service's transaction


@pytest.mark.django_db(transaction=True)
def test_record_refuses_to_run_outside_a_transaction():
    workshop = WorkshopFactory()

    with pytest.raises(RuntimeError, match="transaction"):
        record(actor=None, verb="workshop.published", target=workshop)

    assert not Action.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_an_action_is_undone_with_the_service_that_failed_after_writing_it(monkeypatch):
    workshop = WorkshopFactory()
    person = UserFactory()

    def record_then_fail(**kwargs):
        record(**kwargs)
        raise RuntimeError("the service fails after logging")

    monkeypatch.setattr(joining, "record", record_then_fail)
    with pytest.raises(RuntimeError):
        joining.workshop_join(workshop=workshop, user=person, capacity=Capacity.RESIDENT)

    assert not Action.objects.exists()
    assert not workshop.participations.exists()


@pytest.mark.django_db
def test_a_refused_service_logs_nothing(resident):
    full = WorkshopFactory(capacity=1)
    joining.workshop_join(workshop=full, user=UserFactory(), capacity=Capacity.RESIDENT)
    published = WorkshopFactory()
    archived = WorkshopFactory(status=Workshop.Status.ARCHIVED)
    council = CouncilFactory()
    mandate = MandateFactory(council=council)
    logged = Action.objects.count()

    refusals = [
        lambda: joining.workshop_join(workshop=full, user=resident, capacity=Capacity.RESIDENT),
        lambda: joining.workshop_leave(workshop=published, user=resident),
        lambda: lifecycle.workshop_publish(workshop=published, by=None),
        lambda: lifecycle.workshop_archive(workshop=archived, by=None),
        lambda: update(archived, by=None),
        lambda: councils.mandate_create(
            council=council,
            by=None,
            user=mandate.user,
            role="member",
            starts_on=mandate.starts_on,
        ),
        lambda: councils.council_create(by=None, kind="youth", name=council.name),
    ]
    for refused in refusals:
        with pytest.raises(ApplicationError):
            refused()

    assert Action.objects.count() == logged


# Who did what to which object


@pytest.mark.django_db
def test_the_workshops_services_log_actor_verb_and_target(facilitator, city_staff, resident):
    workshop = new_workshop(by=facilitator)
    assert summary(latest()) == (facilitator, "workshop.created", workshop, False)

    update(workshop, by=facilitator, title="Jardin partagé")
    assert summary(latest()) == (facilitator, "workshop.updated", workshop, False)

    lifecycle.workshop_publish(workshop=workshop, by=city_staff)
    assert summary(latest()) == (city_staff, "workshop.published", workshop, True)

    update(workshop, by=facilitator, capacity=30)
    assert summary(latest()) == (facilitator, "workshop.updated", workshop, True)

    joining.workshop_join(workshop=workshop, user=resident, capacity=Capacity.EXPERT)
    assert summary(latest()) == (resident, "workshop.joined", workshop, False)
    assert latest().data == {"capacity": "expert"}

    joining.workshop_leave(workshop=workshop, user=resident)
    assert summary(latest()) == (resident, "workshop.left", workshop, False)

    lifecycle.workshop_archive(workshop=workshop, by=city_staff)
    assert summary(latest()) == (city_staff, "workshop.archived", workshop, True)
    assert Action.objects.count() == 7


@pytest.mark.django_db
def test_the_councils_services_log_actor_verb_and_target(city_staff):
    person = UserFactory(display_name="Nora Membre")

    council = councils.council_create(by=city_staff, kind="youth", name="Conseil des jeunes")
    assert summary(latest()) == (city_staff, "council.created", council, True)

    councils.council_update(
        council=council,
        by=city_staff,
        kind="youth",
        name="Conseil de la jeunesse",
        description="",
        neighbourhood=None,
        themes=[],
    )
    assert summary(latest()) == (city_staff, "council.updated", council, True)
    assert latest().target_label == "Conseil de la jeunesse"

    mandate = councils.mandate_create(
        council=council,
        by=city_staff,
        user=person,
        role="member",
        starts_on=datetime.date(2026, 1, 5),
    )
    assert summary(latest()) == (city_staff, "mandate.created", council, True)
    assert latest().data == {
        "member": "Nora Membre",
        "role": "member",
        "starts_on": "2026-01-05",
        "ends_on": None,
    }

    councils.mandate_update(
        mandate=mandate,
        by=city_staff,
        role="secretary",
        starts_on=mandate.starts_on,
        ends_on=datetime.date(2026, 12, 31),
    )
    assert summary(latest()) == (city_staff, "mandate.updated", council, True)
    assert latest().data["role"] == "secretary"

    councils.mandate_delete(mandate=mandate, by=city_staff)
    assert summary(latest()) == (city_staff, "mandate.deleted", council, False)
    assert not Mandate.objects.exists()


@pytest.mark.django_db
def test_the_proposals_services_log_actor_verb_and_target(council, president, city_staff):
    def propose():
        return proposals.proposal_create(
            council=council,
            submitted_by=president,
            kind="city",
            title="Un budget pour les jeunes",
            rationale="Parce que.",
        )

    accepted = propose()
    assert summary(latest()) == (president, "proposal.submitted", accepted, False)

    workshop = proposals.proposal_accept(proposal=accepted, accepted_by=city_staff)
    answered, created = Action.objects.order_by("-pk")[:2]
    assert summary(created) == (city_staff, "workshop.created", workshop, False)
    assert summary(answered) == (city_staff, "proposal.accepted", accepted, False)

    declined = propose()
    proposals.proposal_decline(proposal=declined, by=city_staff)
    assert summary(latest()) == (city_staff, "proposal.declined", declined, False)


# Each verb in French


def example(name: str) -> Action:
    """An action of verb `name` with the data its service records, by Bruno Animateur."""
    mandate = {"member": "Nora Membre", "starts_on": "2026-01-05"}
    data = {
        "workshop.joined": {"capacity": "association"},
        "workshop.phase_started": {"phase": 3},
        "mandate.created": {**mandate, "role": "president"},
        "mandate.updated": {**mandate, "role": "secretary"},
        "mandate.deleted": {**mandate, "role": "member"},
        "proposal.submitted": {"council": "Conseil des jeunes"},
        "proposal.accepted": {"council": "Conseil des jeunes", "workshop": "Un budget"},
        "proposal.declined": {"council": "Conseil des jeunes"},
        "document.added": {"title": "Plan du site"},
        "document.version_added": {"title": "Plan du site", "number": 2},
        "document.updated": {"title": "Plan du site"},
        "training.recommended": {"trainings": ["Lire un budget", "Animer une réunion"]},
        "training.attendance_marked": {"attended": 12},
        "training.session_cancelled": {"reason": "Formateur malade."},
        "meeting.planned": {"title": "Visite du site"},
        "meeting.changed": {"title": "Visite du site"},
        "meeting.cancelled": {"title": "Visite du site", "reason": "Il pleut."},
        "meeting.closed": {"title": "Visite du site", "attendees": 18},
        "meeting.registered": {"title": "Visite du site"},
        "meeting.waitlisted": {"title": "Visite du site"},
        "meeting.registration_cancelled": {"title": "Visite du site"},
        "debate.hidden": {"title": "Stationnement", "reason": "Injure."},
        "conversation.opened": {"question": "Quelle rue scolaire ?"},
        "conversation.imported": {
            "question": "Quelle rue scolaire ?",
            "statements": 40,
            "votes": 1200,
        },
        "recommendations.adoption_opened": {"count": 7},
        # The town hall
        "evaluations.indicator_added": {"title": "Stationnement", "indicator": "Participants"},
        "evaluations.indicator_removed": {"title": "Stationnement", "indicator": "Participants"},
        "evaluations.published": {"title": "Stationnement", "outcome": "partly_met"},
        "evaluations.questionnaire_opened": {"title": "Stationnement", "count": 42},
        "townhall.body_saved": {"name": "Conseil municipal"},
        "townhall.member_added": {"name": "Nora Membre"},
        "townhall.member_removed": {"name": "Nora Membre"},
        **{
            verb: {"body": "Conseil municipal", "date": "2026-03-02"}
            for verb in (
                "townhall.session_saved",
                "townhall.session_cancelled",
                "townhall.session_held",
            )
        },
        "townhall.item_added": {"title": "Stationnement", "body": "Conseil municipal"},
        "townhall.item_outcome": {"title": "Stationnement", "body": "Conseil municipal"},
        "townhall.submission_received": {"title": "Stationnement", "council": "Conseil des jeunes"},
        "townhall.delegates_drawn": {"title": "Stationnement", "seed": "abc", "count": 5},
        "townhall.delegates_elected": {"title": "Stationnement", "count": 2},
        "townhall.deadline_set": {"title": "Stationnement", "months": 4},
        "townhall.answered": {"title": "Stationnement", "status": "partially_accepted"},
        "townhall.answer_changed": {"title": "Stationnement", "status": "accepted"},
        "townhall.milestone_added": {
            "title": "Stationnement",
            "milestone": "Études",
            "date": "2026-09-30",
        },
        "townhall.milestone_updated": {
            "title": "Stationnement",
            "milestone": "Études",
            "progress": 60,
        },
        "statement.accepted": {"question": "Quelle rue scolaire ?", "statement": "Des arbres."},
        "statement.rejected": {
            "question": "Quelle rue scolaire ?",
            "statement": "Des arbres.",
            "reason": "Hors sujet.",
        },
    }.get(name, {"title": "Stationnement"})
    return Action(
        actor=User(pk=1, display_name="Bruno Animateur"),
        verb=name,
        target_label="Jardin partagé",
        data=data,
    )


FRENCH_SENTENCES = {
    "workshop.created": "Bruno Animateur a créé l'atelier en brouillon.",
    "workshop.updated": "Bruno Animateur a mis à jour la présentation ou les dates de l'atelier.",
    "workshop.published": "Bruno Animateur a publié l'atelier : l'appel à participation est lancé.",
    "workshop.archived": (
        "Bruno Animateur a archivé l'atelier : il reste consultable et n'évolue plus."
    ),
    "workshop.joined": "Bruno Animateur a rejoint l'atelier (Association).",
    "workshop.phase_started": "L'atelier est entré dans sa phase « Débat ».",
    "account.deleted": (
        "Une personne a supprimé son compte ; ce qu'elle a écrit reste, comme celui d'un·e "
        "participant·e supprimé·e."
    ),
    "workshop.left": "Bruno Animateur a quitté l'atelier.",
    "council.created": "Bruno Animateur a créé le conseil.",
    "council.updated": "Bruno Animateur a mis à jour la présentation du conseil.",
    "mandate.created": (
        "Bruno Animateur a ajouté le mandat de Nora Membre (Président·e) à partir du "
        "5 janvier 2026."
    ),
    "mandate.updated": "Bruno Animateur a modifié le mandat de Nora Membre (Secrétaire).",
    "mandate.deleted": "Bruno Animateur a supprimé le mandat de Nora Membre (Membre).",
    "proposal.submitted": (
        "Bruno Animateur a proposé un atelier au nom de « Conseil des jeunes »."
    ),
    "proposal.accepted": (
        "Bruno Animateur a accepté la proposition de « Conseil des jeunes » : elle est "
        "devenue le brouillon « Un budget »."
    ),
    "proposal.declined": "Bruno Animateur a refusé la proposition de « Conseil des jeunes ».",
    "document.added": "Bruno Animateur a ajouté le document « Plan du site ».",
    "document.version_added": "Bruno Animateur a ajouté la version 2 du document « Plan du site ».",
    "document.updated": "Bruno Animateur a modifié la présentation du document « Plan du site ».",
    "training.created": "Bruno Animateur a ajouté la formation au catalogue.",
    "training.updated": "Bruno Animateur a mis à jour la formation.",
    "training.session_added": "Bruno Animateur a programmé une séance de la formation.",
    "training.recommended": (
        "Bruno Animateur a choisi les formations recommandées pour se préparer : "
        "Lire un budget, Animer une réunion."
    ),
    "training.registered": "Bruno Animateur s'est inscrit·e à une séance.",
    "training.waitlisted": "Bruno Animateur s'est mis·e en liste d'attente d'une séance.",
    "training.registration_cancelled": "Bruno Animateur a annulé une inscription à une séance.",
    "meeting.planned": "Bruno Animateur a programmé la réunion « Visite du site ».",
    "meeting.changed": "Bruno Animateur a modifié la réunion « Visite du site ».",
    "meeting.cancelled": "Bruno Animateur a annulé la réunion « Visite du site » : Il pleut.",
    "meeting.closed": (
        "Bruno Animateur a publié le compte rendu de la réunion « Visite du site » "
        "(18 personnes présentes)."
    ),
    "debate.topic_opened": "Bruno Animateur a ouvert le sujet de débat « Stationnement ».",
    "debate.synthesis_written": (
        "Bruno Animateur a rédigé la synthèse du sujet de débat « Stationnement »."
    ),
    "debate.topic_closed": (
        "Bruno Animateur a clos le sujet de débat « Stationnement » avec sa conclusion."
    ),
    "debate.hidden": "Bruno Animateur a masqué une contribution à « Stationnement » : Injure.",
    "debate.restored": "Bruno Animateur a rétabli une contribution à « Stationnement ».",
    "debate.posted": "Bruno Animateur a contribué à « Stationnement ».",
    "debate.replied": "Bruno Animateur a répondu dans « Stationnement ».",
    "debate.deleted": "Bruno Animateur a supprimé une contribution à « Stationnement ».",
    "debate.reported": "Bruno Animateur a signalé une contribution.",
    "debate.auto_hidden": (
        "Une contribution à « Stationnement » a été masquée après plusieurs signalements, "
        "en attendant la décision d'un modérateur."
    ),
    "debate.review_asked": "Bruno Animateur a demandé le réexamen d'une contribution masquée.",
    # Recommendations
    "recommendations.drafted": "Bruno Animateur a rédigé la préconisation « Stationnement ».",
    "recommendations.edited": "Bruno Animateur a modifié la préconisation « Stationnement ».",
    "recommendations.coauthor_added": (
        "Bruno Animateur a ajouté un coauteur à la préconisation « Stationnement »."
    ),
    "recommendations.supported": "Bruno Animateur a soutenu la préconisation « Stationnement ».",
    "recommendations.support_withdrawn": (
        "Bruno Animateur a retiré son soutien à « Stationnement »."
    ),
    "recommendations.amendment_proposed": (
        "Bruno Animateur a proposé un amendement à la préconisation « Stationnement »."
    ),
    "recommendations.amendment_accepted": (
        "Bruno Animateur a accepté un amendement à la préconisation « Stationnement »."
    ),
    "recommendations.amendment_rejected": (
        "Bruno Animateur a rejeté un amendement à la préconisation « Stationnement »."
    ),
    "recommendations.amendment_put_to_vote": (
        "Bruno Animateur a soumis à l'adoption un amendement à la préconisation « Stationnement »."
    ),
    "recommendations.adoption_opened": (
        "Bruno Animateur a ouvert l'adoption des préconisations (7 soumises)."
    ),
    "recommendations.adoption_recorded": (
        "Bruno Animateur a enregistré la décision sur « Stationnement »."
    ),
    "recommendations.ballot_cast": "Bruno Animateur a voté en ligne sur « Stationnement ».",
    "recommendations.dissent_recorded": (
        "Bruno Animateur a enregistré une opinion divergente sur « Stationnement »."
    ),
    "meeting.registered": "Bruno Animateur s'est inscrit·e à la réunion « Visite du site ».",
    "meeting.waitlisted": (
        "Bruno Animateur s'est mis·e en liste d'attente de la réunion « Visite du site »."
    ),
    "meeting.registration_cancelled": (
        "Bruno Animateur a annulé une inscription à la réunion « Visite du site »."
    ),
    # The opinion map
    "conversation.opened": (
        "Bruno Animateur a ouvert la conversation « Quelle rue scolaire ? » de la carte des avis."
    ),
    "conversation.imported": (
        "Bruno Animateur a importé la conversation « Quelle rue scolaire ? » depuis Polis "
        "(40 propositions, 1200 votes)."
    ),
    "statement.accepted": (
        "Bruno Animateur a accepté la proposition « Des arbres. » dans « Quelle rue scolaire ? »."
    ),
    "statement.rejected": (
        "Bruno Animateur a refusé la proposition « Des arbres. » dans « Quelle rue scolaire ? » : "
        "Hors sujet."
    ),
    "training.session_changed": "Bruno Animateur a modifié une séance de la formation.",
    "training.session_cancelled": (
        "Bruno Animateur a annulé une séance de la formation : Formateur malade."
    ),
    "training.attendance_marked": (
        "Bruno Animateur a indiqué qui est venu à une séance (12 personnes)."
    ),
    "training.seat_given": (
        "Une place d'une séance est revenue à la première personne de sa liste d'attente."
    ),
    # The evaluation
    "evaluations.saved": "Bruno Animateur a rédigé l'évaluation de « Stationnement ».",
    "evaluations.indicator_added": (
        "Bruno Animateur a ajouté l'indicateur « Participants » à l'évaluation de "
        "« Stationnement »."
    ),
    "evaluations.indicator_removed": (
        "Bruno Animateur a retiré l'indicateur « Participants » de l'évaluation de "
        "« Stationnement »."
    ),
    "evaluations.published": (
        "Bruno Animateur a publié l'évaluation de « Stationnement » : "
        "Objectif partiellement atteint."
    ),
    "evaluations.questionnaire_opened": (
        "Bruno Animateur a invité les 42 participant·es de « Stationnement » à répondre au "
        "questionnaire."
    ),
    # The town hall
    "townhall.body_saved": "Bruno Animateur a enregistré l'instance « Conseil municipal ».",
    "townhall.member_added": "Bruno Animateur a ajouté Nora Membre aux membres.",
    "townhall.member_removed": "Bruno Animateur a retiré Nora Membre des membres.",
    "townhall.session_saved": (
        "Bruno Animateur a programmé une séance de Conseil municipal le 2 mars 2026."
    ),
    "townhall.session_cancelled": (
        "Bruno Animateur a annulé la séance de Conseil municipal du 2 mars 2026."
    ),
    "townhall.session_held": (
        "Bruno Animateur a publié le compte rendu de la séance de Conseil municipal du 2 mars 2026."
    ),
    "townhall.item_added": (
        "Bruno Animateur a inscrit « Stationnement » à l'ordre du jour de Conseil municipal."
    ),
    "townhall.agenda_reordered": (
        "Bruno Animateur a déplacé « Stationnement » dans l'ordre du jour."
    ),
    "townhall.item_removed": "Bruno Animateur a retiré « Stationnement » de l'ordre du jour.",
    "townhall.item_outcome": (
        "Bruno Animateur a publié la suite donnée par Conseil municipal à « Stationnement »."
    ),
    "townhall.submission_received": (
        "Bruno Animateur a enregistré « Stationnement », transmis par Conseil des jeunes."
    ),
    "townhall.volunteered": (
        "Bruno Animateur s'est porté·e volontaire comme délégué·e de « Stationnement »."
    ),
    "townhall.volunteer_withdrawn": (
        "Bruno Animateur a retiré sa candidature de volontaire pour « Stationnement »."
    ),
    "townhall.delegates_drawn": (
        "Bruno Animateur a tiré au sort les délégué·es de « Stationnement » parmi 5 volontaires."
    ),
    "townhall.delegates_elected": (
        "Bruno Animateur a enregistré les 2 délégué·es élu·es par « Stationnement »."
    ),
    "townhall.deadline_set": (
        "Bruno Animateur a fixé le délai de réponse de « Stationnement » à 4 mois."
    ),
    "townhall.answered": (
        "Bruno Animateur a publié la réponse de la ville à « Stationnement » : "
        "Partiellement acceptée."
    ),
    "townhall.answer_changed": (
        "Bruno Animateur a modifié la réponse de la ville à « Stationnement » : Acceptée."
    ),
    "townhall.milestone_added": (
        "Bruno Animateur a ajouté l'étape « Études » à « Stationnement », prévue le "
        "30 septembre 2026."
    ),
    "townhall.milestone_updated": (
        "Bruno Animateur a indiqué un avancement de 60 % pour « Études » (« Stationnement »)."
    ),
}


def test_every_registered_verb_has_its_french_sentence_here():
    assert {verb.name for verb in verbs.all_verbs()} == set(FRENCH_SENTENCES)


@pytest.mark.parametrize("name", sorted(FRENCH_SENTENCES))
def test_each_verb_reads_as_a_french_sentence(name):
    with translation.override("fr"):
        assert example(name).sentence == FRENCH_SENTENCES[name]


def test_an_action_whose_actor_is_gone_says_someone():
    action = Action(verb="workshop.published", target_label="Jardin partagé")

    with translation.override("fr"):
        assert action.sentence == (
            "Quelqu'un a publié l'atelier : l'appel à participation est lancé."
        )


@pytest.mark.parametrize("name", sorted(FRENCH_SENTENCES))
def test_each_verb_has_a_french_label_for_the_filter(name):
    label = verbs.get(name).label
    with translation.override("en"):
        english = str(label)
    with translation.override("fr"):
        assert str(label) not in (name, english, "")


# A workshop's public history


@pytest.fixture
def lived_workshop(facilitator, city_staff):
    """Created, edited as a draft, published, joined and left, edited, then archived."""
    workshop = new_workshop(by=facilitator)
    update(workshop, by=facilitator, objective="Le cultiver ensemble, toute l'année.")
    lifecycle.workshop_publish(workshop=workshop, by=city_staff)
    person = UserFactory(display_name="Jeanne Inscrite")
    joining.workshop_join(workshop=workshop, user=person, capacity=Capacity.RESIDENT)
    joining.workshop_leave(workshop=workshop, user=person)
    joining.workshop_join(workshop=workshop, user=person, capacity=Capacity.RESIDENT)
    update(workshop, by=facilitator, capacity=25)
    return workshop


@pytest.mark.django_db
def test_the_workshops_page_shows_what_happened_publicly(client, lived_workshop, city_staff):
    lifecycle.workshop_archive(workshop=lived_workshop, by=city_staff)

    page = client.get(lived_workshop.get_absolute_url()).content.decode()

    history = page[page.index('id="history-title"') :]
    history = history[: history.index("</section>")]
    items = re.findall(r"<li>(.*?)</li>", history, re.S)
    # The public actions, the most recent first.
    assert len(items) == 3
    assert "Chloé Technicienne a archivé l&#x27;atelier" in items[0]
    assert "Bruno Animateur a mis à jour la présentation ou les dates" in items[1]
    assert "Chloé Technicienne a publié l&#x27;atelier" in items[2]
    # Who joined and left is not public; neither is the draft's making.
    assert "Jeanne Inscrite" not in page
    assert "rejoint" not in history and "quitté" not in history and "brouillon" not in history
    assert reverse("workshops:history", args=[lived_workshop.slug]) in history


@pytest.mark.django_db
def test_the_page_shows_the_latest_five_and_the_history_page_all_by_pages(client, facilitator):
    workshop = new_workshop(by=facilitator)
    lifecycle.workshop_publish(workshop=workshop, by=facilitator)
    for capacity in range(10, 24):  # 14 public updates, then 15 public actions in all
        update(workshop, by=facilitator, capacity=capacity)
    history_url = reverse("workshops:history", args=[workshop.slug])

    detail = client.get(workshop.get_absolute_url())
    first = client.get(history_url)
    second = client.get(history_url, {"page": 2})

    assert len(detail.context["history"]) == 5
    assert detail.context["history"][0] == Action.objects.filter(public=True).first()
    assert len(first.context["page_obj"].object_list) == 12
    assert len(second.context["page_obj"].object_list) == 3
    assert list(second.context["page_obj"].object_list)[-1].verb == "workshop.published"
    page = first.content.decode()
    assert '<html lang="fr">' in page
    updated = french("%(actor)s updated the workshop's details or dates.", actor="Bruno Animateur")
    assert updated in page
    assert 'href="?page=2"' in page
    # Not a numbered list: its numbers would start again at 1 on every page.
    assert '<ul class="history">' in page and '<ol class="history">' not in page


@pytest.mark.django_db
def test_a_drafts_history_is_not_public(client, facilitator):
    workshop = new_workshop(by=facilitator)
    url = reverse("workshops:history", args=[workshop.slug])

    assert client.get(url).status_code == 404
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404
    client.force_login(facilitator)
    response = client.get(url)
    assert response.status_code == 200
    # Even its team sees no private action there: the draft's making is the team's log.
    assert list(response.context["page_obj"].object_list) == []


# The team's audit trail


@pytest.mark.django_db
def test_the_audit_trail_asks_anonymous_visitors_to_log_in(client):
    response = client.get(AUDIT_URL)

    assert response.status_code == 302
    assert response.url == f"{reverse('account_login')}?next={AUDIT_URL}"


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.RESIDENT, Role.FACILITATOR, Role.ELECTED])
def test_the_audit_trail_is_closed_to_others(client, role):
    client.force_login(UserFactory(role=role))

    response = client.get(AUDIT_URL)

    assert response.status_code == 403
    assert "403.html" in [t.name for t in response.templates]


@pytest.mark.django_db
@pytest.mark.parametrize("role", [Role.CITY_STAFF, Role.ADMINISTRATOR])
def test_the_audit_trail_shows_everything_to_the_team(client, role, lived_workshop):
    client.force_login(UserFactory(role=role))

    response = client.get(AUDIT_URL)

    assert response.status_code == 200
    page = response.content.decode()
    assert "Jeanne Inscrite a rejoint l&#x27;atelier (Habitant·e)." in page
    assert "Jeanne Inscrite a quitté l&#x27;atelier." in page
    assert "Bruno Animateur a créé l&#x27;atelier en brouillon." in page
    assert len(response.context["page_obj"].object_list) == Action.objects.count() == 7


@pytest.mark.django_db
def test_the_audit_trail_filters_by_verb(client, city_staff, lived_workshop):
    client.force_login(city_staff)

    response = client.get(AUDIT_URL, {"verb": "workshop.joined"})

    actions = list(response.context["page_obj"].object_list)
    assert [action.verb for action in actions] == ["workshop.joined", "workshop.joined"]
    page = response.content.decode()
    assert '<option value="workshop.joined" selected>' in page
    with translation.override("fr"):
        assert str(verbs.get("workshop.joined").label) in page


@pytest.mark.django_db
def test_an_unknown_verb_filter_shows_everything(client, city_staff, lived_workshop):
    client.force_login(city_staff)

    response = client.get(AUDIT_URL, {"verb": "workshop.burnt"})

    assert response.status_code == 200
    assert len(response.context["page_obj"].object_list) == 7


def many_actions(number: int, kinds: int) -> None:
    """`number` actions spread over `kinds` kinds of target (workshop, council, proposal)."""
    workshop = WorkshopFactory()
    council = CouncilFactory()
    proposal = proposals.proposal_create(
        council=council, submitted_by=UserFactory(), kind="city", title="Idée", rationale="."
    )
    targets = [
        (workshop, "workshop.updated"),
        (council, "council.updated"),
        (proposal, "proposal.submitted"),
    ][:kinds]
    Action.objects.all().delete()
    Action.objects.bulk_create(
        Action(
            verb=verb,
            target_type=ContentType.objects.get_for_model(target),
            target_id=target.pk,
            target_label=str(target),
            data={"council": "Conseil"},
            created_at=timezone.now() - index * DAY,
        )
        for index in range(number)
        for target, verb in [targets[index % kinds]]
    )


@pytest.mark.django_db
def test_the_audit_trail_is_paginated_by_50(client, city_staff):
    many_actions(120, kinds=3)
    client.force_login(city_staff)

    pages = [client.get(AUDIT_URL, {"page": page}).context["page_obj"] for page in (1, 2, 3)]

    assert [len(page.object_list) for page in pages] == [50, 50, 20]
    assert pages[0].paginator.num_pages == 3


@pytest.mark.django_db
@pytest.mark.parametrize(("number", "kinds"), [(1, 1), (50, 1), (200, 3)])
def test_the_audit_trail_costs_the_same_whatever_it_lists(
    client, city_staff, django_assert_num_queries, number, kinds
):
    many_actions(number, kinds=kinds)
    client.force_login(city_staff)

    # 1 user (the session comes from the cache), 2 the count for the paginator, 3 the page of
    # actions with who did them and the kind of each target. Targets are not loaded: each
    # link goes through the trail's own redirect to the target's page.
    with django_assert_num_queries(3):
        response = client.get(AUDIT_URL)

    assert response.status_code == 200


@pytest.mark.django_db
def test_the_audit_trail_links_to_the_pages_of_what_was_acted_on(client, city_staff):
    workshop = new_workshop(by=city_staff)
    council = councils.council_create(by=city_staff, kind="youth", name="Conseil des jeunes")
    proposal = proposals.proposal_create(
        council=council, submitted_by=city_staff, kind="city", title="Idée", rationale="."
    )
    client.force_login(city_staff)
    page = client.get(AUDIT_URL).content.decode()

    for target in (workshop, council):
        action = Action.objects.get(
            target_type=ContentType.objects.get_for_model(target),
            target_id=target.pk,
            verb__endswith=".created",
        )
        link = reverse("activity:target", args=[action.pk])
        assert f'href="{link}"' in page
        assert client.get(link)["Location"] == target.get_absolute_url()
    # A proposal has no page of its own: its name is shown without a link.
    action = Action.objects.get(verb="proposal.submitted")
    assert reverse("activity:target", args=[action.pk]) not in page
    assert proposal.title in page
    # A target deleted since: not found.
    council_action = Action.objects.get(verb="council.created")
    Council.objects.filter(pk=council.pk).delete()
    assert client.get(reverse("activity:target", args=[council_action.pk])).status_code == 404


@pytest.mark.django_db
def test_the_redirect_to_a_target_is_for_the_team_only(client, resident, city_staff):
    council = councils.council_create(by=city_staff, kind="youth", name="Conseil des jeunes")
    link = reverse("activity:target", args=[Action.objects.get(target_id=council.pk).pk])
    client.force_login(resident)

    assert client.get(link).status_code == 403
