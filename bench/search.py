"""Benchmark of the search on PostgreSQL: 250,000 debate contributions in the index, a few
hundred queries of French words through the same function as the page.

    DATABASE_URL=postgres://…/ateliers python -m bench.search

Works in a throwaway database beside DATABASE_URL's (pytest-django's way: test_<name>, made
and dropped here). Writes the figures to docs/performance.md, under "Search". The goal: p95
≤ 100 ms. Without DATABASE_URL (SQLite), says so and does nothing: the index there is FTS5,
meant for the one-command demo, not a city.
"""

from __future__ import annotations

import collections
import datetime
import os
import platform
import random
import re
import statistics
import sys
import time
from pathlib import Path

ENTRIES = 250_000
QUERIES = 300
BATCH = 5_000
GOAL_MS = 100
SEED = 13
REPORT = Path(__file__).resolve().parent.parent / "docs" / "performance.md"
HEADING = "## Search"

# The French of the texts: the words of the site's own French catalogue, with the frequencies
# they have there (a few thousand words, stop words included, as in any French text).
CATALOGUE = Path(__file__).resolve().parent.parent / "ateliers/locale/fr/LC_MESSAGES/django.po"
# A fifth of each text: words of a city's debates, in the forms people write them, with
# Zipf-like weights (a few very common, "rue", "place"; most rare). Queries use them.
DEBATE_SHARE = 0.2
WORDS = """
rue place parc école vélo vélos piste cyclable trottoir voiture voitures bus tramway arrêt
stationnement parking marché halle commerce commerces boulangerie logement logements
immeuble immeubles jardin jardins arbre arbres banc bancs fontaine ombre lumière éclairage
sécurité bruit propreté déchets poubelles tri compost square aire jeux enfants parents
jeunes aînés handicap accessibilité rampe ascenseur passage piéton piétons carrefour feu
vitesse zone trente circulation sens unique livraison livraisons camion camions chantier
travaux budget coût devis étude plan projet quartier ville mairie conseil habitants
association associations fête concert bibliothèque médiathèque gymnase piscine stade
terrain sport sports santé médecin pharmacie crèche collège lycée cantine cour cours
végétaliser planter fleurs potager serre eau pluie chaleur canicule fraîcheur climat énergie
chauffage isolation rénovation façade toiture panneaux solaires transport navette horaires
nuit soir matin weekend dimanche samedi réunion atelier débat vote avis proposition
aménagement aménagements réaménager sécuriser élargir fermer ouvrir réduire augmenter
""".split()


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ateliers.settings")
    os.environ["ATELIERS_PAGE_CACHE"] = "false"
    import django

    django.setup()


def _catalogue_words() -> tuple[list[str], list[int]]:
    """The words of the French catalogue's translations and how often each occurs."""
    found: collections.Counter[str] = collections.Counter()
    in_translation = False
    for line in CATALOGUE.read_text(encoding="utf-8").splitlines():
        if line.startswith("msgstr"):
            in_translation, line = True, line.partition(" ")[2]
        elif not line.startswith('"'):
            in_translation = False
        if in_translation:
            line = re.sub(r"%\(\w+\)s|<[^>]*>|\\n", " ", line)  # placeholders, tags
            found.update(word.lower() for word in re.findall(r"[^\W\d_]{2,}", line))
    words = sorted(found)
    return words, [found[word] for word in words]


def _writer(rng: random.Random):
    french, frequencies = _catalogue_words()
    debate = [1 / (rank + 1) ** 0.9 for rank in range(len(WORDS))]

    def text() -> str:
        length = rng.randint(8, 40)
        topical = sum(rng.random() < DEBATE_SHARE for _ in range(length))
        words = rng.choices(french, frequencies, k=length - topical)
        words += rng.choices(WORDS, debate, k=topical)
        rng.shuffle(words)
        return " ".join(words).capitalize() + "."

    return text


def fill() -> float:
    """ENTRIES index rows of contributions, in bulk (the trigger makes their vectors)."""
    from django.db import connection
    from django.utils import timezone

    from ateliers.core.models import Neighbourhood
    from ateliers.search.models import Entry, Kind

    rng = random.Random(SEED)
    text = _writer(rng)
    neighbourhoods = Neighbourhood.objects.bulk_create(
        Neighbourhood(name=f"Quartier {n}", slug=f"quartier-{n}") for n in range(20)
    )
    now = timezone.now()
    started = time.perf_counter()
    for start in range(0, ENTRIES, BATCH):
        Entry.objects.bulk_create(
            Entry(
                kind=Kind.CONTRIBUTION,
                object_id=number,
                text=text(),
                context=f"Sujet {number % 500}",
                neighbourhood=rng.choice(neighbourhoods),
                url=f"/debat/contributions/{number}/",
                date=now - datetime.timedelta(minutes=number),
            )
            for number in range(start, min(start + BATCH, ENTRIES))
        )
    with connection.cursor() as cursor:
        # What autovacuum does after such a load: the GIN index's pending entries merged.
        cursor.execute("VACUUM ANALYZE search_entry")
    return time.perf_counter() - started


