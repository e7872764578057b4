from celery import shared_task
from django.conf import settings

from core.utils import hours_ago

from .models import Cart


@shared_task
def expire_stale_carts():
    """Deactivate anonymous carts nobody touched within the TTL."""
    stale = Cart.objects.filter(
        user__isnull=True, is_active=True, updated_at__lt=hours_ago(settings.CART_TTL_HOURS)
    )
    return stale.update(is_active=False)
