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
        drafted.append(services.recommendation_draft(workshop=workshop, by=author, **item))
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
