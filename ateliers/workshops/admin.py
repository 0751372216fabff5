from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from .models import Participation, Phase, Workshop


class PhaseInline(admin.TabularInline):
    model = Phase
    extra = 0
    max_num = 5
    ordering = ["kind"]


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "status", "neighbourhood", "starts_at", "ends_at"]
    list_display += ["participant_count"]
    list_filter = ["status", "kind", "neighbourhood", "themes"]
    search_fields = ["title", "project"]
    date_hierarchy = "starts_at"
    prepopulated_fields = {"slug": ["title"]}
    filter_horizontal = ["themes", "sponsors", "facilitators"]
    readonly_fields = ["participant_count", "created_by", "created_at", "updated_at"]
    list_select_related = ["neighbourhood"]
    inlines = [PhaseInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "slug", "status", "published_at"]}),
        (_("Content"), {"fields": ["project", "objective", "evaluation_plan"]}),
        (_("Territory and themes"), {"fields": ["neighbourhood", "themes", "sponsors"]}),
        (_("People"), {"fields": ["facilitators", "capacity", "participant_count"]}),
        (_("Dates"), {"fields": ["starts_at", "ends_at"]}),
        (_("Origin"), {"fields": ["proposed_by", "created_by", "created_at", "updated_at"]}),
    ]

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # Keep the workshop's span equal to its phases' span, as the site's forms do.
        phases = list(form.instance.phases.order_by("kind"))
        if phases:
            Workshop.objects.filter(pk=form.instance.pk).update(
                starts_at=phases[0].starts_at, ends_at=phases[-1].ends_at
            )


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    """Read-only: joining and leaving go through the site, which keeps the counts right."""

    list_display = ["user", "workshop", "capacity", "association_name", "council", "joined_at"]
    list_filter = ["capacity"]
    search_fields = ["workshop__title", "user__display_name", "user__email"]
    list_select_related = ["user", "workshop", "council"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
