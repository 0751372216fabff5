"""A small Markdown for what people write at length (agendas, minutes, descriptions): emphasis,
lists, headings, quotes, links; then every tag and attribute outside that list is removed
(nh3), so nothing a person writes can run as script. Raw HTML typed in the text is escaped
first, never passed through."""

import html

import markdown as markdown_library
import nh3
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "h3",
    "h4",
    "a",
    "code",
}
ALLOWED_ATTRIBUTES = {"a": {"href"}}
# What a debate's contribution may hold: emphasis, lists and links, no headings or quotes.
SHORT_TAGS = {"p", "br", "strong", "em", "ul", "ol", "li", "a"}


def render_markdown(text: str, *, tags: set[str] = ALLOWED_TAGS) -> SafeString:
    """The text as safe HTML; headings start at level 3 (a page has its own h1 and h2).
    `tags`: the tags kept (SHORT_TAGS for a contribution)."""
    if not text:
        return mark_safe("")  # noqa: S308 - empty
    # What looks like HTML is shown as typed, not interpreted.
    source = html.escape(text, quote=False)
    rendered = markdown_library.markdown(source, extensions=["sane_lists"])
    rendered = rendered.replace("<h1>", "<h3>").replace("</h1>", "</h3>")
    rendered = rendered.replace("<h2>", "<h3>").replace("</h2>", "</h3>")
    cleaned = nh3.clean(
        rendered,
        tags=tags,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="nofollow ugc noopener noreferrer",
    )
    return mark_safe(cleaned)  # noqa: S308 - sanitised by nh3 just above
