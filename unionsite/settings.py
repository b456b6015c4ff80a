"""Settings for the Thanh Hóa Labour Federation portal.

One module for every environment: everything that differs between a laptop and production
comes from environment variables (documented in README.md). Defaults are safe: DEBUG is off
unless asked for, and without DEBUG a real SECRET_KEY is required.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set it in the environment (DEBUG is off, so there is no "
            "development default)."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

# The admin lives at a configurable path so it is not where scanners look first.
ADMIN_URL = os.environ.get("ADMIN_URL", "admin/").strip("/") + "/"

INSTALLED_APPS = [
    # Old addresses answer 301 (news/services.py records slug changes; editors add the old
    # site's addresses in the admin, one by one or from a CSV file). First, so their admin
    # classes are registered before unionsite/admin.py and news/admin.py replace them.
    "django.contrib.sites",
    "django.contrib.redirects",
    "unionsite",
    "news",
    "congresses",
    "documents",
    "gallery",
    "questions",
    "topics",
    "accounts",
    "stats",
    "portal",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "axes",
    "csp",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "reversion",
    "django_ckeditor_5",
    "easy_thumbnails",
    "import_export",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "unionsite.security.SiteCSPMiddleware",
    "unionsite.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Visitor counter: sees the final status and content type of every inner response.
    "stats.middleware.VisitorCounterMiddleware",
    # Inside the counter, so cache hits are counted too (portal/pagecache.py).
    "portal.pagecache.ReaderPageCacheMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Turns a 404 for a recorded old address into its 301 (django.contrib.redirects).
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "unionsite.middleware.DatabaseUnavailableMiddleware",
    # Last, as django-axes asks: it turns a lockout into the Vietnamese 429 page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
SITE_ID = 1  # django.contrib.redirects keys its redirects by site; this portal is one site
WSGI_APPLICATION = "unionsite.wsgi.application"

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
                "unionsite.context_processors.site",
            ],
        },
    },
]

# --- Database --------------------------------------------------------------------------------
# SQLite under var/ is the embedded default for a fresh machine; production and CI set
# DATABASE_URL=postgres://... . Connections persist between requests and are health-checked
# so a restarted database server does not leave workers holding dead connections.
VAR_DIR = BASE_DIR / "var"
DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'db.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "600")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several processes (runserver, seed_demo) share one file: wait instead of failing.
    DATABASES["default"]["OPTIONS"] = {"timeout": 20}
    DATABASES["default"]["CONN_MAX_AGE"] = 0
else:
    DATABASES["default"].setdefault("OPTIONS", {})
    DATABASES["default"]["OPTIONS"].setdefault("connect_timeout", 3)
    # No statement may outlive its request: gunicorn kills a worker after GUNICORN_TIMEOUT
    # (30 s) but PostgreSQL would go on running its query. Seconds; 0 turns the limit off.
    _statement_timeout = int(os.environ.get("DATABASE_STATEMENT_TIMEOUT", "15"))
    if _statement_timeout:
        DATABASES["default"]["OPTIONS"]["options"] = (
            f"-c statement_timeout={_statement_timeout * 1000}"
        )

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache -----------------------------------------------------------------------------------
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "unionsite")
if REDIS_URL:
    CACHES = {
        "default": {
            # Django's RedisCache, but a Redis outage reads as cache misses, not 500s.
            "BACKEND": "unionsite.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": CACHE_KEY_PREFIX,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "unionsite",
            "KEY_PREFIX": CACHE_KEY_PREFIX,
        }
    }

# Anonymous readers' pages are kept whole for this many seconds (0 turns it off); any content
# save starts a new version at once. The visitor box is re-rendered on every hit.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "10"))

# --- Auth ------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "admin:login"
# django-axes first: it refuses to even check a password once a username+IP pair is locked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "unionsite.security.lockout_response"
AXES_CLIENT_IP_CALLABLE = "unionsite.security.client_ip"
AXES_USERNAME_CALLABLE = "unionsite.security.login_username"
# Personal data kept to the minimum (docs/security.md, "Personal data"): no record of
# successful logins, failed attempts only as long as the lockout needs them and at most
# LOGIN_RECORD_DAYS days (`manage.py prune_login_records`, daily systemd timer).
AXES_DISABLE_ACCESS_LOG = True
LOGIN_RECORD_DAYS = 30
# Proxies in front of Django that append to X-Forwarded-For (nginx in production). With 0
# the address is REMOTE_ADDR; trusting the header without a proxy would let anyone forge it.
TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0" if DEBUG else "1"))

# --- Language and time -----------------------------------------------------------------------
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt")]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# What Django's own "vi" catalogue lacks and the English of axes / import-export / ckeditor-5
# (docs/admin.md). The compiled .mo files are committed, so no build step is needed.
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_TZ = True
FORMAT_MODULE_PATH = ["unionsite.formats"]

# --- Static and media ------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
# Django itself serves /media/ from MEDIA_ROOT: in debug, and in `make serve`'s local trial.
# Production leaves it off (nginx serves /media/, or the files live on S3).
SERVE_MEDIA = env_bool("SERVE_MEDIA", DEBUG)

# Production serves hashed, compressed files through WhiteNoise after collectstatic; in
# DEBUG the plain storage serves straight from the source folders (no collectstatic needed).
STATIC_STORAGE = os.environ.get("STATIC_STORAGE") or (
    "django.contrib.staticfiles.storage.StaticFilesStorage"
    if DEBUG
    else "whitenoise.storage.CompressedManifestStaticFilesStorage"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": STATIC_STORAGE},
}
# Several app servers share uploads through S3-compatible object storage (MinIO, Ceph, a cloud
# bucket): MEDIA_STORAGE=s3 with the AWS_* variables in deploy/.env.example (docs/deploy.md).
# Off by default: one server keeps photos in MEDIA_ROOT. Keys come from AWS_ACCESS_KEY_ID /
# AWS_SECRET_ACCESS_KEY in the environment (boto3 reads them), never from this file.
MEDIA_STORAGE = os.environ.get("MEDIA_STORAGE", "filesystem").strip().lower()
if MEDIA_STORAGE == "s3":
    if not os.environ.get("AWS_STORAGE_BUCKET_NAME"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs AWS_STORAGE_BUCKET_NAME.")
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            "location": os.environ.get("AWS_LOCATION", "media"),
            "addressing_style": os.environ.get("AWS_S3_ADDRESSING_STYLE") or None,
            # Photos are public: plain, stable URLs that browsers and a CDN can cache.
            "querystring_auth": False,
            "file_overwrite": False,
            "object_parameters": {"CacheControl": "public, max-age=604800"},
        },
    }
elif MEDIA_STORAGE != "filesystem":
    raise ImproperlyConfigured("MEDIA_STORAGE must be 'filesystem' (default) or 's3'.")
WHITENOISE_MAX_AGE = 31536000 if not DEBUG else 0

FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o644

# --- Security --------------------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content-Security-Policy (django-csp 4). Reader pages: no inline script or style anywhere.
# JSON-LD (<script type="application/ld+json">) is data, not script, so it is not blocked.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}
# Admin and /ckeditor5/ only (unionsite.security.SiteCSPMiddleware): CKEditor 5 injects
# <style> elements and style attributes, and previews images as data:/blob: URLs.
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
    }
}
if MEDIA_STORAGE == "s3":
    # Photos come from the bucket's address (its CDN/custom domain, or the S3 endpoint).
    from urllib.parse import urlsplit

    _endpoint = urlsplit(os.environ.get("AWS_S3_ENDPOINT_URL") or "")
    if os.environ.get("AWS_S3_CUSTOM_DOMAIN"):
        _media_origin = f"https://{os.environ['AWS_S3_CUSTOM_DOMAIN']}"
    elif _endpoint.netloc:
        _media_origin = f"{_endpoint.scheme}://{_endpoint.netloc}"
    else:
        _media_origin = f"https://{os.environ['AWS_STORAGE_BUCKET_NAME']}.s3.amazonaws.com"
    for _policy in (CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY_ADMIN):
        _policy["DIRECTIVES"]["img-src"] = [*_policy["DIRECTIVES"]["img-src"], _media_origin]
        # Uploaded MP4 videos (gallery) play from the bucket too.
        _policy["DIRECTIVES"]["media-src"] = ["'self'", _media_origin]
PERMISSIONS_POLICY = [
    "accelerometer",
    "camera",
    "geolocation",
    "gyroscope",
    "magnetometer",
    "microphone",
    "payment",
    "usb",
]
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    # Behind nginx (deploy/): TLS ends at the proxy, which sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
    SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000"))
    SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
    SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)

# --- Rich text (CKEditor 5) ------------------------------------------------------------------
CKEDITOR_5_FILE_UPLOAD_PERMISSION = "staff"
CKEDITOR_5_CONFIGS = {
    "default": {
        "language": "vi",
        "toolbar": [
            "heading",
            "|",
            "bold",
            "italic",
            "link",
            "bulletedList",
            "numberedList",
            "blockQuote",
            "|",
            "imageUpload",
            "insertTable",
            "|",
            "undo",
            "redo",
        ],
        "image": {
            "toolbar": [
                "imageTextAlternative",
                "toggleImageCaption",
                "|",
                "imageStyle:alignLeft",
                "imageStyle:alignRight",
                "imageStyle:block",
            ],
        },
        "table": {"contentToolbar": ["tableColumn", "tableRow", "mergeTableCells"]},
        "heading": {
            "options": [
                {"model": "paragraph", "title": "Đoạn văn", "class": "ck-heading_paragraph"},
                {
                    "model": "heading2",
                    "view": "h2",
                    "title": "Tiêu đề 2",
                    "class": "ck-heading_heading2",
                },
                {
                    "model": "heading3",
                    "view": "h3",
                    "title": "Tiêu đề 3",
                    "class": "ck-heading_heading3",
                },
            ]
        },
    }
}

# --- Thumbnails (easy-thumbnails) ------------------------------------------------------------
THUMBNAIL_ALIASES = {
    "": {
        "card": {"size": (480, 300), "crop": "smart", "quality": 82},
        "article": {"size": (960, 0), "crop": False, "quality": 85},
        "small": {"size": (160, 100), "crop": "smart", "quality": 80},
        # Album grids (srcset 1x/2x) and the photo page (gallery/templatetags/gallery_tags.py).
        "gallery_grid": {"size": (400, 300), "crop": "smart", "quality": 80},
        "gallery_grid2x": {"size": (800, 600), "crop": "smart", "quality": 78},
        "gallery_view": {"size": (960, 0), "crop": False, "quality": 85},
        "gallery_wide": {"size": (1600, 0), "crop": False, "quality": 82},
    }
}
THUMBNAIL_SUBDIR = "thumbs"
THUMBNAIL_PRESERVE_EXTENSIONS = ("png", "webp", "gif")
# easy-thumbnails' own processors, then one that leaves pixels and colour profile only
# (comments, XMP, EXIF of the source never reach a thumbnail).
THUMBNAIL_PROCESSORS = (
    "easy_thumbnails.processors.colorspace",
    "easy_thumbnails.processors.autocrop",
    "easy_thumbnails.processors.scale_and_crop",
    "easy_thumbnails.processors.filters",
    "easy_thumbnails.processors.background",
    "unionsite.images.strip_metadata",
)

# --- Congress spreadsheet imports ------------------------------------------------------------
# Congress spreadsheets between the preview and the officer's confirmation
# (congresses/pending.py removes them after an hour); never under MEDIA_ROOT.
CONGRESS_IMPORT_DIR = Path(os.environ.get("CONGRESS_IMPORT_DIR", VAR_DIR / "imports"))

# --- Site-wide -------------------------------------------------------------------------------
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# --- E-mail (set-password links for new staff accounts, accounts/services.py) ----------------
# In development the message is printed on the console; production sends through SMTP.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND") or (
    "django.core.mail.backends.console.EmailBackend"
    if DEBUG
    else "django.core.mail.backends.smtp.EmailBackend"
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")

# Hỏi đáp pháp luật and Góp ý (questions/, docs/questions.md). An asker's e-mail and phone
# are erased this many days after the answer (`manage.py erase_question_contacts`, daily
# systemd timer); a client may send at most QUESTIONS_RATE_LIMIT forms per
# QUESTIONS_RATE_WINDOW seconds, and a form filled faster than QUESTIONS_MIN_FILL_SECONDS
# is a robot's.
QUESTIONS_CONTACT_DAYS = int(os.environ.get("QUESTIONS_CONTACT_DAYS", "90"))
QUESTIONS_RATE_LIMIT = int(os.environ.get("QUESTIONS_RATE_LIMIT", "5"))
QUESTIONS_RATE_WINDOW = int(os.environ.get("QUESTIONS_RATE_WINDOW", "3600"))
QUESTIONS_MIN_FILL_SECONDS = int(os.environ.get("QUESTIONS_MIN_FILL_SECONDS", "4"))

# Visitor counter (stats/). STATS_COUNTER=0 leaves its middleware out; only the benchmark
# (bench/stats_bench.sh) uses that, to measure what the counter costs.
STATS_COUNTER = env_bool("STATS_COUNTER", True)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
    },
}
