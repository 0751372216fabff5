"""The demo city's recommendations, built through the recommendations' services (see
ateliers/demo): drafts of the workshop on the market street, in its recommendations phase,
one of them with a co-author and a second version, all with supports; amendments: one
accepted (the first recommendation's version 3), one rejected and put to the adoption, one
pending."""

from ateliers.core.demo_city import DemoCity
from ateliers.workshops.models import Participation

from . import amendments, services
from .models import Recommendation

WORKSHOP = "pietonniser-la-rue-du-marche"

RECOMMENDATIONS = [
    {
        "title": "Une rue piétonne le samedi matin, à l'essai",
        "text": "Fermer la rue du Marché aux voitures **le samedi de 7 h à 14 h** pendant six "
        "mois, puis en faire le bilan avec les commerçants et les riverains.",
        "general_interest": "Le marché devient sûr pour les enfants et les personnes âgées ; "
        "l'essai permet de décider sur des faits plutôt que sur des craintes.",
        "cost_note": "Des barrières amovibles et deux agents le samedi : environ 15 000 € "
        "pour six mois.",
        "feasibility_note": "Un arrêté municipal suffit ; les livraisons passent avant 7 h.",
    },
    {
        "title": "Des arceaux à vélo à chaque entrée de la rue",
        "text": "Installer une trentaine d'arceaux aux deux entrées de la rue.",
        "general_interest": "Venir au marché sans voiture devient simple pour tout le quartier.",
        "cost_note": "Environ 200 € par arceau posé.",
        "feasibility_note": "",
    },
    {
        "title": "Une place de livraison réservée rue des Halles",
        "text": "Réserver deux places de livraison rue des Halles, à 50 m de la rue du Marché.",
        "general_interest": "Les commerces restent approvisionnés sans encombrer la rue piétonne.",
        "cost_note": "",
        "feasibility_note": "Demande l'accord du service de la voirie.",
    },
]


def build(city: DemoCity) -> None:
    build_adoption(city)
    workshop = city.get("workshops", WORKSHOP)
    if Recommendation.objects.filter(workshop=workshop).exists():
        return
    people = [
        participation.user
        for participation in Participation.objects.filter(workshop=workshop)
        .select_related("user")
        .order_by("pk")
    ]
    if len(people) < 2:
        return
    drafted = []
    for index, item in enumerate(RECOMMENDATIONS):
        author = people[index % len(people)]
        grounds = demo_grounds(workshop) if index == 0 else ""
        drafted.append(
            services.recommendation_draft(workshop=workshop, by=author, grounds=grounds, **item)
        )
    first, coauthor = drafted[0], people[1]
    services.coauthor_add(recommendation=first, user=coauthor, by=people[0])
    services.recommendation_edit(
        recommendation=first,
        by=coauthor,
        **{
            **RECOMMENDATIONS[0],
            "feasibility_note": "Un arrêté municipal suffit ; les livraisons passent avant 7 h, "
            "rue des Halles.",
        },
    )
    for index, person in enumerate(people):
        for recommendation in drafted[: 1 + index % len(drafted)]:
            services.support_add(recommendation=recommendation, by=person)
    _amendments(drafted, people)


# --- The adoption (adoption.py): the workshop on access to rights, in its presentation phase,
# decided its recommendations each way once, with an amendment put to the vote and a dissent.
ADOPTION_WORKSHOP = "acces-aux-droits"
ADOPTION_RECOMMENDATIONS = [
    (
        "Une permanence d'accès aux droits dans chaque maison de quartier",
        "Une demi-journée par semaine, un écrivain public et un agent du CCAS reçoivent sans "
        "rendez-vous.",
        "Les démarches en ligne laissent de côté ceux qui n'ont ni ordinateur ni aide.",
    ),
    (
        "Un guide des aides en langage clair",
        "Un guide de vingt pages, en français facile, traduit en quatre langues.",
        "Chacun sait à quoi il a droit sans dépendre d'un intermédiaire.",
    ),
    (
        "Former les agents d'accueil au repérage du non-recours",
        "Une journée de formation par an pour chaque agent d'accueil de la ville.",
        "Les personnes qui renoncent à leurs droits sont orientées dès le premier contact.",
    ),
    (
        "Un bus des droits sur le marché",
        "Un bus aménagé présent chaque samedi sur un marché différent.",
        "Aller vers ceux qui ne viennent pas dans les services.",
    ),
    (
        "Un numéro unique gratuit",
        "Un numéro gratuit qui répond à toutes les questions sur les aides locales.",
        "Une porte d'entrée simple pour toutes les démarches.",
    ),
]


