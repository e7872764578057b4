"""Order lifecycle. Other contexts learn about orders through common.events."""
from django.db import transaction

from cart.models import Cart
from checkout.models import CouponRedemption
from common.events import order_cancelled, order_placed
from common.helpers import generate_reference
from core.money import quantize

from .models import Order, OrderLine, \
    OrderStatusChange
from .tasks import expire_unpaid_order

UNPAID_TIMEOUT_SECONDS = 30 * 60


@transaction.atomic
def create_order_from_cart(cart, session, total):
    items = list(cart.items.select_related("variant__product"))
    subtotal = quantize(sum(item.line_total for item in items))
    order = Order.objects.create(
        reference=generate_reference("ORD"),
        customer=cart.user,
        shipping_address=session.shipping_address,
        checkout_session=session,
        subtotal=subtotal,
        total=quantize(total),
    )
    OrderLine.objects.bulk_create(
        OrderLine(
            order=order,
            variant=item.variant,
            sku=item.variant.sku,
            description=str(item.variant),
            quantity=item.quantity,
            unit_price=item.variant.price,
        )
        for item in items
    )
    if session.coupon_id:
        CouponRedemption.objects.create(coupon_id=session.coupon_id, order=order, user=cart.user)
    Cart.objects.filter(pk=cart.pk).update(is_active=False)
    transaction.on_commit(lambda: order_placed.send(sender=Order, order=order))
    expire_unpaid_order.apply_async(args=[str(order.pk)], countdown=UNPAID_TIMEOUT_SECONDS)
    return order


def _transition(order, new_status):
    OrderStatusChange.objects.create(order=order, from_status=order.status, to_status=new_status)
    order.status = new_status
    order.save(update_fields=["status", "updated_at"])


@transaction.atomic
def mark_paid(order):
    from shipping.tasks import create_shipment_for_order  # lazy: shipping imports orders

    _transition(order, Order.Status.PAID)
    transaction.on_commit(lambda: create_shipment_for_order.apply_async(args=[str(order.pk)]))


def mark_shipped(order):
    _transition(order, Order.Status.SHIPPED)


def mark_delivered(order):
    _transition(order, Order.Status.DELIVERED)


@transaction.atomic
def cancel_order(order, reason=""):
    if not order.is_open:
        raise ValueError(f"Order {order.reference} can no longer be cancelled")
    _transition(order, Order.Status.CANCELLED)
    order_cancelled.send(sender=Order, order=order, reason=reason)
