"""`{% follow_button subject %}`: the form that follows or unfollows a workshop, a council, a
neighbourhood or a theme (a plain POST: it works without JavaScript)."""

from django import template

from ..follows import follows, kind_of

register = template.Library()


@register.inclusion_tag("notifications/_follow_button.html", takes_context=True)
def follow_button(context, subject):
    request = context["request"]
    user = request.user
    return {
        "subject": subject,
        "kind": kind_of(subject),
        "following": user.is_authenticated and follows(user, subject),
        "logged_in": user.is_authenticated,
        "next": request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
