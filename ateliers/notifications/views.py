"""The notifications page, following and unfollowing, the e-mail settings, and the one-click
unsubscribe of every e-mail."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from ateliers.core import fields
from ateliers.core.models import Theme
from ateliers.core.ratelimit import limit_posts

from . import delivery, follows
from .kinds import KINDS
from .models import Follow, Frequency, Notification, Preference

PER_PAGE = 30


@require_safe
@login_required
def inbox(request):
    notifications = (
        Notification.objects.filter(recipient=request.user)
        .select_related("action__actor", "action__target_type")
        .prefetch_related("action__target")
    )
    page_obj = Paginator(notifications, PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/inbox.html",
        {"page_obj": page_obj, "nav": "notifications", "kinds": KINDS},
    )


@require_POST
@login_required
def mark_all_read(request):
    Notification.objects.filter(recipient=request.user, read_at=None).update(read_at=timezone.now())
    delivery.count_unread([request.user.pk])
    messages.success(request, _("Every notification is marked as read."))
    return redirect("notifications:inbox")


def _back(request, default: str) -> str:
    target = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_POST
@login_required
@limit_posts("follow", limit=60)
def follow_toggle(request, kind: str, pk: int):
    model = follows.FOLLOWABLE.get(kind)
    if model is None:
        raise Http404
    subject = get_object_or_404(model, pk=pk)
    wanted = request.POST.get("follow")
    if wanted not in ("0", "1"):
        return render(request, "400.html", status=400)
    if wanted == "0":
        follows.unfollow(user=request.user, subject=subject)
        messages.success(request, _("You no longer follow “%(name)s”.") % {"name": subject})
    else:
        follows.follow(user=request.user, subject=subject)
        messages.success(
            request,
            _("You follow “%(name)s”: you will be told what moves.") % {"name": subject},
        )
    return redirect(_back(request, "notifications:settings"))


class PreferencesForm(forms.Form):
    themes = fields.ModelMultipleChoiceField(
        label=gettext_lazy("Themes I follow"),
        queryset=Theme.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name, kind in KINDS.items():
            self.fields[name] = forms.ChoiceField(
                label=kind.label,
                choices=Frequency.choices,
                initial=Frequency.IMMEDIATE,
                widget=forms.RadioSelect,
            )


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("notification-settings", limit=20)
def preferences(request):
    user = request.user
    chosen = dict(Preference.objects.filter(user=user).values_list("kind", "frequency"))
    initial = {name: chosen.get(name, Frequency.IMMEDIATE) for name in KINDS}
    initial["themes"] = follows.followed_themes(user)
    form = PreferencesForm(request.POST if request.method == "POST" else None, initial=initial)
    if request.method == "POST" and form.is_valid():
        for name in KINDS:
            Preference.objects.update_or_create(
                user=user, kind=name, defaults={"frequency": form.cleaned_data[name]}
            )
        wanted = set(form.cleaned_data["themes"])
        followed = set(Theme.objects.filter(pk__in=initial["themes"]))
        for theme in wanted - followed:
            follows.follow(user=user, subject=theme)
        for theme in followed - wanted:
            follows.unfollow(user=user, subject=theme)
        messages.success(request, _("Your notification settings are saved."))
        return redirect("notifications:settings")
    followed = [
        follow
        for follow in Follow.objects.filter(user=user)
        .select_related("subject_type")
        .prefetch_related("subject")
        if follow.subject is not None and follow.subject_type.model != "theme"
    ]
    return render(
        request,
        "notifications/settings.html",
        {"form": form, "followed": followed, "nav": "notifications"},
    )


@csrf_exempt  # a mail program's one-click POST has no token; the signed address is the proof
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token: str):
    found = delivery.read_unsubscribe_token(token)
    if found is None:
        raise Http404
    user_id, kind = found
    if request.method == "POST":
        delivery.unsubscribe(user_id, kind)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=200)
        return render(request, "notifications/unsubscribed.html", {"kind": KINDS.get(kind)})
    return render(
        request, "notifications/unsubscribe.html", {"kind": KINDS.get(kind), "token": token}
    )
