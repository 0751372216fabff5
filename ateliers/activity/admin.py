from django.contrib import admin

from ateliers.core.admin_site import ManagedOnTheSite

from .models import Action


@admin.register(Action)
class ActionAdmin(ManagedOnTheSite):
    """The log is written by the services only, and never edited."""

    list_display = ["created_at", "actor", "verb", "target_label", "public"]
    list_filter = ["verb", "public"]
    search_fields = ["target_label", "actor__display_name"]
    list_select_related = ["actor"]
    date_hierarchy = "created_at"
