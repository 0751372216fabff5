"""Rebuild the search index from what the public may see now (after an import, a restore, or
a change of what is indexed)."""

from django.core.management.base import BaseCommand

from ateliers.search import index


class Command(BaseCommand):
    help = "Rebuild the search index from what the public may see."

    def handle(self, *args, **options):
        counts = index.rebuild()
        self.stdout.write(", ".join(f"{count} {kind}" for kind, count in counts.items()))
