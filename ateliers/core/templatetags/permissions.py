from django import template

from ..permissions import can as rules_allow

register = template.Library()


@register.simple_tag(takes_context=True)
def can(context, permission: str, obj=None) -> bool:
    """`{% can "workshops.change_workshop" workshop as can_change %}`: what the rules say for
    the person viewing the page (never the superuser's blanket yes)."""
    return rules_allow(context["request"].user, permission, obj)
