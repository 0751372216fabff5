"""Everything the platform holds about a person, as a ZIP of JSON files (RGPD, article 15 and
20: the right of access and to data portability).

The rows are found through the relations to the account that every model declares, read from
Django's app registry: a model added later that points at the account is in the download
without anyone remembering to add it. A model that reaches the account through another row
says how with a `personal_data_owner` lookup (an opinion-map vote: "voter__user"). One JSON
file per kind of row (`debate/contribution.json`), each row with its fields by name, plus the
account itself.
"""

import io
import json
import zipfile
from collections.abc import Iterator

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import User

# Never written out, even to the person themselves: the password's hash.
SECRET_FIELDS = {"core.user": {"password"}}
# Relations that hold nothing the person did: Django's own bookkeeping.
SKIPPED_MODELS = {"core.User_groups", "core.User_user_permissions", "core.SubmissionKey"}


def _value(row: models.Model, field: models.Field):
    value = field.value_from_object(row)
    if isinstance(field, models.FileField):
        return value.name if value else ""
    return value


def row_data(row: models.Model) -> dict:
    """The row's own fields by name (a foreign key as its id), and what it reads as."""
    secret = SECRET_FIELDS.get(row._meta.label_lower, set())
    data = {
        field.attname: _value(row, field)
        for field in row._meta.concrete_fields
        if field.name not in secret
    }
    data["as_shown"] = str(row)
    return data


def _relations_to(user_model: type[models.Model]) -> Iterator[tuple[type[models.Model], str]]:
    """(model, lookup) of every foreign key and one-to-one field pointing at accounts, and of
    every model that declares the way to its owner."""
    for relation in user_model._meta.get_fields(include_hidden=True):
        if not relation.auto_created or relation.concrete or relation.many_to_many:
            continue
        model = relation.related_model
        if model._meta.label in SKIPPED_MODELS:
            continue
        yield model, relation.field.name
    for model in apps.get_models():
        lookup = getattr(model, "personal_data_owner", None)
        if lookup:
            yield model, lookup


def rows_of(user: User) -> dict[str, list[dict]]:
    """File name → the person's rows of that kind (kinds without any left out)."""
    files: dict[str, list[dict]] = {}
    for model, field_name in _relations_to(get_user_model()):
        rows = [row_data(row) for row in model._default_manager.filter(**{field_name: user})]
        if rows:
            name = f"{model._meta.app_label}/{model._meta.model_name}.json"
            files.setdefault(name, []).extend(rows)
    return files


def _readme() -> str:
    return "\n".join(
        [
            _("Your data on %(site)s, as of %(date)s.")
            % {"site": settings.SITE_NAME, "date": timezone.localtime().strftime("%Y-%m-%d %H:%M")},
            "",
            _(
                "account.json is your account. Each other file holds one kind of thing you "
                "did or that concerns you (contributions, votes, registrations, mandates…), "
                "one JSON object per row, with its fields by their names in the code; "
                '"as_shown" is how the site names the row.'
            ),
        ]
    )


def personal_data_zip(user: User) -> bytes:
    """The ZIP the person downloads: README.txt, account.json and one file per kind of row."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("README.txt", _readme())
        archive.writestr("account.json", _json(row_data(user)))
        for name, rows in sorted(rows_of(user).items()):
            archive.writestr(name, _json(rows))
    return buffer.getvalue()


def _json(data) -> str:
    return json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
