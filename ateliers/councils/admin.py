from django.contrib import admin

from ateliers.core.admin_site import ManagedOnTheSite

from .models import Council, Mandate


class MandateInline(admin.TabularInline):
    model = Mandate
    extra = 0
    fields = ["user", "role", "starts_on", "ends_on"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Council)
class CouncilAdmin(ManagedOnTheSite):
    """Read-only: councils and mandates change on the site's management pages, which check
    for overlapping mandates and two presidents, and log each change."""

    list_display = ["name", "kind", "neighbourhood"]
    list_filter = ["kind", "neighbourhood"]
    search_fields = ["name", "description"]
    list_select_related = ["neighbourhood"]
    inlines = [MandateInline]


@admin.register(Mandate)
class MandateAdmin(ManagedOnTheSite):
    list_display = ["user", "council", "role", "starts_on", "ends_on"]
    list_filter = ["role", "council__kind", "council"]
    search_fields = ["user__display_name", "council__name"]
    list_select_related = ["user", "council"]
    date_hierarchy = "starts_on"
