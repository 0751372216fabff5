from django.http import HttpResponse
from django.test import RequestFactory

from ateliers.core.ratelimit import limit_posts


@limit_posts("test-scope", limit=3, period=60)
def submit(request):
    return HttpResponse("ok")


def _post(user=None, ip="10.0.0.1"):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().post("/", REMOTE_ADDR=ip)
    request.user = user or AnonymousUser()
    return submit(request)


def test_posts_beyond_the_limit_are_refused_with_429():
    statuses = [_post().status_code for _ in range(5)]
    assert statuses == [200, 200, 200, 429, 429]


def test_the_limit_is_per_client():
    for _ in range(3):
        assert _post(ip="10.0.0.2").status_code == 200
    assert _post(ip="10.0.0.2").status_code == 429
    assert _post(ip="10.0.0.3").status_code == 200


def test_get_requests_are_not_counted():
    from django.contrib.auth.models import AnonymousUser

    for _ in range(10):
        request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.4")
        request.user = AnonymousUser()
        assert submit(request).status_code == 200


def test_behind_a_trusted_proxy_each_visitor_has_their_own_limit(settings):
    from django.contrib.auth.models import AnonymousUser

    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1

    def post_from(visitor):
        request = RequestFactory().post("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR=visitor)
        request.user = AnonymousUser()
        return submit(request).status_code

    assert [post_from("203.0.113.7") for _ in range(4)] == [200, 200, 200, 429]
    assert post_from("203.0.113.8") == 200


def test_load_tests_can_multiply_the_limits(settings):
    # FORM_RATE_LIMIT_FACTOR, raised by the outage drill (bench/db_restart.py); 1 by default.
    settings.FORM_RATE_LIMIT_FACTOR = 2
    statuses = [_post(ip="10.0.0.5").status_code for _ in range(7)]
    assert statuses == [200] * 6 + [429]
