from django.contrib import admin

from ateliers.core.admin_site import ManagedOnTheSite

from .models import Participation, Phase, Workshop


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    ordering = ["kind"]
    fields = ["kind", "starts_at", "ends_at"]

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Workshop)
class WorkshopAdmin(ManagedOnTheSite):
    """Read-only: a workshop's status, dates and phases change through the site's pages,
    which check the phases' order, the publishing conditions and log each action."""

    list_display = ["title", "kind", "status", "neighbourhood", "starts_at", "ends_at"]
    list_display += ["participant_count"]
    list_filter = ["status", "kind", "neighbourhood", "themes"]
    search_fields = ["title", "project"]
    date_hierarchy = "starts_at"
    list_select_related = ["neighbourhood"]
    inlines = [PhaseInline]


@admin.register(Participation)
class ParticipationAdmin(ManagedOnTheSite):
    """Read-only: joining and leaving go through the site, which keeps the counts right."""

    list_display = ["user", "workshop", "capacity", "association_name", "council", "joined_at"]
    list_filter = ["capacity"]
    search_fields = ["workshop__title", "user__display_name", "user__email"]
    list_select_related = ["user", "workshop", "council"]
