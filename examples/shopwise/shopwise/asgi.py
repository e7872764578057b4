"""ASGI entry point, kept for the websocket order tracker experiment."""
import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopwise.settings.production")

application = get_asgi_application()
