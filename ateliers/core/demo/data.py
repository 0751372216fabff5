"""The demo city of Villebelle, as plain data: `manage.py load_demo` writes it.

Dates are offsets from today so the demo always shows workshops in every phase. Everything is
keyed by a slug or an e-mail address so that loading it twice changes nothing.
The text is in French: it is what a French city would write.
"""

DEMO_PASSWORD = "ateliers-demo-2026"  # noqa: S105 - printed by the command, for the demo only
DEMO_DOMAIN = "villebelle.example"

NEIGHBOURHOODS = [
    {
        "slug": "centre-ville",
        "name": "Centre-ville",
        "description": "Le cœur commerçant autour de la mairie, du marché couvert et de la "
        "rue du Marché.",
    },
    {
        "slug": "les-tilleuls",
        "name": "Les Tilleuls",
        "description": "Un quartier résidentiel de maisons et de petits immeubles, organisé "
        "autour de la place des Tilleuls.",
    },
    {
        "slug": "la-gare",
        "name": "La Gare",
        "description": "Le quartier de la gare et de l'ancienne friche ferroviaire, en pleine "
        "transformation.",
    },
    {
        "slug": "bellevue",
        "name": "Bellevue",
        "description": "Un grand ensemble des années 1970 sur le plateau, quartier prioritaire "
        "de la politique de la ville.",
        "is_priority": True,
    },
    {
        "slug": "les-hauts-de-belle",
        "name": "Les Hauts-de-Belle",
        "description": "Des tours et des barres rénovées, un city-stade, un centre social : "
        "quartier prioritaire de la politique de la ville.",
        "is_priority": True,
    },
    {
        "slug": "le-port",
        "name": "Le Port",
        "description": "Les anciens quais de la Belle, leurs hangars et leurs guinguettes.",
    },
    {
        "slug": "saint-eloi",
        "name": "Saint-Éloi",
        "description": "Le quartier du parc Saint-Éloi, de l'hôpital et du lycée Marie-Curie.",
    },
    {
        "slug": "les-coteaux",
        "name": "Les Coteaux",
        "description": "Des pavillons et des jardins sur les pentes, à la limite des vignes.",
    },
]

THEMES = [
    {
        "slug": "mobilite",
        "name": "Mobilité",
        "description": "Marche, vélo, transports en commun, stationnement.",
    },
    {
        "slug": "jeunesse",
        "name": "Jeunesse",
        "description": "Les 11-25 ans : loisirs, engagement, lieux.",
    },
    {
        "slug": "plan-climat",
        "name": "Plan climat",
        "description": "Réduire les émissions, s'adapter aux fortes chaleurs.",
    },
    {
        "slug": "espaces-publics",
        "name": "Espaces publics et cadre de vie",
        "description": "Places, parcs, rues, propreté, éclairage.",
    },
    {
        "slug": "solidarites",
        "name": "Solidarités",
        "description": "Accès aux droits, santé, lutte contre l'isolement.",
    },
    {
        "slug": "culture-sport",
        "name": "Culture et sport",
        "description": "Équipements, pratiques, horaires, tarifs.",
    },
]

# The accounts whose logins the command prints. Keys name them in the rest of the data.
ACCOUNTS = [
    {
        "key": "resident",
        "email": f"habitante@{DEMO_DOMAIN}",
        "display_name": "Alice Martin",
        "role": "resident",
        "neighbourhood": "les-tilleuls",
    },
    {
        "key": "facilitator",
        "email": f"animateur@{DEMO_DOMAIN}",
        "display_name": "Bruno Lefèvre",
        "role": "facilitator",
        "neighbourhood": "centre-ville",
    },
    {
        "key": "city_staff",
        "email": f"agente@{DEMO_DOMAIN}",
        "display_name": "Chloé Dubois",
        "role": "city_staff",
        "neighbourhood": None,
    },
    {
        "key": "elected",
        "email": f"elu@{DEMO_DOMAIN}",
        "display_name": "Denis Moreau",
        "role": "elected",
        "neighbourhood": "la-gare",
    },
    {
        "key": "administrator",
        "email": f"admin@{DEMO_DOMAIN}",
        "display_name": "Eva Laurent",
        "role": "administrator",
        "neighbourhood": None,
        "is_staff": True,
        "is_superuser": True,
    },
]

