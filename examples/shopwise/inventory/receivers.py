"""Inventory reacts to catalog changes and to ordering domain events."""
from django.db.models.signals import post_save
from django.dispatch import receiver

from catalog.models import ProductVariant
from common.events import order_cancelled, order_placed

from . import services


@receiver(post_save, sender=ProductVariant)
def create_stock_rows(sender, instance, created, **kwargs):
    if created:
        services.ensure_stock_items(instance)


@receiver(order_placed)
def reserve_stock_for_order(sender, order, **kwargs):
    for line in order.lines.select_related("variant"):
        services.reserve(line.variant, line.quantity, order.reference)


@receiver(order_cancelled)
def release_stock_for_order(sender, order, **kwargs):
    services.release(order.reference)
