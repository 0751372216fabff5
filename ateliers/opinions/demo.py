"""The demo city's opinion map, made through the opinions' services (see ateliers/demo).

The city workshop on cool islands is in its debate phase: its facilitator opened a
conversation with 40 statements. 300 people voted on tablets at the debate evenings and at
the town hall's stand (voters without an account, as in an imported Polis conversation),
in three clear groups: those who want school yards first, those who want squares and
streets first, and those wary of the cost and the upkeep. The map is computed at load.
"""

import datetime

import numpy as np

from ateliers.core.demo_city import DemoCity

from . import services
from .models import Conversation, Statement, Vote, Voter

WORKSHOP = "ilots-de-fraicheur"
QUESTION = "Par où commencer pour rafraîchir la ville l'été ?"
VOTERS = 300
SEED = 2026

# (statement, the side of each group: school yards, squares and streets, wary of the cost)
STATEMENTS = [
    ("Les cours d'école doivent passer avant les places.", (1, -1, 0)),
    ("Une cour d'école végétalisée sert aussi au quartier le week-end.", (1, 0, -1)),
    ("Les enfants souffrent le plus de la chaleur.", (1, 0, 0)),
    ("Ouvrir les cours d'école au public l'été.", (1, -1, -1)),
    ("Remplacer le bitume des cours par de la terre et des copeaux.", (1, 0, -1)),
    ("Planter des arbres fruitiers dans les cours.", (1, 0, -1)),
    ("Associer les élèves au dessin de leur cour.", (1, 0, 0)),
    ("Les travaux dans les écoles doivent se faire pendant les vacances.", (1, 1, 1)),
    ("Un îlot de fraîcheur par école élémentaire d'ici 2030.", (1, -1, -1)),
    ("Les crèches aussi ont besoin d'ombre.", (1, 0, 0)),
    ("La place de la Mairie doit être la première ombragée.", (-1, 1, 0)),
    ("Des fontaines à boire sur chaque place.", (0, 1, 0)),
    ("Moins de voitures garées, plus d'arbres dans les rues.", (-1, 1, -1)),
    ("Les arrêts de bus doivent être ombragés.", (0, 1, 0)),
    ("Un parcours frais pour aller du centre à la gare à pied.", (-1, 1, -1)),
    ("Des brumisateurs sur les places l'été.", (0, 1, -1)),
    ("Végétaliser les parkings des supermarchés.", (0, 1, 0)),
    ("Les places sont à tout le monde, les cours d'école non.", (-1, 1, 0)),
    ("Désimperméabiliser les trottoirs larges.", (0, 1, -1)),
    ("Des toiles d'ombrage sur le marché.", (0, 1, 1)),
    ("Le coût d'entretien des arbres doit être chiffré avant.", (-1, -1, 1)),
    ("La ville n'a pas le budget pour quinze chantiers.", (-1, -1, 1)),
    ("Un arbre mal choisi coûte plus qu'il ne rafraîchit.", (0, -1, 1)),
    ("Les racines abîment les trottoirs et les réseaux.", (-1, -1, 1)),
    ("Mieux vaut repeindre les toits en blanc que planter.", (-1, -1, 1)),
    ("Les riverains doivent arroser les arbres de leur rue.", (0, 0, -1)),
    ("Les agents des espaces verts sont déjà trop peu nombreux.", (0, 0, 1)),
    ("Il faut d'abord mesurer les températures avant de choisir.", (-1, -1, 1)),
    ("Les feuilles mortes salissent les cours et les places.", (-1, -1, 1)),
    ("La chaleur en ville est une urgence de santé publique.", (1, 1, -1)),
    ("Récupérer l'eau de pluie pour arroser.", (1, 1, 1)),
    ("Choisir des essences locales qui résistent à la sécheresse.", (1, 1, 1)),
    ("Informer les habitants des lieux frais ouverts l'été.", (1, 1, 1)),
    ("Les personnes âgées doivent pouvoir se rafraîchir près de chez elles.", (1, 1, 0)),
    ("Chaque chantier doit être évalué l'été suivant.", (1, 1, 1)),
    ("Les habitants doivent pouvoir proposer des lieux à rafraîchir.", (1, 1, 0)),
    ("Planter maintenant, les arbres mettent dix ans à pousser.", (1, 1, -1)),
    ("Les bâtiments publics doivent montrer l'exemple.", (1, 1, 0)),
    ("Ombrager les aires de jeux des parcs en priorité.", (1, 1, 0)),
    ("Il faut un budget participatif pour les îlots de fraîcheur.", (0, 0, -1)),
]
# How many of the 300 voters hold each view.
GROUP_SIZES = (130, 100, 70)


def build(city: DemoCity) -> None:
    workshop = city.get("workshops", WORKSHOP)
    if Conversation.objects.filter(workshop=workshop, question=QUESTION).exists():
        return
    facilitator = workshop.facilitators.first() or city.get("people", "facilitator")
    opened = city.now - datetime.timedelta(days=5)
    conversation = services.conversation_open(
        workshop=workshop,
        by=facilitator,
        question=QUESTION,
        description=(
            "Dix cours d'école et cinq places sont au plan climat d'ici 2030. "
            "Votez sur les propositions, une à une, et ajoutez les vôtres."
        ),
        review=Conversation.Review.BEFORE,
        seeds=[text for text, _ in STATEMENTS],
        now=opened,
    )
    _votes(conversation, opened)
    services.map_compute(conversation_id=conversation.pk, force=True, now=city.now)


def _votes(conversation: Conversation, opened: datetime.datetime) -> None:
    """The tablets' votes: each voter holds one view, votes on 15 to 40 statements in the
    order shown, with the group's side most of the time. Stored as the vote service would
    leave them, in bulk (the counts recounted once)."""
    rng = np.random.default_rng(SEED)
    statements = list(Statement.objects.filter(conversation=conversation).order_by("position"))
    sides = np.array([side for _, side in STATEMENTS])
    conversation.refresh_from_db()  # the facilitator's seeds took the first number
    first = conversation.last_voter_number + 1
    views = np.repeat(np.arange(3), GROUP_SIZES)
    voters = Voter.objects.bulk_create(
        Voter(
            conversation=conversation,
            number=first + i,
            created_at=opened + datetime.timedelta(minutes=int(i)),
        )
        for i in range(VOTERS)
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_voter_number=first + VOTERS - 1)
    votes = []
    for voter, view in zip(voters, views, strict=True):
        count = int(rng.integers(15, len(statements) + 1))
        for index in rng.permutation(len(statements))[:count]:
            side = int(sides[index, view])
            roll = rng.random()
            if side == 0:
                value = int(rng.choice([1, 0, -1]))
            elif roll < 0.12:
                value = 0
            elif roll < 0.22:
                value = -side
            else:
                value = side
            votes.append(
                Vote(
                    conversation=conversation,
                    voter=voter,
                    statement=statements[index],
                    value=value,
                    changed_at=voter.created_at + datetime.timedelta(seconds=int(index) * 20),
                )
            )
    Vote.objects.bulk_create(votes, batch_size=5000)
    for statement in statements:
        values = [v.value for v in votes if v.statement_id == statement.pk]
        statement.agree_count = values.count(1)
        statement.disagree_count = values.count(-1)
        statement.pass_count = values.count(0)
    Statement.objects.bulk_update(
        statements, ["agree_count", "disagree_count", "pass_count"], batch_size=500
    )
