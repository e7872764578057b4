"""Celery application used for background jobs and scheduled reports."""
import os

from celery import Celery
from celery.schedules import crontab

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shopwise.settings.production")

app = Celery("shopwise")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()

app.conf.beat_schedule = {
    "nightly-sales-snapshot": {
        "task": "reporting.tasks.build_daily_snapshot",
        "schedule": crontab(hour=2, minute=15),
    },
    "expire-stale-carts": {
        "task": "cart.tasks.expire_stale_carts",
        "schedule": crontab(minute="*/30"),
    },
    "release-expired-reservations": {
        "task": "inventory.tasks.release_expired_reservations",
        "schedule": crontab(minute="*/10"),
    },
    "poll-carriers": {
        "task": "shipping.tasks.poll_carrier_updates",
        "schedule": crontab(minute=0),
    },
}

