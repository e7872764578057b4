from celery import shared_task
from django.db.models import F
from django.utils import timezone

from .models import StockItem, StockReservation
from .services import release


@shared_task
def release_expired_reservations():
    """Free stock held by checkouts that never turned into paid orders."""
    references = (
        StockReservation.objects.filter(released=False, expires_at__lt=timezone.now())
        .values_list("order_reference", flat=True)
        .distinct()
    )
    return sum(release(reference) for reference in references)


@shared_task
def check_reorder_levels():
    from notifications.tasks import send_staff_alert

    low = StockItem.objects.filter(on_hand__lte=F("reorder_level")).select_related("variant")
    skus = sorted({item.variant.sku for item in low})
    if skus:
        send_staff_alert.delay("Stock below reorder level", ", ".join(skus))
    return len(skus)
