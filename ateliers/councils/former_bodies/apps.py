from django.apps import AppConfig


class FormerBodiesConfig(AppConfig):
    """The councils app before it was renamed (app label "bodies", model "Body").

    It holds no code, only its migrations: databases created before the rename replay them,
    then the councils and proposals apps take the tables over (councils/migrations/0001 and
    proposals/migrations/0001) and rename them. Drop it once every installation has migrated
    past councils 0002, by squashing.
    """

    name = "ateliers.councils.former_bodies"
    label = "bodies"
    verbose_name = "Councils (former name, migrations only)"
