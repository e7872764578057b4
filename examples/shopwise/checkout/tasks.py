from celery import shared_task

from core.utils import hours_ago

from .models import CheckoutSession


@shared_task
def abandon_stale_sessions(hours=24):
    return CheckoutSession.objects.filter(
        status=CheckoutSession.Status.OPEN, updated_at__lt=hours_ago(hours)
    ).update(status=CheckoutSession.Status.ABANDONED)
