"""Production settings: hardened transport security plus the analytics app."""
from .base import *  # noqa: F401,F403

DEBUG = False

# Analytics only runs in production, where the warehouse replica exists.
INSTALLED_APPS += ["reporting"]  # noqa: F405

SECURE_SSL_REDIRECT = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 30
