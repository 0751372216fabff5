"""The demo city's workshop proposals, made through the proposals' services (see
ateliers/demo): one waiting for the city's answer, one accepted, which becomes a draft
workshop that the workshops' demo then completes and publishes."""

from ateliers.core.demo_city import DemoCity

from . import services
from .models import WorkshopProposal

# Workshop proposals from councils: one waiting for the city, one accepted (it becomes the
# workshop "Une rue aux écoles devant l'école Jules-Ferry").
PROPOSALS = [
    {
        "council": "conseil-des-jeunes",
        "title": "Un budget participatif pour les jeunes",
        "kind": "city",
        "neighbourhood": None,
        "themes": ["jeunesse"],
        "rationale": "Nous voulons que les 15-25 ans décident eux-mêmes de l'usage d'une "
        "partie du budget jeunesse, avec un atelier pour en fixer les règles.",
        "objective": "Un règlement de budget participatif jeunesse voté en conseil municipal.",
        "submitted_by": "zoe",
        "status": "pending",
    },
    {
        "council": "conseil-citoyen-bellevue",
        "title": "Une rue aux écoles devant l'école Jules-Ferry",
        "kind": "neighbourhood",
        "neighbourhood": "bellevue",
        "themes": ["mobilite", "jeunesse"],
        "rationale": "Chaque matin, des voitures stationnent devant l'école et les enfants "
        "traversent entre elles. Les parents le signalent depuis deux ans.",
        "objective": "Sécuriser les abords de l'école aux heures d'entrée et de sortie.",
        "submitted_by": "amina",
        "status": "accepted",
    },
]


def build(city: DemoCity) -> None:
    staff = city.get("people", "city_staff")
    for item in PROPOSALS:
        council = city.get("councils", item["council"])
        proposal = WorkshopProposal.objects.filter(council=council, title=item["title"]).first()
        if proposal is None:
            proposal = services.proposal_create(
                council=council,
                submitted_by=city.get("people", item["submitted_by"]),
                kind=item["kind"],
                title=item["title"],
                rationale=item["rationale"],
                objective=item["objective"],
                neighbourhood=city.get("neighbourhoods", item["neighbourhood"]),
                themes=[city.get("themes", slug) for slug in item["themes"]],
            )
        if item["status"] == WorkshopProposal.Status.ACCEPTED and proposal.workshop_id is None:
            if proposal.status == WorkshopProposal.Status.PENDING:
                services.proposal_accept(proposal=proposal, accepted_by=staff, now=city.now)
        city.add("proposals", item["title"], proposal)