# Residents who take part in workshops and sit in councils: (key, display name, neighbourhood).
RESIDENTS = [
    ("amina", "Amina Benali", "bellevue"),
    ("jules", "Jules Petit", "centre-ville"),
    ("fatou", "Fatou Diallo", "les-hauts-de-belle"),
    ("marc", "Marc Girard", "les-tilleuls"),
    ("lea", "Léa Fontaine", "la-gare"),
    ("karim", "Karim Haddad", "bellevue"),
    ("sophie", "Sophie Bernard", "saint-eloi"),
    ("thomas", "Thomas Roux", "le-port"),
    ("ines", "Inès Carvalho", "les-hauts-de-belle"),
    ("paul", "Paul Lambert", "les-coteaux"),
    ("yasmine", "Yasmine Cherif", "la-gare"),
    ("hugo", "Hugo Mercier", "centre-ville"),
    ("nadia", "Nadia Ouali", "bellevue"),
    ("louis", "Louis Garnier", "les-tilleuls"),
    ("mei", "Mei Chen", "le-port"),
    ("camille", "Camille Faure", "saint-eloi"),
    ("oumar", "Oumar Sow", "les-hauts-de-belle"),
    ("claire", "Claire Morel", "les-coteaux"),
    ("ana", "Ana Popescu", "centre-ville"),
    ("lucas", "Lucas Henry", "la-gare"),
    ("zoe", "Zoé Blanc", "les-tilleuls"),
    ("mamadou", "Mamadou Traoré", "bellevue"),
    ("elena", "Elena Rossi", "le-port"),
    ("noah", "Noah Perrin", "saint-eloi"),
]


def resident_email(key: str) -> str:
    return f"{key}@{DEMO_DOMAIN}"


# Councils. A neighbourhood council for every neighbourhood, a citizens' council for each
# priority neighbourhood, and the three city-wide councils. Mandates are
# (person key, role, starts N days ago, ends in N days — negative for a past mandate, None
# for an open-ended one).
NEIGHBOURHOOD_COUNCIL_MEMBERS = {
    "centre-ville": [("jules", "president"), ("hugo", "secretary"), ("ana", "member")],
    "les-tilleuls": [("marc", "president"), ("resident", "member"), ("zoe", "member")],
    "la-gare": [("lea", "president"), ("yasmine", "vice_president"), ("lucas", "member")],
    "bellevue": [("karim", "president"), ("nadia", "member"), ("mamadou", "member")],
    "les-hauts-de-belle": [("oumar", "president"), ("ines", "member")],
    "le-port": [("thomas", "president"), ("mei", "secretary"), ("elena", "member")],
    "saint-eloi": [("sophie", "president"), ("camille", "member"), ("noah", "member")],
    "les-coteaux": [("paul", "president"), ("claire", "member")],
}

COUNCILS = [
    *[
        {
            "slug": f"conseil-de-quartier-{slug}",
            "kind": "neighbourhood",
            "name": f"Conseil de quartier {name}",
            "neighbourhood": slug,
            "description": f"Le conseil de quartier réunit les habitants de {name} qui "
            "veulent suivre les projets du quartier et en proposer. Réunion publique "
            "chaque trimestre.",
            "themes": ["espaces-publics"],
            "mandates": [
                (person, role, 420, 310) for person, role in NEIGHBOURHOOD_COUNCIL_MEMBERS[slug]
            ],
        }
        for slug, name in [(n["slug"], n["name"]) for n in NEIGHBOURHOODS]
    ],
    {
        "slug": "conseil-citoyen-bellevue",
        "kind": "citizens",
        "name": "Conseil citoyen de Bellevue",
        "neighbourhood": "bellevue",
        "description": "Habitants tirés au sort et acteurs locaux du quartier prioritaire de "
        "Bellevue, associés au contrat de ville.",
        "themes": ["solidarites", "jeunesse"],
        "mandates": [
            ("amina", "president", 300, 795),
            ("nadia", "vice_president", 300, 795),
            ("mamadou", "member", 300, 795),
            # The council's previous president: a mandate that has ended.
            ("karim", "president", 1400, -301),
        ],
    },
    {
        "slug": "conseil-citoyen-hauts-de-belle",
        "kind": "citizens",
        "name": "Conseil citoyen des Hauts-de-Belle",
        "neighbourhood": "les-hauts-de-belle",
        "description": "Le conseil citoyen du quartier prioritaire des Hauts-de-Belle.",
        "themes": ["solidarites", "culture-sport"],
        "mandates": [
            ("fatou", "president", 300, 795),
            ("ines", "secretary", 300, 795),
            ("oumar", "member", 1400, -301),
        ],
    },
    {
        "slug": "conseil-des-residents-etrangers",
        "kind": "foreign_residents",
        "name": "Conseil des résidents étrangers",
        "neighbourhood": None,
        "description": "Les habitants de Villebelle qui n'ont pas la nationalité française "
        "donnent leur avis sur la vie de la ville. Séances en français, avec interprètes "
        "en arabe, portugais, roumain et mandarin.",
        "themes": ["solidarites"],
        "mandates": [
            ("ana", "president", 500, 595),
            ("mei", "member", 500, 595),
            ("elena", "member", 500, 595),
            ("mamadou", "member", 500, 595),
        ],
    },
    {
        "slug": "conseil-des-jeunes",
        "kind": "youth",
        "name": "Conseil des jeunes",
        "neighbourhood": None,
        "description": "Des jeunes de 15 à 25 ans élus dans les lycées, les clubs et les "
        "maisons de quartier pour deux ans.",
        "themes": ["jeunesse", "culture-sport"],
        "mandates": [
            ("zoe", "president", 200, 530),
            ("noah", "member", 200, 530),
            ("lucas", "member", 200, 530),
            ("hugo", "president", 930, -201),
        ],
    },
    {
        "slug": "conseil-de-developpement",
        "kind": "development",
        "name": "Conseil de développement",
        "neighbourhood": None,
        "description": "Acteurs économiques, associatifs et habitants qui éclairent les "
        "grandes orientations de la ville : urbanisme, climat, mobilités.",
        "themes": ["plan-climat", "mobilite"],
        "mandates": [
            ("claire", "president", 700, None),
            ("paul", "vice_president", 700, None),
            ("sophie", "member", 700, None),
            ("thomas", "member", 700, None),
        ],
    },
]

