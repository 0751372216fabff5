from django import template

from ..sections import render_sections

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, page: str, **page_context):
    """`{% page_sections "council_detail" council=council %}`: what other apps add here."""
    return render_sections(page, context["request"], **page_context)
