"""What the recommendations' pages share: loading a recommendation for its page, and the
context every page about one recommendation has."""

from django.http import Http404
from django.shortcuts import render

from .. import selectors
from ..models import Recommendation


def recommendation_by_pk(pk: int) -> Recommendation:
    try:
        return selectors.recommendation_for_page(pk=pk)
    except Recommendation.DoesNotExist:
        raise Http404 from None


def about(request, template: str, recommendation: Recommendation, **context):
    return render(
        request,
        template,
        {
            "recommendation": recommendation,
            "workshop": recommendation.workshop,
            "nav": "workshops",
            **context,
        },
    )
