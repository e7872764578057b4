"""Shipment creation, rate quotes and tracking updates."""
from typing import TYPE_CHECKING

from django.db import transaction

from notifications.tasks import send_email

from .models import Carrier, Shipment, ShipmentItem, ShippingRate, TrackingEvent

if TYPE_CHECKING:
    from orders.models import Order


def quote(country, weight_grams):
    return (
        ShippingRate.objects.filter(
            country=country, max_weight_grams__gte=weight_grams, carrier__is_active=True
        )
        .select_related("carrier")
        .order_by("price")
    )


@transaction.atomic
def create_shipment(order: "Order") -> Shipment:
    lines = list(order.lines.select_related("variant"))
    weight = sum(line.variant.weight_grams * line.quantity for line in lines)
    country = order.shipping_address.country if order.shipping_address else "GB"
    rate = quote(country, weight).first()
    carrier = rate.carrier if rate else Carrier.objects.filter(is_active=True).first()
    shipment = Shipment.objects.create(order=order, carrier=carrier, weight_grams=weight)
    ShipmentItem.objects.bulk_create(
        ShipmentItem(shipment=shipment, sku=line.sku, quantity=line.quantity) for line in lines
    )
    return shipment


@transaction.atomic
def record_tracking_event(shipment, status, location, occurred_at):
    from orders.services import mark_delivered, mark_shipped  # lazy: orders imports shipping.tasks

    TrackingEvent.objects.create(
        shipment=shipment, status=status, location=location, occurred_at=occurred_at
    )
    previous, shipment.status = shipment.status, status
    shipment.save(update_fields=["status", "updated_at"])
    if previous == Shipment.Status.LABEL_CREATED and status == Shipment.Status.IN_TRANSIT:
        mark_shipped(shipment.order)
        send_email.delay(shipment.order.customer_id, "shipment_dispatched", {
            "tracking_url": shipment.carrier.tracking_url(shipment.tracking_number),
        })
    elif status == Shipment.Status.DELIVERED:
        mark_delivered(shipment.order)
