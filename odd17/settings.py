"""Settings of the portal, in one module, driven by environment variables.

Local defaults are safe for development: SQLite in the project, DEBUG on, console e-mail.
In production set DEBUG=0, SECRET_KEY, ALLOWED_HOSTS, CSRF_TRUSTED_ORIGINS and DATABASE_URL.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from odd17.environment import env_bool, env_list, log_format
from odd17.jsonlog import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DEBUG", default=True)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY doit être défini quand DEBUG est désactivé.")
    SECRET_KEY = "insecure-local-development-key-do-not-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_filters",
    "taggit",
    "csp",
    "axes",
    "simple_history",
    "odd17.core",
    "comprendre",
    "agir",
    "perenniser",
    "catalyseurs",
]

MIDDLEWARE = [
    "odd17.stackroom.StackRoomMiddleware",  # first: the whole request in one chunk of frames (see there)
    "django_permissions_policy.PermissionsPolicyMiddleware",  # first: every response says it
    "odd17.health.HealthCheckMiddleware",  # first: load balancer probes skip host checks and redirects
    "django.middleware.security.SecurityMiddleware",
    "odd17.csp.PortalCSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files: compressed and far-future cached by itself
    "odd17.pagecache.AnonymousPageCacheMiddleware",  # before the sessions: a stored page costs no query;
    # it says how long browsers and a CDN may keep a page, and answers their conditional requests
    "django.middleware.gzip.GZipMiddleware",  # pages: 100 KB of HTML travel as 15 KB (stored compressed)
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "odd17.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "odd17.core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "odd17.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while locked out (see AXES_ below)
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# One language, so no LocaleMiddleware: pages do not say `Vary: Accept-Language`, which would make
# a CDN keep one copy of each page per list of languages a browser sends.
LANGUAGE_CODE = "fr-fr"
LANGUAGES = [("fr", "Français")]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}
# WhiteNoise serves the hashed names of the manifest (css/site.3f2a….css, what {% static %} writes)
# with `max-age` of ten years and `immutable`: their name changes with their content. The
# unhashed names (css/site.css, still served for whoever links to them) may change at the next
# deployment: a minute in production, none while developing (WhiteNoise's own defaults, said here).
WHITENOISE_MAX_AGE = 0 if DEBUG else 60

# Cache: Redis when REDIS_URL is set (shared by every application server: invalidation is then
# immediate everywhere), else a per-process memory cache. CACHE=none disables it (benchmarks).
if os.environ.get("CACHE") == "none":
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
elif os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }
# Benchmarks only: PAGE_CACHE=0 computes every page while keeping the other caches.
if not env_bool("PAGE_CACHE", default=True):
    MIDDLEWARE.remove("odd17.pagecache.AnonymousPageCacheMiddleware")

# HTTP caching of the pages of anonymous visitors (odd17/pagecache.py, docs/caching.md): browsers
# keep them PAGE_MAX_AGE seconds, a CDN or shared proxy PAGE_SHARED_MAX_AGE seconds (s-maxage).
PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "60"))
PAGE_SHARED_MAX_AGE = int(os.environ.get("PAGE_SHARED_MAX_AGE", "300"))

# Sessions live in the database (shared by every application server); with Redis they are also
# cached there, so most requests read them without a query.
if os.environ.get("REDIS_URL"):
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# Benchmarks only (bench/run.py): report the SQL queries of each response in a header.
if env_bool("BENCH_QUERY_COUNT"):
    MIDDLEWARE.insert(0, "bench.querycount.QueryCountMiddleware")

ADMIN_PATH = os.environ.get("ADMIN_PATH", "admin/").strip("/") + "/"

TAGGIT_CASE_INSENSITIVE = True

EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend",
)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "L'ODD 17 en pratique <ne-pas-repondre@localhost>")
# SMTP (the production backend): the server and account from the environment.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=True)
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))

# The map of catalyseurs: the one third-party request of the portal, made only by its map page.
MAP_TILE_URL = os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = os.environ.get("MAP_TILE_ATTRIBUTION", "© les contributeurs d'OpenStreetMap")
MAP_TILE_ATTRIBUTION_URL = os.environ.get(
    "MAP_TILE_ATTRIBUTION_URL", "https://www.openstreetmap.org/copyright"
)
# Where visitors report an accessibility problem (shown on /accessibilite/).
ACCESSIBILITY_EMAIL = os.environ.get("ACCESSIBILITY_EMAIL", "")

# Production hardening: only when DEBUG is off, so local http keeps working.
if not DEBUG:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content Security Policy (django-csp): only this site's scripts, styles, fonts and frames; no
# inline script or style attribute, the admin included. odd17/csp.py adds the map tile host
# (MAP_TILE_URL) to img-src.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "font-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

# Permissions-Policy (django-permissions-policy): the browser features the portal never uses are
# refused to every page and to anything it might embed (the map needs none: it asks no position).
# Only features Chromium knows: it reports any other as an error (tests/browser/test_csp.py).
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

# Login throttling (django-axes) on the admin login: AXES_FAILURE_LIMIT failures for one user name
# from one address lock that pair out for AXES_COOLOFF_MINUTES. Attempts are kept in the database,
# shared by every application server (a per-process memory cache would count per worker); with
# Redis they are kept in the shared cache instead, without a write to the database.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "lockout.html"  # a French page, with axes' default status 429
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler"
    if os.environ.get("REDIS_URL")
    else "axes.handlers.database.AxesDatabaseHandler"
)

# Logs go to standard output: plain text while developing, one JSON object per line in
# production (LOG_FORMAT=json or plain overrides), for the log collector to parse.
LOGGING = logging_config(log_format(), os.environ.get("LOG_LEVEL", "INFO"))
