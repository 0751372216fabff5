"""python manage.py verify_draw SLUG: re-run a workshop's draw of delegates from its recorded
seed and volunteers, print the delegates it gives, and say whether they are the recorded ones
(exit code 1 when they are not)."""

from django.core.management.base import BaseCommand, CommandError

from ateliers.core.models import User
from ateliers.townhall.delegates import draw, ticket
from ateliers.townhall.models import Delegate, DelegateMethod, Delegation


class Command(BaseCommand):
    help = (
        "Re-run the draw of a workshop's delegates from the seed and the volunteers recorded "
        "with it, print the delegates it gives and whether they match the recorded ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("slug", help="the workshop's slug, as in its address")

    def handle(self, *args, slug, **options):
        delegation = Delegation.objects.filter(workshop__slug=slug).first()
        if delegation is None:
            raise CommandError(f"{slug}: no delegates are recorded for this workshop.")
        if delegation.method != DelegateMethod.LOT:
            raise CommandError(f"{slug}: the delegates were elected, not drawn by lot.")
        seed, candidates = delegation.seed, delegation.candidates
        drawn = draw(seed, candidates, delegation.seats)
        recorded = list(
            Delegate.objects.filter(delegation=delegation)
            .order_by("position")
            .values_list("user_id", flat=True)
        )
        self.stdout.write(f"Seed: {seed}")
        self.stdout.write(f"Volunteers: {len(candidates)}; delegates: {delegation.seats}")
        people = User.objects.in_bulk(drawn)
        self.stdout.write("Delegates drawn again (account number, public name, ticket):")
        for position, user_id in enumerate(drawn, start=1):
            name = people[user_id].public_name if user_id in people else "(deleted account)"
            self.stdout.write(f"  {position}. {user_id}  {name}  {ticket(seed, user_id)}")
        if drawn != recorded:
            raise CommandError(
                "They do NOT match the recorded delegates: "
                + ", ".join(str(user_id) for user_id in recorded),
                returncode=1,
            )
        self.stdout.write(self.style.SUCCESS("They match the recorded delegates."))
