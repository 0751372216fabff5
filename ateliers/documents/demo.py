"""The demo city's documents, added through the documents' services (see ateliers/demo):
files made at load (small PDFs, an image with its text alternative, a CSV), links, and a
document with two versions."""

from django.core.files.uploadedfile import SimpleUploadedFile

from ateliers.core.demo_city import DemoCity

from . import samples, services
from .models import Category, Document


def _pdf(name: str, title: str, lines: list[str]) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, samples.pdf(title, lines), content_type="application/pdf")


# (owner kind, owner key, title, category, summary, content): content is a function that
# makes the upload, or a link.
DOCUMENTS = [
    (
        "workshops",
        "reamenager-la-place-des-tilleuls",
        "Plan de la place aujourd'hui",
        Category.SITE_FACTS,
        "Le relevé du géomètre : emprise de la place, stationnement, arbres existants.",
        lambda: _pdf(
            "plan-place-des-tilleuls.pdf",
            "Place des Tilleuls : état des lieux",
            [
                "Surface : 3 200 m2, dont 1 900 m2 de stationnement (40 places).",
                "Arbres : 14 tilleuls, dont 3 à remplacer.",
                "Commerces en rez-de-chaussée : 9.",
            ],
        ),
    ),
    (
        "workshops",
        "reamenager-la-place-des-tilleuls",
        "Vue aérienne de la place",
        Category.SITE_FACTS,
        "",
        lambda: SimpleUploadedFile(
            "vue-aerienne.png", samples.png(colour=(90, 110, 80)), content_type="image/png"
        ),
    ),
    (
        "workshops",
        "reamenager-la-place-des-tilleuls",
        "Budget de l'opération",
        Category.BUDGET,
        "850 000 € TTC, études comprises, votés au budget 2027.",
        lambda: SimpleUploadedFile(
            "budget-place-des-tilleuls.csv",
            samples.csv(
                [
                    ["Poste", "Montant (EUR)"],
                    ["Études", "70000"],
                    ["Travaux de voirie", "520000"],
                    ["Plantations", "110000"],
                    ["Mobilier et éclairage", "150000"],
                ]
            ),
            content_type="text/csv",
        ),
    ),
    (
        "workshops",
        "reamenager-la-place-des-tilleuls",
        "Contraintes techniques et réglementaires",
        Category.CONSTRAINTS,
        "Réseaux enterrés, accès des pompiers, périmètre des monuments historiques.",
        lambda: _pdf(
            "contraintes-place-des-tilleuls.pdf",
            "Contraintes du site",
            [
                "Une voie de 4 m reste libre pour les véhicules de secours.",
                "Le réseau de chaleur passe sous la moitié nord : pas d'arbre au-dessus.",
                "Avis de l'architecte des Bâtiments de France requis.",
            ],
        ),
    ),
    (
        "workshops",
        "plan-velo-2027",
        "Comptages vélo 2025",
        Category.STUDY,
        "Les passages de vélos mesurés sur 12 points de la ville, jour par jour.",
        lambda: "https://example.org/villebelle/comptages-velo-2025",
    ),
    (
        "workshops",
        "plan-velo-2027",
        "Schéma directeur cyclable (projet)",
        Category.STUDY,
        "Le projet de réseau cyclable du bureau d'études, à discuter dans l'atelier.",
        lambda: _pdf(
            "schema-cyclable.pdf",
            "Schéma directeur cyclable",
            ["Version de travail.", "Trois axes structurants, 14 km de pistes."],
        ),
    ),
    (
        "councils",
        "conseil-citoyen-bellevue",
        "Compte rendu de la réunion de septembre",
        Category.MINUTES,
        "Présents : 11 membres. Sujets : sécurité devant l'école, jardins partagés.",
        lambda: _pdf(
            "compte-rendu-septembre.pdf",
            "Conseil citoyen de Bellevue : réunion du 18 septembre",
            ["11 membres présents.", "Proposition d'une rue aux écoles votée à l'unanimité."],
        ),
    ),
]


def _content(make) -> dict:
    made = make()
    if isinstance(made, str):
        return {"link": made}
    alt = (
        "Vue aérienne : la place, ses arbres et le stationnement"
        if made.name.endswith(".png")
        else ""
    )
    return {"upload": made, "alt_text": alt}


def build(city: DemoCity) -> None:
    staff = city.get("people", "city_staff")
    for kind, key, title, category, summary, make in DOCUMENTS:
        owner = city.get(kind, key)
        document = Document.objects.filter(title=title).first()
        if document is None:
            document = services.document_add(
                owner=owner,
                added_by=staff,
                title=title,
                summary=summary,
                category=category,
                **_content(make),
            )
        city.add("documents", title, document)
    # The study got a second version: the first stays downloadable.
    study = city.get("documents", "Schéma directeur cyclable (projet)")
    if study.version_count < 2:
        services.document_add_version(
            document=study,
            added_by=staff,
            upload=_pdf(
                "schema-cyclable-v2.pdf",
                "Schéma directeur cyclable",
                ["Version 2, après la réunion d'information.", "Quatre axes, 17 km de pistes."],
            ),
            note="Un quatrième axe ajouté, vers la gare.",
        )
