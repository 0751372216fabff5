"""The demo city's recommendations, built through the recommendations' services (see
ateliers/demo): drafts of the workshop on the market street, in its recommendations phase,
one of them with a co-author and a second version, all with supports."""

from ateliers.core.demo_city import DemoCity
from ateliers.workshops.models import Participation

from . import services
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
