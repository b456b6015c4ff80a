"""WSGI entry point: gunicorn serves ``unionsite.wsgi:application``."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "unionsite.settings")

application = get_wsgi_application()
