from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from .admin_site import NamesCleaned
from .models import Neighbourhood, Theme, User


@admin.register(User)
class UserAdmin(NamesCleaned, BaseUserAdmin):
    name_fields = ("display_name",)
    ordering = ["email"]
    list_display = ["email", "display_name", "role", "neighbourhood", "is_active"]
    list_filter = ["role", "is_active", "is_staff"]
    search_fields = ["email", "display_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Public profile"), {"fields": ["display_name", "neighbourhood", "role"]}),
        # Permissions are rules, by role (see each app's rules.py); the admin is for
        # superusers only.
        (_("Access"), {"fields": ["is_active", "is_staff", "is_superuser"]}),
        (_("Dates"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(NamesCleaned):
    name_fields = ("name",)
    list_display = ["name", "is_priority"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Theme)
class ThemeAdmin(NamesCleaned):
    name_fields = ("name",)
    prepopulated_fields = {"slug": ["name"]}


# Permissions are rules by role (each app's rules.py): Django's groups would grant nothing.
admin.site.unregister(Group)
