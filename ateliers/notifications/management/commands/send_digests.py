"""Send today's digest to each person who chose to get some news daily. Run once a day (cron
or a systemd timer, docs/deploy.md); a second run the same day sends nothing more."""

from django.core.management.base import BaseCommand

from ateliers.notifications.delivery import send_digests


class Command(BaseCommand):
    help = "Send the daily digest of notifications to the people who chose it."

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(f"{sent} digest(s) sent.")
