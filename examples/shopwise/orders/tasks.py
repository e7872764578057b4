from celery import shared_task


@shared_task
def expire_unpaid_order(order_id):
    """Cancel an order whose payment never arrived."""
    from .models import Order
    from .services import cancel_order

    try:
        order = Order.objects.get(pk=order_id, status=Order.Status.PENDING)
    except Order.DoesNotExist:
        return False
    cancel_order(order, reason="payment timeout")
    return True
