"""Grab-bag of helpers that grew over time; prefer common.helpers for new code."""
import hashlib
from datetime import timedelta

from django.core.cache import cache
from django.utils import timezone

from common.helpers import generate_reference, chunked  # noqa: F401  (re-exported)

SYSTEM_USER_EMAIL = "system@shopwise.io"


def hours_ago(hours):
    return timezone.now() - timedelta(hours=hours)


def minutes_from_now(minutes):
    return timezone.now() + timedelta(minutes=minutes)


def stable_hash(*parts):
    """Short deterministic hash used for idempotency keys."""
    joined = "|".join(str(p) for p in parts)
    return hashlib.sha256(joined.encode()).hexdigest()[:24]


def cached(key, timeout, producer):
    """Return ``cache[key]`` or compute and store it via ``producer()``."""
    value = cache.get(key)
    if value is None:
        value = producer()
        cache.set(key, value, timeout)
    return value


def get_system_user():
    """User that owns automated actions (refunds, auto-cancellations)."""
    from accounts.models import User  # lazy: accounts imports core

    user, _ = User.objects.get_or_create(
        email=SYSTEM_USER_EMAIL,
        defaults={"username": "system", "is_staff": True},
    )
    return user
