"""What can happen, declared by each app: a verb's name, its sentence, its label (the audit
trail's filter offers it), and whether the public sees it.

An app declares its verbs in its own `activity.py` (imported by its AppConfig.ready), e.g.

    verbs.register(
        "workshop.published",
        _("%(actor)s published the workshop."),
        label=_("Workshop published"),
        public=True,
    )

The sentence may use %(actor)s, %(target)s (the target's name when it happened) and the keys
of the action's data; `describe` turns stored codes into words at reading time, in the
reader's language.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Verb:
    name: str
    sentence: str
    label: str
    # Shown on the target's public history ("what happened"); otherwise only in the audit
    # trail that the city's team reads.
    public: bool = False
    describe: Callable[[dict], dict] | None = None
    # It changes who takes part, so only participant counts on the public pages (those pages
    # are made stale by the participation's own save: core/page_signals.py).
    changes_counts_only: bool = False
    # Shows only on pages that are never kept whole (a debate topic's posts): it leaves the
    # cached public pages as they are, instead of making them all stale at each post.
    stales_pages: bool = True


_VERBS: dict[str, Verb] = {}


def register(
    name: str,
    sentence: str,
    *,
    label: str,
    public: bool = False,
    describe: Callable[[dict], dict] | None = None,
    changes_counts_only: bool = False,
    stales_pages: bool = True,
) -> Verb:
    verb = Verb(name, sentence, label, public, describe, changes_counts_only, stales_pages)
    _VERBS[name] = verb
    return verb


def get(name: str) -> Verb:
    try:
        return _VERBS[name]
    except KeyError:
        raise LookupError(f"Unknown activity verb {name!r}: register it first.") from None


def all_verbs() -> list[Verb]:
    return sorted(_VERBS.values(), key=lambda verb: verb.name)