def queries(rng: random.Random) -> list[tuple[str, dict]]:
    """One, two or three words; one query in five filtered by neighbourhood or kind."""
    from ateliers.core.models import Neighbourhood

    neighbourhoods = list(Neighbourhood.objects.all())
    asked = []
    for _ in range(QUERIES):
        text = " ".join(rng.sample(WORDS, rng.choice([1, 1, 2, 2, 3])))  # debate words
        filters: dict = {}
        if rng.random() < 0.2:
            filters = rng.choice(
                [{"neighbourhood": rng.choice(neighbourhoods)}, {"kinds": ["contribution"]}]
            )
        asked.append((text, filters))
    return asked


def measure() -> tuple[list[float], list[int], str]:
    """Milliseconds of each query through selectors.query, as the page asks it (count, page,
    highlighted snippets), how many results each counted, and the slowest query."""
    from ateliers.search import selectors

    times, counts, slowest = [], [], ("", 0.0)
    for text, filters in queries(random.Random(SEED + 1)):
        started = time.perf_counter()
        page = selectors.query(text, **filters)
        list(page.object_list)
        times.append((time.perf_counter() - started) * 1000)
        counts.append(page.paginator.count)
        if times[-1] > slowest[1]:
            slowest = (text, times[-1])
    return times, counts, slowest[0]


def matching(text: str) -> int:
    """How many entries a query matches, counted to the end (the page stops at 1,000)."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT COUNT(*) FROM search_entry WHERE vector @@ "
            "websearch_to_tsquery('ateliers_french', ateliers_singular(%s))",
            [text],
        )
        return cursor.fetchone()[0]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def section(
    fill_seconds: float, times: list[float], counts: list[int], slowest: tuple[str, int]
) -> str:
    p50, p95 = percentile(times, 0.5), percentile(times, 0.95)
    met = "met" if p95 <= GOAL_MS else "NOT met"
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    return "\n".join(
        [
            HEADING,
            "",
            f"Measured by `make bench` (bench/search.py), rewritten by each run: {ENTRIES:,} "
            "debate contributions in the index, 8 to 40 words each: four in five drawn from "
            "the words of the site's French catalogue with their frequencies there, one in "
            f"five from {len(WORDS)} words of a city's debates with Zipf-like frequencies; then "
            f"{QUERIES} queries of one to three of those words (one in five filtered by "
            "neighbourhood or kind) through `selectors.query`, as the page asks them: the "
            "count (up to 1,000), the first page of 20 ranked by `ts_rank`, their "
            "neighbourhoods, the highlighted snippets. PostgreSQL, French configuration "
            "without accents, GIN index.",
            "",
            f"- Run: {now}, Python {platform.python_version()}, PostgreSQL, "
            f"{os.cpu_count()} cores.",
            f"- Index built in {fill_seconds:.0f} s (bulk inserts, the trigger making the "
            "vectors, then VACUUM ANALYZE as autovacuum would).",
            "- The slowest are words found in a quarter to a half of all contributions: every "
            "match is ranked, none is left out.",
            "",
            "| what | measured | goal |",
            "|---|---:|---|",
            f"| a query: p50 / p95 | {p50:.0f} / {p95:.0f} ms | p95 ≤ {GOAL_MS} ms: {met} |",
            f"| slowest query: “{slowest[0]}”, in {slowest[1]:,} contributions "
            f"({slowest[1] / ENTRIES:.0%}) | {max(times):.0f} ms | |",
            f"| results counted: median / most | {statistics.median(counts):.0f} / "
            f"{max(counts):,} | |",
            "",
        ]
    )


def write_section(text: str, path: Path = REPORT) -> None:
    """Put `text` in place of the search's section of `path` (at its end when absent)."""
    old = path.read_text() if path.exists() else ""
    start = old.find(HEADING + "\n")
    if start == -1:
        new = old.rstrip("\n") + "\n\n" + text
    else:
        end = old.find("\n## ", start + len(HEADING))
        new = old[:start] + text + (old[end:] if end != -1 else "")
    path.write_text(new)


def section_of(path: Path) -> str:
    """The search's section as `path` holds it ("" when absent): bench/loadtest.py, which
    rewrites the whole report, keeps it."""
    old = path.read_text() if path.exists() else ""
    start = old.find(HEADING + "\n")
    if start == -1:
        return ""
    end = old.find("\n## ", start + len(HEADING))
    return "\n" + (old[start : end + 1] if end != -1 else old[start:])


def main() -> None:
    if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
        print("bench.search: set DATABASE_URL to a PostgreSQL server to run it; skipped.")
        return
    setup_django()
    from django.db import connection

    name = connection.creation.create_test_db(verbosity=0, autoclobber=True, keepdb=False)
    try:
        fill_seconds = fill()
        times, counts, slowest = measure()
        found_in = matching(slowest)
    finally:
        connection.creation.destroy_test_db(name, verbosity=0)
    text = section(fill_seconds, times, counts, (slowest, found_in))
    write_section(text)
    print(text)
    sys.exit(0)


if __name__ == "__main__":
    main()
