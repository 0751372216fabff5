"""A person's data: what the platform holds about them, its download, and the deletion of
their account."""

from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from ateliers.core.errors import ApplicationError
from ateliers.core.forms import add_service_errors, posted
from ateliers.core.personal_data import personal_data_zip
from ateliers.core.ratelimit import limit_posts

from .account_deletion import account_delete, may_delete_themselves


class DeletionForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )
    confirm = forms.BooleanField(
        label=gettext_lazy(
            "I understand that my account is deleted for good, and that what I wrote stays "
            "under the name “deleted participant”."
        ),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        # A lone surrogate cannot be hashed: no password holds one.
        if any(0xD800 <= ord(c) <= 0xDFFF for c in password):
            raise forms.ValidationError(_("This is not your password."))
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."))
        return password


@require_safe
@login_required
def my_data(request):
    return render(
        request,
        "site/account/my_data.html",
        {"may_delete": may_delete_themselves(request.user), "nav": "profile"},
    )


@require_safe
@login_required
def my_data_zip(request):
    response = HttpResponse(personal_data_zip(request.user), content_type="application/zip")
    day = timezone.localdate().isoformat()
    response["Content-Disposition"] = f'attachment; filename="mes-donnees-{day}.zip"'
    return response


@require_http_methods(["GET", "POST"])
@login_required
@limit_posts("account-delete", limit=5)
def delete_account(request):
    if not may_delete_themselves(request.user):
        return render(request, "site/account/delete_refused.html", {"nav": "profile"}, status=403)
    form = DeletionForm(posted(request), user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            account_delete(user=request.user)
        except ApplicationError as error:
            add_service_errors(form, error)
        else:
            logout(request)
            messages.success(request, _("Your account has been deleted. Goodbye, and thank you."))
            return redirect("home")
    return render(request, "site/account/delete.html", {"form": form, "nav": "profile"})
