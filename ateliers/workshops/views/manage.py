"""Placeholder: replaced by the real views."""
from django.http import HttpResponse


def _todo(request, **kwargs):
    return HttpResponse("todo")


manage_list = workshop_create = workshop_edit = workshop_publish = _todo
workshop_archive = workshop_participants = _todo
