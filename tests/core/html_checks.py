"""What every page must respect under our strict CSP and for accessibility, read from its HTML."""

from html.parser import HTMLParser

FORM_CONTROLS = {"input", "select", "textarea"}
UNLABELLED_INPUT_TYPES = {"hidden", "submit", "button", "reset"}


class PageAudit(HTMLParser):
    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.h1_count = 0
        self.inline_styles: list[str] = []
        self.inline_scripts = 0
        self.inline_handlers: list[str] = []
        self.style_elements = 0
        self.control_ids: list[str] = []
        self.unidentified_controls: list[str] = []
        self.label_targets: set[str] = set()
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "h1":
            self.h1_count += 1
        if "style" in attributes:
            self.inline_styles.append(tag)
        self.inline_handlers += [name for name in attributes if name.startswith("on")]
        if tag == "script" and not attributes.get("src"):
            self.inline_scripts += 1
        if tag == "style":
            self.style_elements += 1
        if tag == "label" and attributes.get("for"):
            self.label_targets.add(attributes["for"])
        if tag in FORM_CONTROLS and attributes.get("type") not in UNLABELLED_INPUT_TYPES:
            if attributes.get("id"):
                self.control_ids.append(attributes["id"])
            else:
                self.unidentified_controls.append(attributes.get("name", tag))

    @property
    def unlabelled_controls(self) -> list[str]:
        missing = [i for i in self.control_ids if i not in self.label_targets]
        return missing + self.unidentified_controls


def assert_page_is_clean(html: str) -> None:
    """One h1, nothing inline that the CSP would block, a label for every form control."""
    audit = PageAudit(html)
    assert audit.h1_count == 1, f"{audit.h1_count} <h1> on the page"
    assert audit.inline_styles == [], f"style= on {audit.inline_styles}"
    assert audit.style_elements == 0, "a <style> element"
    assert audit.inline_scripts == 0, "a <script> without src"
    assert audit.inline_handlers == [], f"inline event handlers {audit.inline_handlers}"
    assert audit.unlabelled_controls == [], f"controls without a label: {audit.unlabelled_controls}"
