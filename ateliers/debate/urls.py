from django.urls import path

from .views import manage, public

app_name = "debate"

urlpatterns = [
    path("atelier/<slug:slug>/", public.workshop_debate, name="of_workshop"),
    path("atelier/<slug:slug>/nouveau-sujet/", manage.topic_open, name="open_topic"),
    path("atelier/<slug:slug>/moderation/", public.moderation_log, name="moderation_log"),
    path("atelier/<slug:slug>/a-moderer/", manage.moderation_queue, name="queue"),
    path("sujets/<int:pk>/", public.topic_detail, name="topic"),
    path("sujets/<int:pk>/pour-et-contre/", public.topic_columns, name="columns"),
    path("sujets/<int:pk>/contribuer/", public.topic_post, name="post"),
    path("sujets/<int:pk>/synthese/", manage.topic_synthesis, name="synthesis"),
    path("sujets/<int:pk>/cloturer/", manage.topic_close, name="close"),
    path("contributions/<int:pk>/", public.contribution_detail, name="contribution"),
    path("contributions/<int:pk>/repondre/", public.contribution_reply, name="reply"),
    path("contributions/<int:pk>/modifier/", public.contribution_edit, name="edit"),
    path("contributions/<int:pk>/supprimer/", public.contribution_delete, name="delete"),
    path("contributions/<int:pk>/signaler/", public.contribution_report, name="report"),
    path("contributions/<int:pk>/reexamen/", public.review_ask, name="review"),
    path("contributions/<int:pk>/moderer/", manage.contribution_moderate, name="moderate"),
]
