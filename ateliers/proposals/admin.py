from django.contrib import admin

from ateliers.core.admin_site import ManagedOnTheSite

from .models import WorkshopProposal


@admin.register(WorkshopProposal)
class WorkshopProposalAdmin(ManagedOnTheSite):
    """Read-only: accepting creates a workshop, which happens on the site, through the
    service."""

    list_display = ["title", "council", "kind", "status", "submitted_at", "decided_at"]
    list_filter = ["status", "kind", "council"]
    search_fields = ["title", "rationale", "council__name"]
    list_select_related = ["council"]
