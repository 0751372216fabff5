from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("", views.inbox, name="inbox"),
    path("tout-lu/", views.mark_all_read, name="mark_all_read"),
    path("reglages/", views.preferences, name="settings"),
    path("suivre/<str:kind>/<int:pk>/", views.follow_toggle, name="follow"),
    path("desabonnement/<str:token>/", views.unsubscribe, name="unsubscribe"),
]
