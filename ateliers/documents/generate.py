"""The generated city's documents (see core/generated_city.py): every workshop and council
gets some, in every category, a third of them with a second version. Their files are three
small real files stored once and shared by the rows, so that downloads work."""

import datetime

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db.models import OuterRef, Subquery

from ateliers.core.generated_city import GeneratedCity
from ateliers.workshops.models import Workshop

from . import samples
from .models import Category, Document, DocumentVersion

DAY = datetime.timedelta(days=1)
# Workshops hold most documents; councils the rest (their minutes).
SHARE_OF_COUNCILS = 0.1


def _stored_samples() -> list[tuple[str, str, str, int]]:
    """(stored name, download name, content type, size) of the shared files."""
    files = [
        ("etat-des-lieux.pdf", samples.pdf("État des lieux", ["Document généré."])),
        ("budget.csv", samples.csv([["Poste", "Montant"], ["Travaux", "100000"]])),
        ("plan.png", samples.png()),
    ]
    types = {"pdf": "application/pdf", "csv": "text/csv", "png": "image/png"}
    stored = []
    for name, data in files:
        path = default_storage.save(f"documents/generated/{name}", ContentFile(data))
        stored.append((path, name, types[name.rsplit(".", 1)[1]], len(data)))
    return stored


def generate(city: GeneratedCity) -> None:
    rng = city.rng("documents")
    workshops = list(Workshop.objects.values_list("pk", "starts_at"))
    councils = city.ids["councils"]
    for_councils = int(city.scale.documents * SHARE_OF_COUNCILS)
    for_workshops = city.scale.documents - for_councils
    categories = Category.values

    def documents():
        for number in range(for_workshops):
            workshop, starts_at = workshops[number % len(workshops)]
            yield Document(
                workshop_id=workshop,
                title=f"Document n° {number + 1}",
                summary="Ce que le document contient, en deux phrases.",
                category=rng.choice(categories),
                version_count=1 + (rng.random() < 0.33),
            )
        for number in range(for_councils):
            yield Document(
                council_id=rng.choice(councils),
                title=f"Compte rendu n° {number + 1}",
                category=Category.MINUTES,
                version_count=1,
            )

    ids = city.bulk(Document, documents(), label="documents")
    counts = dict(Document.objects.values_list("pk", "version_count"))
    shared = _stored_samples()

    def versions():
        for document in ids:
            for number in range(1, counts[document] + 1):
                if rng.random() < 0.2:
                    yield DocumentVersion(
                        document_id=document, number=number, link="https://example.org/etude"
                    )
                    continue
                path, name, content_type, size = rng.choice(shared)
                yield DocumentVersion(
                    document_id=document,
                    number=number,
                    file=path,
                    filename=name,
                    content_type=content_type,
                    size=size,
                    alt_text="Plan du site" if content_type.startswith("image/") else "",
                )

    city.bulk_plain(DocumentVersion, versions(), label="versions of documents")
    latest = DocumentVersion.objects.filter(document=OuterRef("pk")).order_by("-number")
    Document.objects.update(current=Subquery(latest.values("pk")[:1]))
    city.say("documents: current versions set")
