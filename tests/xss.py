"""A corpus of script-injection attempts, and the check that a page holds them inert: what
people write may be shown, escaped or as the small Markdown, but never runs."""

from html.parser import HTMLParser

# Each one tries another way in: a tag, an attribute breaking out of its quotes, a link's
# scheme, Markdown's link and image syntax, an entity trick, a template's delimiters.
PAYLOADS = [
    '<script>alert("xss")</script>',
    "<img src=x onerror=alert('xss')>",
    '"><svg onload=alert("xss")>',
    "' onmouseover='alert(1)",
    "[lien](javascript:alert('xss'))",
    "![image](javascript:alert('xss'))",
    "[lien](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">clic</a>',
    "<iframe src=//evil.example></iframe>",
    "&lt;script&gt;alert('xss')&lt;/script&gt;",
    "{{ request.user.password }} {% debug %}",
    "<style>body{display:none}</style>",
    "<<script>script>alert(1)<</script>/script>",
]
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
NEVER_FROM_TEXT = {"iframe", "object", "embed", "style", "svg", "math", "form", "base", "meta"}


class _Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))


def live_problems(html: str) -> list[str]:
    """What in the page could run or restyle it beyond the site's own markup."""
    parser = _Tags()
    parser.feed(html)
    problems = []
    for tag, attrs in parser.tags:
        for name, value in attrs.items():
            if name.startswith("on"):
                problems.append(f"<{tag} {name}=…>")
            if name in {"href", "src", "action", "formaction"} and value.strip().lower().startswith(
                DANGEROUS_SCHEMES
            ):
                problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script" and not attrs.get("src", "").startswith("/static/"):
            problems.append("<script> without the site's own src")
        if tag in NEVER_FROM_TEXT - {"form", "meta"}:  # the site's own pages have forms
            problems.append(f"<{tag}>")
        if tag == "img" and attrs.get("src") == "x":
            problems.append("<img src=x>")
    return problems