def build_adoption(city: DemoCity) -> None:
    import datetime

    from django.db import transaction
    from django.utils import timezone

    from ateliers.meetings.models import Meeting

    from . import adoption
    from .models import Adoption

    workshop = city.all("workshops").get(ADOPTION_WORKSHOP)
    if workshop is None or Recommendation.objects.filter(workshop=workshop).exists():
        return
    people = [
        participation.user
        for participation in Participation.objects.filter(workshop=workshop)
        .select_related("user")
        .order_by("pk")
    ]
    team = list(workshop.facilitators.order_by("pk"))
    if len(people) < 3 or not team:
        return
    facilitator = team[0]
    drafted = [
        services.recommendation_draft(
            workshop=workshop,
            by=people[index % len(people)],
            title=title,
            text=text,
            general_interest=interest,
            grounds=demo_grounds(workshop) if index == 0 else "",
        )
        for index, (title, text, interest) in enumerate(ADOPTION_RECOMMENDATIONS)
    ]
    for index, person in enumerate(people):
        for recommendation in drafted[: 1 + index % len(drafted)]:
            services.support_add(recommendation=recommendation, by=person)
    # Rejected by the authors, put to the vote at its author's request.
    amendment = amendments.amendment_propose(
        recommendation=drafted[0],
        by=people[2],
        text="Une demi-journée par semaine **et un samedi matin par mois**, un écrivain public "
        "et un agent du CCAS reçoivent sans rendez-vous.",
        reason="Ceux qui travaillent en semaine ne peuvent pas venir.",
    )
    amendments.amendment_reject(
        amendment=amendment,
        by=drafted[0].created_by,
        reason="Nous craignons de ne pas trouver d'agents le samedi.",
    )
    amendment = amendments.amendment_put_to_vote(amendment=amendment, by=people[2])
    adoption.adoption_open(workshop=workshop, by=facilitator)
    meeting = Meeting.objects.filter(workshop=workshop).order_by("starts_at").first()
    adoption.adoption_record(
        recommendation=drafted[0],
        amendment=amendment,
        by=facilitator,
        method=Adoption.Method.MEETING_VOTE,
        meeting=meeting,
        votes_for=14,
        votes_against=5,
        abstentions=2,
    )
    adoption.adoption_record(
        recommendation=drafted[0],
        by=facilitator,
        method=Adoption.Method.CONSENSUS,
        adopted=True,
        meeting=meeting,
    )
    adoption.adoption_record(
        recommendation=drafted[1],
        by=facilitator,
        method=Adoption.Method.MEETING_VOTE,
        meeting=meeting,
        votes_for=17,
        votes_against=3,
        abstentions=1,
    )
    not_adopted = adoption.adoption_record(
        recommendation=drafted[4],
        by=facilitator,
        method=Adoption.Method.MEETING_VOTE,
        meeting=meeting,
        votes_for=6,
        votes_against=12,
        abstentions=3,
    )
    adoption.dissent_record(
        adoption=not_adopted,
        by=facilitator,
        text="Un numéro unique aurait aidé les personnes qui ne lisent pas : nous souhaitons "
        "que la ville l'étudie quand même.",
        held_by="Quatre participants",
    )
    # An online vote held last week: its window is set directly (the service only takes a
    # window that closes in the future), the ballots go through the service while it is open,
    # then it closes and its result is frozen.
    now = timezone.now()
    with transaction.atomic():
        online = Adoption.objects.create(
            recommendation=drafted[2],
            method=Adoption.Method.ONLINE_VOTE,
            vote_opens_at=now - datetime.timedelta(days=7),
            vote_closes_at=now + datetime.timedelta(hours=1),
            recorded_by=facilitator,
        )
    for index, person in enumerate(people):
        adoption.ballot_cast(
            adoption=online, by=person, choice=("for", "for", "against", "abstain")[index % 4]
        )
    Adoption.objects.filter(pk=online.pk).update(vote_closes_at=now - datetime.timedelta(days=1))
    adoption.adoption_settle(Adoption.objects.get(pk=online.pk))


# Amendments (recommendations/amendments.py): on the first recommendation, one accepted (its
# version 3); on the second, one rejected with a reason and put to the adoption, one pending.
ACCEPTED_TEXT = (
    "Fermer la rue du Marché aux voitures **le samedi de 7 h à 14 h** pendant six mois, "
    "puis en faire le bilan avec les commerçants, les riverains **et les usagers du marché**."
)


def _amendments(drafted: list[Recommendation], people: list) -> None:
    first, second = drafted[0], drafted[1]
    proposer = people[-1] if len(people) > 2 else people[1]
    accepted = amendments.amendment_propose(
        recommendation=first,
        by=proposer,
        text=ACCEPTED_TEXT,
        reason="Ceux qui viennent au marché de loin ont leur mot à dire dans le bilan.",
    )
    amendments.amendment_accept(amendment=accepted, by=people[0])
    second_author = people[1 % len(people)]
    rejected = amendments.amendment_propose(
        recommendation=second,
        by=people[0],
        text="Installer une soixantaine d'arceaux aux deux entrées de la rue, dont dix pour "
        "vélos-cargos.",
        reason="Le samedi, les trente arceaux seraient pleins dès 9 h.",
    )
    amendments.amendment_reject(
        amendment=rejected,
        by=second_author,
        reason="Soixante arceaux prendraient la place de la terrasse du café ; commençons par "
        "trente et comptons-les.",
    )
    amendments.amendment_put_to_vote(amendment=rejected, by=people[0])
    amendments.amendment_propose(
        recommendation=second,
        by=proposer,
        text="Installer une trentaine d'arceaux aux deux entrées de la rue, **abrités de la "
        "pluie**.",
        reason="Un vélo mouillé décourage de venir.",
    )


# What a recommendation builds on (grounds.py): the first recommendation of each workshop links
# to two public contributions and two accepted statements of its workshop, as an author would
# paste them. Today the demo's debate and opinion map (debate/demo.py, opinions/demo.py) are
# those of the workshop on cool islands only, which drafts no recommendation: both workshops
# here have nothing to link to, so their recommendations link to nothing until they do.
def demo_grounds(workshop) -> str:
    from django.urls import reverse

    from ateliers.debate.models import VISIBLE_STATES, Contribution
    from ateliers.opinions.models import Statement, StatementStatus

    from .grounds import statement_url

    contributions = Contribution.objects.filter(
        topic__workshop=workshop,
        parent__isnull=True,
        deleted_at__isnull=True,
        moderation__in=VISIBLE_STATES,
    ).order_by("created_at", "pk")[:2]
    statements = Statement.objects.filter(
        conversation__workshop=workshop, status=StatementStatus.ACCEPTED
    ).order_by("conversation_id", "position")[:2]
    return "\n".join(
        [reverse("debate:contribution", args=[contribution.pk]) for contribution in contributions]
        + [statement_url(statement) for statement in statements]
    )
