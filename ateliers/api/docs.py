"""The API's documentation page, drawn on the server from its own OpenAPI schema: every
endpoint with its parameters, and every kind of object with its fields. A page of the site
like the others: it needs no script, so it keeps the site's strict CSP without a case of its
own, and works without JavaScript (Swagger UI, which django-ninja bundles, is a script app)."""

from dataclasses import dataclass

from django.conf import settings
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe

from ateliers.core.page_cache import TIMELESS_PAGE_TTL, public_page

from .endpoints import api
from .lists import LISTINGS


@dataclass(frozen=True)
class Parameter:
    name: str
    where: str
    type: str
    required: bool
    description: str


@dataclass(frozen=True)
class Endpoint:
    path: str
    summary: str
    description: str
    parameters: list[Parameter]
    answer: str  # the name of the object (or page of objects) it answers with
    csv: str | None  # the address of the same list as CSV


@dataclass(frozen=True)
class Property:
    name: str
    type: str
    description: str


@dataclass(frozen=True)
class Shape:
    name: str
    properties: list[Property]


def _name(reference: str) -> str:
    return reference.rsplit("/", 1)[-1]


def type_of(spec: dict) -> str:
    """A short reading of a JSON schema's type: "string", "list of Phase", "integer or null"."""
    if "$ref" in spec:
        return _name(spec["$ref"])
    if "anyOf" in spec:
        return " or ".join(type_of(each) for each in spec["anyOf"])
    if "enum" in spec:
        return " | ".join(f'"{value}"' for value in spec["enum"])
    if spec.get("type") == "array":
        return f"list of {type_of(spec.get('items', {}))}"
    kind = spec.get("type", "object")
    return f"{kind} ({spec['format']})" if "format" in spec else kind


def _endpoints(schema: dict) -> list[Endpoint]:
    endpoints = []
    for path, operations in schema["paths"].items():
        operation = operations["get"]
        answer = operation["responses"][200]["content"]["application/json"]["schema"]
        name = path.removeprefix(reverse("api:api-root")).strip("/")
        endpoints.append(
            Endpoint(
                path=path,
                summary=operation.get("summary", ""),
                description=operation.get("description", ""),
                parameters=[
                    Parameter(
                        each["name"],
                        each["in"],
                        type_of(each.get("schema", {})),
                        each.get("required", False),
                        each.get("description") or each.get("schema", {}).get("description", ""),
                    )
                    for each in operation.get("parameters", [])
                ],
                answer=type_of(answer),
                csv=reverse("api:csv", args=[name]) if name in LISTINGS else None,
            )
        )
    return endpoints


def _shapes(schema: dict) -> list[Shape]:
    return [
        Shape(
            name,
            [
                Property(field, type_of(spec), spec.get("description", ""))
                for field, spec in shape.get("properties", {}).items()
            ],
        )
        for name, shape in schema["components"]["schemas"].items()
    ]


@public_page(ttl=TIMELESS_PAGE_TTL)
@require_safe
def docs(request):
    schema = api.get_openapi_schema()
    return render(
        request,
        "api/docs.html",
        {
            "endpoints": _endpoints(schema),
            "shapes": _shapes(schema),
            "schema_url": reverse("api:openapi-json"),
            "rate_limit": settings.API_RATE_LIMIT,
            "nav": "",
        },
    )
