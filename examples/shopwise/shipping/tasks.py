import logging

from celery import shared_task

from .models import Shipment

logger = logging.getLogger(__name__)


@shared_task(bind=True, max_retries=3)
def create_shipment_for_order(self, order_id):
    from orders.models import Order

    from .services import create_shipment

    order = Order.objects.select_related("shipping_address").get(pk=order_id)
    if Shipment.objects.filter(order=order).exists():
        return
    create_shipment(order)


@shared_task
def poll_carrier_updates():
    """Ask carriers about parcels still on the road; updates arrive via webhook."""
    open_shipments = Shipment.objects.exclude(
        status__in=[Shipment.Status.DELIVERED, Shipment.Status.LOST]
    ).values_list("tracking_number", flat=True)
    logger.info("Polling %d open shipments", len(open_shipments))
    return len(open_shipments)
