"""Every save of one of our models makes the cached public pages stale (core/page_cache.py).

The services also say so through the activity log; these signals catch the rest: the admin's
edits (a neighbourhood renamed), a profile's new display name. What never shows on a public
page is left out: the log itself, the forms' one-time keys, a new account, a login's
timestamp.
"""

from django.apps import apps
from django.db.models.signals import m2m_changed, post_delete, post_save

from .page_cache import content_changed, participants_changed

OUR_APPS = {"core", "activity", "councils", "workshops", "proposals", "opinions"}
NEVER_SHOWN = {
    ("core", "submissionkey"),
    ("activity", "action"),
    # The opinion map's votes, voters, statements and computations show only on its own
    # pages, which are not kept: a vote must not make every cached page stale.
    ("opinions", "vote"),
    ("opinions", "voter"),
    ("opinions", "statement"),
    ("opinions", "mapsnapshot"),
}


def _shows(sender) -> bool:
    meta = sender._meta
    return meta.app_label in OUR_APPS and (meta.app_label, meta.model_name) not in NEVER_SHOWN


def _saved(sender, instance=None, created=False, update_fields=None, **_kwargs) -> None:
    if update_fields is not None and set(update_fields) <= {"last_login", "password"}:
        return
    if created and sender._meta.label_lower == "core.user":
        return  # a new account shows nowhere until its person does something
    _changed(sender, instance)


def _removed(sender, instance=None, **_kwargs) -> None:
    _changed(sender, instance)


def _changed(sender, instance) -> None:
    # Someone taking part or leaving changes counts only (and that workshop's page).
    if sender._meta.label_lower == "workshops.participation" and instance is not None:
        participants_changed(instance.workshop.slug)
    else:
        content_changed()


def connect() -> None:
    for model in apps.get_models():
        if _shows(model):
            post_save.connect(_saved, sender=model, dispatch_uid=f"pages-saved-{model._meta}")
            post_delete.connect(_removed, sender=model, dispatch_uid=f"pages-gone-{model._meta}")
    m2m_changed.connect(_removed, dispatch_uid="pages-m2m")
