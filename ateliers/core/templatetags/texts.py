from django import template

from ..markdown import render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """`{{ meeting.minutes|markdown }}`: the small, sanitised Markdown of core/markdown.py."""
    return render_markdown(text or "")
