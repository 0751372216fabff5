from django.contrib import admin

from .models import Council, Mandate


class MandateInline(admin.TabularInline):
    model = Mandate
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "starts_on", "ends_on"]


@admin.register(Council)
class CouncilAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "neighbourhood"]
    list_filter = ["kind", "neighbourhood"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["themes"]
    list_select_related = ["neighbourhood"]
    inlines = [MandateInline]


@admin.register(Mandate)
class MandateAdmin(admin.ModelAdmin):
    list_display = ["user", "council", "role", "starts_on", "ends_on"]
    list_filter = ["role", "council__kind", "council"]
    search_fields = ["user__display_name", "user__email", "council__name"]
    autocomplete_fields = ["user", "council"]
    list_select_related = ["user", "council"]
    date_hierarchy = "starts_on"
