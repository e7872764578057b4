"""Stock queries and mutations. All writes go through the movement ledger."""
from django.conf import settings
from django.db import transaction
from django.db.models import F, Sum

from catalog.tasks import reindex_product
from core.utils import minutes_from_now

from .models import StockItem, StockMovement, StockReservation, Warehouse


def available_quantity(variant):
    totals = StockItem.objects.filter(variant=variant, warehouse__is_active=True).aggregate(
        on_hand=Sum("on_hand"), reserved=Sum("reserved")
    )
    return max((totals["on_hand"] or 0) - (totals["reserved"] or 0), 0)


def ensure_stock_items(variant):
    for warehouse in Warehouse.objects.filter(is_active=True):
        StockItem.objects.get_or_create(variant=variant, warehouse=warehouse)


@transaction.atomic
def record_movement(stock_item, delta, reason, reference=""):
    StockItem.objects.filter(pk=stock_item.pk).update(on_hand=F("on_hand") + delta)
    StockMovement.objects.create(stock_item=stock_item, delta=delta, reason=reason, reference=reference)
    stock_item.refresh_from_db()
    if stock_item.available == 0:
        reindex_product.apply_async(args=[stock_item.variant.product_id], countdown=5)


@transaction.atomic
def reserve(variant, quantity, reference):
    """Reserve from the highest-priority warehouse that can cover the line."""
    items = (
        StockItem.objects.select_for_update()
        .filter(variant=variant, warehouse__is_active=True)
        .order_by("warehouse__priority")
    )
    for item in items:
        if item.available >= quantity:
            StockItem.objects.filter(pk=item.pk).update(reserved=F("reserved") + quantity)
            return StockReservation.objects.create(
                stock_item=item,
                order_reference=reference,
                quantity=quantity,
                expires_at=minutes_from_now(settings.RESERVATION_TTL_MINUTES),
            )
    raise ValueError(f"Insufficient stock for {variant.sku}")


@transaction.atomic
def release(reference):
    reservations = StockReservation.objects.select_for_update().filter(
        order_reference=reference, released=False
    )
    for reservation in reservations:
        StockItem.objects.filter(pk=reservation.stock_item_id).update(
            reserved=F("reserved") - reservation.quantity
        )
    return reservations.update(released=True)
