"""Settings for Ateliers, read from the environment (see README.md, "Configuration").

Defaults suit the demo on a laptop: SQLite under var/, console emails, no HTTPS.
DJANGO_ENV=production switches on everything `manage.py check --deploy` asks for and
refuses to start without a real secret key.
"""

import os
import warnings
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from ateliers.env import env_bool, env_int, env_list, env_str
from ateliers.timeouts import read_database_timeouts

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("ATELIERS_VAR_DIR", str(BASE_DIR / "var")))

PRODUCTION = env_str("DJANGO_ENV", "development") == "production"
DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if PRODUCTION:
        raise ImproperlyConfigured("SECRET_KEY (or SECRET_KEY_FILE) must be set in production.")
    SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
SITE_NAME = env_str("ATELIERS_CITY_NAME", "Villebelle")
# Who publishes the site and whom to write to: the legal notice, the privacy page and the
# accessibility statement name them (ateliers/site/legal_views.py).
PUBLISHER = env_str("ATELIERS_PUBLISHER", f"Ville de {SITE_NAME}")
PUBLISHER_ADDRESS = env_str("ATELIERS_PUBLISHER_ADDRESS", f"Hôtel de ville, {SITE_NAME}")
PUBLICATION_DIRECTOR = env_str("ATELIERS_PUBLICATION_DIRECTOR", f"Maire de {SITE_NAME}")
CONTACT_EMAIL = env_str("ATELIERS_CONTACT_EMAIL", "participation@villebelle.example")
DPO_EMAIL = env_str("ATELIERS_DPO_EMAIL", "dpo@villebelle.example")
HOSTING_PROVIDER = env_str("ATELIERS_HOSTING_PROVIDER", f"Ville de {SITE_NAME}")

INSTALLED_APPS = [
    "ateliers.core",
    "ateliers.activity",
    "ateliers.councils.former_bodies",
    "ateliers.councils",
    "ateliers.workshops",
    "ateliers.proposals",
    "ateliers.documents",
    "ateliers.trainings",
    "ateliers.meetings",
    "ateliers.debate",
    "ateliers.recommendations",
    "ateliers.opinions",
    "ateliers.townhall",
    "ateliers.evaluations",
    "ateliers.notifications",
    "ateliers.api",
    "ateliers.search",
    "ateliers.site",
    "ateliers.demo",
    "ateliers.core.admin_config.AteliersAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "rules.apps.AutodiscoverRulesConfig",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_htmx",
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "ateliers.core.middleware.LanguageCookieMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After the messages and the accounts: it tells the team why it is sent to set up MFA.
    "ateliers.core.second_factor.SecondFactorRequired",
    "django_htmx.middleware.HtmxMiddleware",
    # Inside the CSRF, session and language middleware: it sees which language a page is in
    # and whether it used a token (ateliers/core/page_cache.py).
    "ateliers.core.page_cache.AnonymousPageCache",
    "ateliers.core.middleware.MethodNotAllowedPage",
    # Last, so that its process_exception sees a view's database error first.
    "ateliers.core.middleware.DatabaseUnavailablePage",
]

ROOT_URLCONF = "ateliers.urls"
WSGI_APPLICATION = "ateliers.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "ateliers" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "ateliers.core.context_processors.site",
            ],
        },
    }
]

