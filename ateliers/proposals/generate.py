"""The generated city's workshop proposals (see core/generated_city.py): the workshops said to
be proposed by a council come from an accepted proposal; the others wait or were declined."""

import datetime

from ateliers.core.generated_city import GeneratedCity
from ateliers.core.models import Role
from ateliers.workshops.models import Workshop

from .models import WorkshopProposal

DAY = datetime.timedelta(days=1)


def generate(city: GeneratedCity) -> None:
    rng = city.rng("proposals")
    residents = city.facts["accounts_by_role"][Role.RESIDENT]
    accepted = list(
        Workshop.objects.filter(proposed_by__isnull=False).values_list(
            "pk", "proposed_by_id", "kind", "title", "neighbourhood_id", "starts_at"
        )
    )[: city.scale.proposals]

    def proposals():
        for workshop, council, kind, title, neighbourhood, starts_at in accepted:
            yield WorkshopProposal(
                council_id=council,
                submitted_by_id=rng.choice(residents),
                kind=kind,
                title=title[:160],
                rationale="Les habitants le demandent depuis longtemps.",
                objective="Un atelier pour décider ensemble.",
                neighbourhood_id=neighbourhood,
                status=WorkshopProposal.Status.ACCEPTED,
                decided_at=starts_at - 30 * DAY,
                workshop_id=workshop,
            )
        for number in range(city.scale.proposals - len(accepted)):
            pending = rng.random() < 0.6
            yield WorkshopProposal(
                council_id=rng.choice(city.ids["councils"]),
                submitted_by_id=rng.choice(residents),
                kind=Workshop.Kind.CITY,
                title=f"Proposition d'atelier n° {number + 1}",
                rationale="Un sujet que le conseil suit depuis des mois.",
                status=WorkshopProposal.Status.PENDING
                if pending
                else WorkshopProposal.Status.DECLINED,
                decided_at=None if pending else city.now - rng.randint(1, 700) * DAY,
            )

    city.ids["proposals"] = city.bulk(WorkshopProposal, proposals(), label="proposals")
