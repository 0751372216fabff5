from django.urls import path

from .views import staff

app_name = "activity"

urlpatterns = [
    path("", staff.audit_trail, name="audit_trail"),
]
