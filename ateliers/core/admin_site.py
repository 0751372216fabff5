"""Django's admin, kept behind the site's own door.

- One login: the admin's login page sends to the site's (allauth's), so its rate limits
  apply there too (and multi-factor authentication, when it comes).
- Administrators only: the admin is for superusers. City staff work on the site's pages,
  where the rules and the services apply.
- Long searches are cut: a 60,000-character search would make the database refuse the
  query (SQLite's LIKE pattern limit) and answer with a server error.
- Names typed here follow the site's rules for names (names.py), as on the site's forms.
"""

from django.contrib import admin, messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import resolve_url
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .fields import NameField

SEARCH_MAX_LENGTH = 200


class AteliersAdminSite(admin.AdminSite):
    site_header = gettext_lazy("Ateliers administration")
    site_title = gettext_lazy("Ateliers administration")

    def has_permission(self, request) -> bool:
        return request.user.is_active and request.user.is_superuser

    def login(self, request, extra_context=None):
        """Never take a password here: send to the site's login, then back."""
        target = request.GET.get("next", "")
        if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
            target = ""
        target = target or resolve_url("admin:index")
        if not request.user.is_authenticated:
            return redirect_to_login(target)
        if self.has_permission(request):
            return HttpResponseRedirect(target)
        raise PermissionDenied

    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        def capped(request, *args, **kwargs):
            search = request.GET.get("q", "")
            if len(search) > SEARCH_MAX_LENGTH:
                query = request.GET.copy()
                query["q"] = search[:SEARCH_MAX_LENGTH]
                messages.warning(
                    request,
                    _("The search was shortened to its first %(count)s characters.")
                    % {"count": SEARCH_MAX_LENGTH},
                )
                return HttpResponseRedirect(f"{request.path}?{query.urlencode()}")
            return inner(request, *args, **kwargs)

        return capped


class ManagedOnTheSite(admin.ModelAdmin):
    """Read-only in the admin: what the site's services own (statuses, dates, phases,
    participations, mandates…) changes on the site, where the checks and the activity log
    apply. The admin still lists, filters and shows."""

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class NamesCleaned(admin.ModelAdmin):
    """An admin whose `name_fields` are typed names: cleaned like the site's (NameField)."""

    name_fields: tuple[str, ...] = ()

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name in self.name_fields:
            kwargs["form_class"] = NameField
        return super().formfield_for_dbfield(db_field, request, **kwargs)
