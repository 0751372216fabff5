from django.contrib import admin

from .models import Body, Mandate, WorkshopProposal


class MandateInline(admin.TabularInline):
    model = Mandate
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "starts_on", "ends_on"]


@admin.register(Body)
class BodyAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "neighbourhood"]
    list_filter = ["kind", "neighbourhood"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes"]
    list_select_related = ["neighbourhood"]
    inlines = [MandateInline]


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["user", "body", "role", "starts_on", "ends_on"]
    list_filter = ["role", "body__kind", "body"]
    search_fields = ["user__display_name", "user__email", "body__name"]
    autocomplete_fields = ["user", "body"]
    list_select_related = ["user", "body"]
    date_hierarchy = "starts_on"


@admin.register(WorkshopProposal)
class WorkshopProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "body", "kind", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "kind", "body"]
    search_fields = ["title", "rationale", "body__name"]
    list_select_related = ["body"]
    # Accepting creates a workshop: that happens on the site, through the service.
    readonly_fields = ["status", "decided_at", "workshop", "submitted_by", "submitted_at"]
    filter_horizontal = ["themes"]
