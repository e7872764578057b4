from celery import shared_task

from core.utils import hours_ago

from .models import LoginEvent

LOGIN_RETENTION_HOURS = 24 * 180


@shared_task
def purge_old_login_events():
    """Drop login audit rows past the retention window (GDPR)."""
    deleted, _ = LoginEvent.objects.filter(created_at__lt=hours_ago(LOGIN_RETENTION_HOURS)).delete()
    return deleted
