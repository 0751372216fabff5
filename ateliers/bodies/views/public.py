"""Placeholder: replaced by the real views."""
from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("todo")


body_list = body_detail = _todo
