"""The footer's four pages on a phone without JavaScript: reached from the footer, nothing
wider than the screen (the privacy page's table scrolls in its box). Axe checks them in
tests/browser/test_accessibility.py (it needs JavaScript)."""

import pytest

from .test_keyboard import PHONE

pytestmark = pytest.mark.browser

FOOTER_PAGES = ["/mentions-legales/", "/donnees-personnelles/", "/accessibilite/"]
FOOTER_PAGES += ["/donnees-ouvertes/"]


def test_the_footer_pages_on_a_phone_without_javascript(make_page, transactional_db):
    page = make_page(viewport=PHONE, java_script_enabled=False)
    page.goto("/")
    footer = page.get_by_role("navigation", name="À propos de ce site")
    hrefs = [link.get_attribute("href") for link in footer.get_by_role("link").all()]
    assert hrefs == FOOTER_PAGES
    for number, path in enumerate(FOOTER_PAGES):
        page.goto("/")
        with page.expect_navigation():
            footer.get_by_role("link").nth(number).click()
        assert page.url.endswith(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= PHONE["width"], f"{path} is {width}px wide on a 375px screen"
