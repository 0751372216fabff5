from django.contrib import admin

from .models import WorkshopProposal


@admin.register(WorkshopProposal)
class WorkshopProposalAdmin(admin.ModelAdmin):
    list_display = ["title", "council", "kind", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "kind", "council"]
    search_fields = ["title", "rationale", "council__name"]
    list_select_related = ["council"]
    # Accepting creates a workshop: that happens on the site, through the service.
    readonly_fields = ["status", "decided_at", "workshop", "submitted_by", "submitted_at"]
    filter_horizontal = ["themes"]
