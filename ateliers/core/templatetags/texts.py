from django import template

from ..markdown import SHORT_TAGS, render_markdown

register = template.Library()


@register.filter(name="markdown")
def markdown_filter(text: str):
    """`{{ meeting.minutes|markdown }}`: the small, sanitised Markdown of core/markdown.py."""
    return render_markdown(text or "")


@register.filter(name="short_markdown")
def short_markdown_filter(text: str):
    """`{{ contribution.text|short_markdown }}`: emphasis, lists and links only."""
    return render_markdown(text or "", tags=SHORT_TAGS)
