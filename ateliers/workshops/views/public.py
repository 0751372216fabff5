"""Placeholder: replaced by the real views."""
from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("todo")


workshop_list = my_workshops = workshop_detail = workshop_join = workshop_leave = _todo