# Database: SQLite file by default; PostgreSQL (or any) when DATABASE_URL is set.
DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    # Connections are kept for a minute and checked before a request uses them again: after
    # the database restarted, a worker reconnects instead of failing once on a dead connection.
    DATABASES = {
        "default": dj_database_url.parse(DATABASE_URL, conn_max_age=60, conn_health_checks=True)
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # The database gives up on a lock or a statement before gunicorn kills the worker
        # (ateliers/timeouts.py); the request then gets the 503 page.
        # No JIT: it pays off on long analytical queries, not on a page's; it compiled the
        # follow-up's figures for 0.9 s of their 1.3 s at city scale (docs/performance.md).
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options["options"] = " ".join(
            filter(
                None,
                [
                    options.get("options", ""),
                    read_database_timeouts().postgres_options(),
                    "-c jit=off",
                ],
            )
        )
else:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "ateliers.sqlite3",
            "OPTIONS": {
                # IMMEDIATE takes the write lock at BEGIN, so two writers queue
                # instead of failing with "database is locked" halfway through.
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            },
            # A file, not memory: tests with threads need connections that see each other's
            # commits. One file per process, so test runs side by side never collide.
            "TEST": {
                "NAME": env_str("SQLITE_TEST_NAME") or VAR_DIR / f"test-{os.getpid()}.sqlite3"
            },
        }
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Sessions are read from the cache (Redis when REDIS_URL is set, shared by every web
# process) and written through to the database: no session query on most requests.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

AUTH_USER_MODEL = "core.User"
# Every permission is a rule; the second backend logs people in and answers no permission
# from the database (ateliers/core/auth.py).
AUTHENTICATION_BACKENDS = [
    "rules.permissions.ObjectPermissionBackend",
    "ateliers.core.auth.EmailLoginBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

# Accounts (django-allauth): e-mail login, mandatory verification, rate limits.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "confirm_email": "1/3m/key",
    "change_password": "5/m/user",
}
# Behind a reverse proxy every request comes from the proxy's address: tell allauth how many
# proxies of ours append to X-Forwarded-For, so rate limits count each visitor's own address.
ALLAUTH_TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
# A plain form whose fields are added to allauth's sign-up form (display name, neighbourhood).
ACCOUNT_SIGNUP_FORM_CLASS = "ateliers.core.forms.SignupForm"
# A reset asked for an unknown address sends nothing (the page answers the same either way).
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = False
# A second factor (allauth's MFA): an authenticator app's codes and recovery codes. The city's
# team must set one up before anything else when ATELIERS_STAFF_SECOND_FACTOR is on, the
# default in production (ateliers/core/second_factor.py).
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
MFA_ADAPTER = "ateliers.core.second_factor.MFAAdapter"
ATELIERS_STAFF_SECOND_FACTOR = env_bool("ATELIERS_STAFF_SECOND_FACTOR", PRODUCTION)

# Background tasks (django-tasks): e-mails and reminders, run by `manage.py db_worker` from
# the database's queue. "immediate" runs each task at once in the web process (tests, or a
# site without a worker).
TASKS_BACKEND = env_str("ATELIERS_TASKS", "database")
if TASKS_BACKEND == "database":
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
elif TASKS_BACKEND == "immediate":
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
else:
    raise ImproperlyConfigured("ATELIERS_TASKS must be 'database' or 'immediate'.")

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Ateliers <ne-pas-repondre@ateliers.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Language and time: French first.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "ateliers" / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = PRODUCTION
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_AGE = 365 * 24 * 3600

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# The demo serves straight from the apps' static folders; production runs collectstatic.
WHITENOISE_USE_FINDERS = not PRODUCTION
if not PRODUCTION:
    # Without collectstatic there is no STATIC_ROOT yet, which is expected here.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
# Uploaded documents: a folder under var/ by default, or an S3-compatible store
# (ATELIERS_STORAGE=s3; docs/deploy.md). Files are always served through the application,
# which checks who may read them, never straight from the folder or the bucket.
MEDIA_ROOT = Path(env_str("ATELIERS_MEDIA_DIR", str(VAR_DIR / "uploads")))
STORAGE_KIND = env_str("ATELIERS_STORAGE", "filesystem")
if STORAGE_KIND == "s3":
    DEFAULT_STORAGE = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("S3_BUCKET"),
            "endpoint_url": env_str("S3_ENDPOINT_URL") or None,
            "region_name": env_str("S3_REGION") or None,
            "access_key": env_str("S3_ACCESS_KEY_ID"),
            "secret_key": env_str("S3_SECRET_ACCESS_KEY"),
            "default_acl": "private",
            "file_overwrite": False,
        },
    }
elif STORAGE_KIND == "filesystem":
    DEFAULT_STORAGE = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": MEDIA_ROOT},
    }
else:
    raise ImproperlyConfigured("ATELIERS_STORAGE must be 'filesystem' or 's3'.")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Security headers. The Content-Security-Policy allows nothing inline and nothing foreign.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        # While the database is unavailable every request fails the same way: one line each,
        # not a traceback each (ateliers/core/database_unavailable.py).
        "one_line_when_database_unavailable": {
            "()": "ateliers.core.database_unavailable.OneLineWhenDatabaseUnavailable"
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {
            "handlers": ["console"],
            "level": "ERROR",
            "propagate": False,
            "filters": ["one_line_when_database_unavailable"],
        },
        # WeasyPrint logs every step and page of a dossier's PDF at INFO: its warnings only.
        "weasyprint.progress": {"level": "WARNING"},
    },
}

ATELIERS_PAGE_SIZE = 12
# The largest document a team may upload, in bytes (20 MB). The web server in front must
# accept at least this much (docs/deploy.md).
ATELIERS_DOCUMENT_MAX_BYTES = env_int("ATELIERS_DOCUMENT_MAX_BYTES", 20 * 1024 * 1024, minimum=1)
# The debate (ateliers/debate): how long an author may change a contribution, and how many
# reports hide one until a moderator decides.
DEBATE_EDIT_MINUTES = env_int("ATELIERS_DEBATE_EDIT_MINUTES", 15, minimum=0)
DEBATE_REPORTS_TO_HIDE = env_int("ATELIERS_DEBATE_REPORTS_TO_HIDE", 3, minimum=1)
# Keep public pages whole in the cache for anonymous visitors (ateliers/core/page_cache.py).
ATELIERS_PAGE_CACHE = env_bool("ATELIERS_PAGE_CACHE", True)
# Multiplies the per-person limits on our forms (core/ratelimit.py). Only load tests and the
# outage drill raise it; the limits themselves are written next to each view.
FORM_RATE_LIMIT_FACTOR = env_int("FORM_RATE_LIMIT_FACTOR", 1, minimum=1)
# Requests a minute each client (account or address) may make to the open-data API, its CSV
# exports and feeds (ateliers/api/ratelimit.py); load tests raise it.
API_RATE_LIMIT = env_int("ATELIERS_API_RATE_LIMIT", 120, minimum=1)
# The opinion map of a conversation is computed again after votes at most this often
# (seconds); its page always shows the last computation (ateliers/opinions/services.py).
OPINION_MAP_RECOMPUTE_SECONDS = env_int("ATELIERS_OPINION_MAP_RECOMPUTE_SECONDS", 30, minimum=0)