# Workshops. "when" places them: ("phase", n) runs phase n (1 to 5) today; ("upcoming", d)
# starts in d days; ("finished", d) ended d days ago. "days" is the whole duration.
# "participants": people with a particular capacity; "residents": how many more residents,
# taken in turn from RESIDENTS.
WORKSHOPS = [
    {
        "slug": "reamenager-la-place-des-tilleuls",
        "kind": "neighbourhood",
        "title": "Réaménager la place des Tilleuls",
        "neighbourhood": "les-tilleuls",
        "themes": ["espaces-publics"],
        "project": "La place des Tilleuls est aujourd'hui un parking de 40 places entouré de "
        "commerces. La ville prévoit de la refaire en 2027 avec un budget de 850 000 € et "
        "demande aux habitants comment ils veulent l'utiliser.",
        "objective": "Un programme d'aménagement partagé (usages, stationnement, plantations) "
        "remis au bureau d'études avant l'esquisse.",
        "evaluation_plan": "Part des préconisations reprises dans l'esquisse ; nombre et "
        "diversité des participants (âge, commerçants, riverains).",
        "capacity": 40,
        "when": ("phase", 1),
        "days": 120,
        "sponsors": ["conseil-de-quartier-les-tilleuls"],
        "participants": [("marc", "council_member"), ("city_staff", "city_staff")],
        "residents": 6,
    },
    {
        "slug": "plan-velo-2027",
        "kind": "city",
        "title": "Plan vélo 2027 : quelles pistes cyclables d'abord ?",
        "neighbourhood": None,
        "themes": ["mobilite", "plan-climat"],
        "project": "Le plan vélo prévoit 25 km d'aménagements cyclables sur six ans. Il faut "
        "choisir l'ordre des travaux et les itinéraires prioritaires.",
        "objective": "Un classement argumenté des itinéraires à réaliser en premier.",
        "evaluation_plan": "Itinéraires retenus dans la programmation pluriannuelle ; "
        "questionnaire aux participants à la fin de l'atelier.",
        "capacity": None,
        "when": ("phase", 1),
        "days": 150,
        "sponsors": ["conseil-de-developpement"],
        "participants": [
            ("elected", "elected"),
            ("claire", "association", "Villebelle à vélo"),
        ],
        "residents": 9,
    },
    {
        "slug": "rue-aux-ecoles-jules-ferry",
        "kind": "neighbourhood",
        "title": "Une rue aux écoles devant l'école Jules-Ferry",
        "neighbourhood": "bellevue",
        "themes": ["mobilite", "jeunesse"],
        "project": "Fermer aux voitures la rue Jules-Ferry aux heures d'entrée et de sortie "
        "des classes, et l'aménager pour les enfants.",
        "objective": "Des horaires, un plan de circulation et des aménagements acceptés par "
        "les parents, les riverains et l'école.",
        "evaluation_plan": "Mesure du trafic avant et après ; enquête auprès des parents "
        "six mois après.",
        "capacity": 30,
        "when": ("phase", 2),
        "days": 100,
        "proposed_by": "conseil-citoyen-bellevue",
        "sponsors": ["conseil-citoyen-bellevue", "conseil-de-quartier-bellevue"],
        "participants": [("amina", "council_member"), ("city_staff", "city_staff")],
        "residents": 7,
    },
    {
        "slug": "un-lieu-pour-les-15-25-ans",
        "kind": "city",
        "title": "Un lieu pour les 15-25 ans",
        "neighbourhood": None,
        "themes": ["jeunesse", "culture-sport"],
        "project": "La ville peut transformer l'ancienne bibliothèque du Centre-ville. Les "
        "jeunes y veulent-ils un tiers-lieu, un studio de musique, un espace de travail ?",
        "objective": "Un projet d'usages et de gestion pour le lieu, porté par des jeunes.",
        "evaluation_plan": "Nombre de jeunes participants ; projet retenu au budget 2027.",
        "capacity": 60,
        "when": ("phase", 2),
        "days": 130,
        "sponsors": ["conseil-des-jeunes"],
        "participants": [("zoe", "council_member"), ("noah", "council_member")],
        "residents": 5,
    },
    {
        "slug": "jardin-partage-friche-de-la-gare",
        "kind": "neighbourhood",
        "title": "Un jardin partagé sur la friche de la gare",
        "neighbourhood": "la-gare",
        "themes": ["espaces-publics", "plan-climat"],
        "project": "2 000 m² de l'ancienne friche ferroviaire restent libres jusqu'en 2030 : "
        "un jardin partagé est possible, si l'on s'accorde sur sa gestion.",
        "objective": "Un projet de jardin et une association prête à le gérer.",
        "evaluation_plan": "Jardin ouvert dans l'année ; nombre de parcelles attribuées.",
        "capacity": 25,
        "when": ("phase", 3),
        "days": 90,
        "sponsors": ["conseil-de-quartier-la-gare"],
        "participants": [
            ("lea", "council_member"),
            ("yasmine", "association", "Les Incroyables Comestibles de Villebelle"),
            ("paul", "expert"),
        ],
        "residents": 6,
    },
    {
        "slug": "ilots-de-fraicheur",
        "kind": "city",
        "title": "Îlots de fraîcheur : végétaliser cours d'école et places",
        "neighbourhood": None,
        "themes": ["plan-climat", "espaces-publics"],
        "project": "Le plan climat prévoit de désimperméabiliser dix cours d'école et cinq "
        "places d'ici 2030. Lesquelles d'abord, et comment ?",
        "objective": "Une liste de sites prioritaires et des principes d'aménagement.",
        "evaluation_plan": "Sites retenus au plan pluriannuel ; mesure des températures "
        "l'été suivant les travaux.",
        "capacity": None,
        "when": ("phase", 3),
        "days": 140,
        "sponsors": ["conseil-de-developpement"],
        "participants": [
            ("elected", "elected"),
            ("city_staff", "city_staff"),
            ("sophie", "expert"),
        ],
        "residents": 10,
    },
    {
        "slug": "pietonniser-la-rue-du-marche",
        "kind": "neighbourhood",
        "title": "Piétonniser la rue du Marché le samedi",
        "neighbourhood": "centre-ville",
        "themes": ["mobilite", "espaces-publics"],
        "project": "Essayer une rue du Marché réservée aux piétons le samedi, de 8 h à 19 h, "
        "avec les commerçants et les riverains.",
        "objective": "Des conditions d'essai (livraisons, accès riverains, animations) "
        "acceptées par les commerçants.",
        "evaluation_plan": "Fréquentation et chiffre d'affaires déclaré par les commerçants "
        "pendant l'essai.",
        "capacity": 35,
        "when": ("phase", 4),
        "days": 110,
        "sponsors": ["conseil-de-quartier-centre-ville"],
        "participants": [
            ("jules", "council_member"),
            ("hugo", "association", "Union des commerçants du Centre"),
        ],
        "residents": 8,
    },
    {
        "slug": "acces-aux-droits",
        "kind": "city",
        "title": "Accès aux droits : une maison des services au public",
        "neighbourhood": None,
        "themes": ["solidarites"],
        "project": "Regrouper dans un même lieu CAF, CPAM, France Travail et services "
        "municipaux, avec un accompagnement au numérique.",
        "objective": "Un lieu, des horaires et des services qui répondent aux besoins.",
        "evaluation_plan": "Fréquentation la première année ; délais de traitement des demandes.",
        "capacity": 50,
        "when": ("phase", 5),
        "days": 120,
        "sponsors": ["conseil-des-residents-etrangers", "conseil-citoyen-hauts-de-belle"],
        "participants": [("ana", "council_member"), ("fatou", "council_member")],
        "residents": 6,
    },
    {
        "slug": "hangar-des-quais-du-port",
        "kind": "neighbourhood",
        "title": "Quais du Port : que faire de l'ancien hangar ?",
        "neighbourhood": "le-port",
        "themes": ["culture-sport", "espaces-publics"],
        "project": "La ville a racheté le hangar n° 3 des quais. Halle de marché, salle de "
        "spectacle, ateliers d'artistes ? Rien n'est décidé.",
        "objective": "Trois scénarios d'usage chiffrés, soumis au conseil municipal.",
        "evaluation_plan": "Scénario retenu et calendrier des travaux votés.",
        "capacity": 45,
        "when": ("upcoming", 12),
        "days": 120,
        "sponsors": ["conseil-de-quartier-le-port"],
        "participants": [],
        "residents": 0,
    },
    {
        "slug": "horaires-des-equipements-sportifs",
        "kind": "city",
        "title": "Horaires des équipements sportifs",
        "neighbourhood": None,
        "themes": ["culture-sport", "jeunesse"],
        "project": "Les gymnases et la piscine ferment à 20 h en semaine. Faut-il ouvrir plus "
        "tard, le dimanche, l'été ?",
        "objective": "De nouveaux horaires à budget constant.",
        "evaluation_plan": "Fréquentation des créneaux nouveaux un an après.",
        "capacity": None,
        "when": ("finished", 40),
        "days": 100,
        "sponsors": ["conseil-des-jeunes"],
        "participants": [("lucas", "council_member"), ("elected", "elected")],
        "residents": 7,
    },
    {
        "slug": "stationnement-autour-de-la-gare",
        "kind": "neighbourhood",
        "title": "Stationnement autour de la gare",
        "neighbourhood": "la-gare",
        "themes": ["mobilite"],
        "project": "Les rues autour de la gare sont saturées par les voitures des "
        "voyageurs. Zone bleue, parking relais, stationnement résidentiel ?",
        "objective": "Un plan de stationnement que les riverains approuvent.",
        "evaluation_plan": "Taux d'occupation des rues mesuré avant et après.",
        "capacity": 30,
        "when": ("finished", 150),
        "days": 90,
        "sponsors": ["conseil-de-quartier-la-gare"],
        "participants": [("lea", "council_member")],
        "residents": 5,
    },
    {
        "slug": "eclairage-du-parc-saint-eloi",
        "kind": "neighbourhood",
        "title": "Éclairage du parc Saint-Éloi",
        "neighbourhood": "saint-eloi",
        "themes": ["espaces-publics", "plan-climat"],
        "project": "Éclairer les allées du parc le soir sans gêner la faune ni gaspiller "
        "l'énergie.",
        "objective": "Un plan d'éclairage sobre et rassurant.",
        "evaluation_plan": "Consommation électrique ; sentiment de sécurité mesuré par enquête.",
        "capacity": None,
        "when": ("finished", 400),
        "days": 90,
        "status": "archived",
        "sponsors": ["conseil-de-quartier-saint-eloi"],
        "participants": [("sophie", "council_member")],
        "residents": 4,
    },
    {
        "slug": "renovation-du-city-stade",
        "kind": "neighbourhood",
        "title": "Rénovation du city-stade des Hauts-de-Belle",
        "neighbourhood": "les-hauts-de-belle",
        "themes": ["culture-sport", "jeunesse"],
        "project": "Le city-stade est abîmé. Le refaire à l'identique ou en changer les "
        "usages (basket, street workout, espace pour les plus petits) ?",
        "objective": "Un programme de rénovation décidé avec les jeunes du quartier.",
        "evaluation_plan": "Fréquentation et diversité des usagers après travaux.",
        "capacity": 25,
        "when": ("upcoming", 45),
        "days": 90,
        "status": "draft",
        "sponsors": [],
        "participants": [],
        "residents": 0,
    },
]

# Workshop proposals from councils: one waiting for the city, one accepted (the workshop
# "rue-aux-ecoles-jules-ferry" carries it).
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
        "workshop": "rue-aux-ecoles-jules-ferry",
    },
]

# Who facilitates the workshops (all of them, in the demo: one facilitator account).
FACILITATORS = ["facilitator"]
