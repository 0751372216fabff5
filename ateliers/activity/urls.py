from django.urls import path

from .views import staff

app_name = "activity"

urlpatterns = [
    path("", staff.audit_trail, name="audit_trail"),
    path("<int:pk>/objet/", staff.action_target, name="target"),
]
