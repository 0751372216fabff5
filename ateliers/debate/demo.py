"""The demo city's debate, built through the debate's services (see ateliers/demo): topics of
the workshop on cool islands, in its debate phase, with contributions of every kind,
replies, a synthesis, a closed topic, and a contribution hidden by moderation with its
entry in the moderation log."""

from ateliers.core.demo_city import DemoCity
from ateliers.workshops.models import Participation

from . import services
from .models import Topic

WORKSHOP = "ilots-de-fraicheur"

# (kind, text, replies) per topic; the authors are the workshop's participants in turn.
TOPICS = [
    {
        "title": "Les cours d'école",
        "description": "Faut-il ouvrir les cours d'école « oasis » au quartier l'été ?",
        "contributions": [
            ("for", "Les cours **ombragées** serviraient aux familles sans jardin.", 2),
            (
                "against",
                "Qui surveille et nettoie le week-end ? Le personnel est déjà à flux tendu.",
                1,
            ),
            ("question", "Combien coûte une cour oasis ? Le budget est-il déjà voté ?", 1),
            ("for", "À Paris, les cours ouvertes le samedi matin fonctionnent bien.", 0),
            ("remark", "Il faudrait demander aux enfants ce qu'ils en pensent.", 0),
            ("against", "Les riverains craignent le bruit le soir.", 2),
        ],
        "synthesis": "Deux points d'accord : l'ouverture le samedi matin, et la "
        "nécessité d'un gardien. Le désaccord porte sur les soirées.",
    },
    {
        "title": "Arbres et ombre dans les rues",
        "description": "Où planter en priorité, et quelles essences ?",
        "contributions": [
            ("for", "Planter d'abord devant l'EHPAD et les arrêts de bus.", 1),
            ("question", "Les racines abîment-elles les réseaux sous la chaussée ?", 1),
            (
                "remark",
                "Privilégier des essences locales et peu gourmandes en eau :\n\n"
                "- érable champêtre\n- micocoulier\n- tilleul",
                0,
            ),
            (
                "against",
                "Supprimer des places de stationnement pour planter gênera les commerces.",
                1,
            ),
        ],
        "synthesis": "",
    },
    {
        "title": "Fontaines et brumisateurs",
        "description": "Des points d'eau dans les parcs ?",
        "contributions": [
            ("for", "Une fontaine à boire au parc Saint-Éloi.", 0),
            ("against", "Les brumisateurs gaspillent l'eau en pleine sécheresse.", 0),
        ],
        "conclusion": "Les participants retiennent deux fontaines à boire ; les "
        "brumisateurs ne sont pas retenus, faute d'accord.",
    },
]
REPLIES = [
    "Bonne remarque, je n'y avais pas pensé.",
    "Je ne suis pas d'accord : regardez ce qui se fait ailleurs.",
    "Le service des espaces verts pourrait nous répondre.",
]
HIDDEN_TEXT = "Les gens du bout de la rue n'ont qu'à déménager !"
HIDDEN_REASON = "Propos méprisants envers des habitants : la charte demande le respect."


def build(city: DemoCity) -> None:
    workshop = city.get("workshops", WORKSHOP)
    if Topic.objects.filter(workshop=workshop).exists():
        return
    team = city.get("people", "facilitator")
    people = [
        participation.user
        for participation in Participation.objects.filter(workshop=workshop)
        .select_related("user")
        .order_by("pk")
    ]
    turn = 0
    for item in TOPICS:
        topic = services.topic_open(
            workshop=workshop, title=item["title"], description=item["description"], by=team
        )
        for kind, text, replies in item["contributions"]:
            author = people[turn % len(people)]
            turn += 1
            contribution = services.contribution_post(topic=topic, kind=kind, text=text, by=author)
            for index in range(replies):
                services.contribution_reply(
                    parent=contribution,
                    text=REPLIES[(turn + index) % len(REPLIES)],
                    by=people[(turn + index + 1) % len(people)],
                )
        if item.get("synthesis"):
            services.topic_set_synthesis(topic=topic, synthesis=item["synthesis"], by=team)
        if item.get("conclusion"):
            services.topic_close(topic=topic, conclusion=item["conclusion"], by=team)
    first = Topic.objects.filter(workshop=workshop).order_by("pk").first()
    hidden = services.contribution_post(
        topic=first, kind="remark", text=HIDDEN_TEXT, by=people[turn % len(people)]
    )
    services.contribution_hide(contribution=hidden, reason=HIDDEN_REASON, by=team)
