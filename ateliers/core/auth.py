"""Logging in with an e-mail address (allauth), and nothing from Django's permission tables.

Every permission is a rule (rules.permissions.ObjectPermissionBackend, first in
AUTHENTICATION_BACKENDS). Django's model backend, which allauth's extends, would read the
user's and their groups' permissions from the database on every `has_perm` the rules refuse:
two queries per page for an answer the rules already gave. Superusers keep every admin
permission through `User.has_perm`.
"""

from allauth.account.auth_backends import AuthenticationBackend


class EmailLoginBackend(AuthenticationBackend):
    def get_user_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def get_group_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def get_all_permissions(self, user_obj, obj=None) -> set[str]:
        return set()

    def has_perm(self, user_obj, perm, obj=None) -> bool:
        return False

    def has_module_perms(self, user_obj, app_label) -> bool:
        return False
