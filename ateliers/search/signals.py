"""The index follows every change the public could see: saves and deletions of the indexed
models (the admin's, the services'), and the services' conditional updates, which send no
signal but always record an action in the activity log (publishing a workshop, hiding a
contribution after reports, accepting a statement)."""

from django.db.models.signals import post_delete, post_save

from ateliers.activity.models import Action
from ateliers.councils.models import Council
from ateliers.debate.models import Topic
from ateliers.documents.models import Document, DocumentVersion
from ateliers.opinions.models import Conversation
from ateliers.workshops.models import Workshop

from . import index
from .models import Entry, Kind
from .sources import BY_MODEL

# Actions on these mean something in the workshop may have changed (a statement accepted, a
# contribution hidden after reports): the workshop's things follow its visibility again.
WORKSHOP_OF = {
    Workshop: lambda pk: pk,
    Topic: lambda pk: Topic.objects.filter(pk=pk).values_list("workshop_id", flat=True).first(),
    Conversation: lambda pk: (
        Conversation.objects.filter(pk=pk).values_list("workshop_id", flat=True).first()
    ),
}


def _saved(sender, instance, raw=False, **_kwargs) -> None:
    if raw or index.is_paused():
        return
    if sender is Workshop:
        index.follow_workshop(instance.pk)
        index.workshop_moved(instance)
    else:
        index.index(sender, instance.pk)
    if sender is Council:
        index.council_changed(instance.pk)


def _deleted(sender, instance, **_kwargs) -> None:
    if not index.is_paused():
        index.remove(sender, instance.pk)


def _version_saved(sender, instance, created=False, raw=False, **_kwargs) -> None:
    if raw or index.is_paused():
        return
    if created:
        index.read_file(instance)
    index.index(Document, instance.document_id)


def _renamed(sender, instance, raw=False, **_kwargs) -> None:
    """A topic's title or a conversation's question shows with its contributions, statements."""
    if raw or index.is_paused():
        return
    kind, things = (
        (Kind.CONTRIBUTION, instance.contributions)
        if sender is Topic
        else (Kind.STATEMENT, instance.statements)
    )
    context = instance.title if sender is Topic else instance.question
    Entry.objects.filter(kind=kind, object_id__in=things.values("pk")).exclude(
        context=context
    ).update(context=context)


# The services that change who may see a workshop's things by conditional updates (no save
# signal): only their actions make the index follow the workshop again, not every join, post
# or registration logged against it, which would redo that work in each such request.
CHANGES_VISIBILITY = frozenset(
    {
        "workshop.published",
        "debate.hidden",
        "debate.auto_hidden",
        "debate.restored",
        "debate.review_asked",
        "statement.accepted",
        "statement.rejected",
    }
)


def _action_recorded(sender, instance, created=False, raw=False, **_kwargs) -> None:
    if not created or raw or index.is_paused():
        return
    model = instance.target_type.model_class()
    if model in WORKSHOP_OF:
        if instance.verb not in CHANGES_VISIBILITY:
            return
        workshop_id = WORKSHOP_OF[model](instance.target_id)
        if workshop_id is not None:
            index.follow_workshop(workshop_id)
    elif model in BY_MODEL:
        index.index(model, instance.target_id)


def connect() -> None:
    for model in BY_MODEL:
        uid = f"search:{model._meta.label_lower}"
        post_save.connect(_saved, sender=model, dispatch_uid=uid)
        post_delete.connect(_deleted, sender=model, dispatch_uid=uid)
    post_save.connect(_version_saved, sender=DocumentVersion, dispatch_uid="search:version")
    post_save.connect(_renamed, sender=Topic, dispatch_uid="search:topic")
    post_save.connect(_renamed, sender=Conversation, dispatch_uid="search:conversation")
    post_save.connect(_action_recorded, sender=Action, dispatch_uid="search:action")
