"""Every address of the open data, found from the OpenAPI schema itself (so that an endpoint
added later is walked too), each list followed to its last page."""

import json
import re
from urllib.parse import urlsplit

from django.urls import reverse

from ateliers.api.lists import LISTINGS

PAGE = 7
PARAMETER = re.compile(r"\{(\w+)\}")


def _body(response) -> str:
    """The text as a reader sees it: JSON's escaped accents unescaped, so that a name with
    an accent is found as it is written."""
    if response.get("Content-Type", "").startswith("application/json"):
        return json.dumps(response.json(), ensure_ascii=False)
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


def _local(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def every_page(client, path: str) -> list[tuple[str, int, str, list]]:
    """(address, status, body, items) for each page of the list at `path`."""
    pages = []
    address: str | None = path
    while address:
        response = client.get(address)
        data = response.json() if response.status_code == 200 else {}
        pages.append((address, response.status_code, _body(response), data.get("items", [])))
        address = _local(data["next"]) if data.get("next") else None
    return pages


def json_paths(client) -> list[str]:
    schema = client.get(reverse("api:openapi-json")).json()
    return list(schema["paths"])


def walk(client) -> list[tuple[str, int, str]]:
    """(address, status, body) of every page of every endpoint, CSV export and feed."""
    seen: list[tuple[str, int, str]] = []
    items_of: dict[str, list] = {}
    templates = []
    for path in json_paths(client):
        if PARAMETER.search(path):
            templates.append(path)
            continue
        # Small pages, so that following `next` is walked too.
        pages = every_page(client, f"{path}?limit={PAGE}")
        seen += [(address, status, body) for address, status, body, _ in pages]
        items_of[path] = [item for *_, items in pages for item in items]
    # /workshops/{slug}: each item of /workshops/ gives its `slug`.
    for template in templates:
        prefix = template[: template.index("{")]
        name = PARAMETER.search(template).group(1)
        for item in items_of[prefix]:
            path = PARAMETER.sub(str(item[name]), template, count=1)
            if "{" in path:
                raise AssertionError(f"No way to fill {template}")
            response = client.get(path)
            if response.status_code == 200 and "items" in response.json():  # a list: page it
                pages = every_page(client, f"{path}?limit={PAGE}")
                seen += [(address, status, body) for address, status, body, _ in pages]
            else:
                seen.append((path, response.status_code, _body(response)))
    for name in LISTINGS:
        address = reverse("api:csv", args=[name])
        response = client.get(address)
        seen.append((address, response.status_code, _body(response)))
    for feed in ("api:workshops_feed", "api:answers_feed"):
        response = client.get(reverse(feed))
        seen.append((reverse(feed), response.status_code, _body(response)))
    return seen
