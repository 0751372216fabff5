"""Placeholder: replaced by the real views."""
from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("todo")


proposal_list = proposal_review = body_create = proposal_create = body_edit = _todo
mandate_list = mandate_edit = mandate_delete = _todo
