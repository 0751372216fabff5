from django.contrib.admin.apps import AdminConfig


class AteliersAdminConfig(AdminConfig):
    """Django's admin with our site: the site's login, superusers only (admin_site.py)."""

    default_site = "ateliers.core.admin_site.AteliersAdminSite"
