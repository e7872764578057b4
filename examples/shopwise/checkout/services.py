"""Checkout orchestration: cart -> order -> payment intent."""
from django.db import transaction

from cart.services import cart_total
from core.money import apply_percentage

from .models import CheckoutSession, Coupon


class CheckoutError(Exception):
    pass


def begin_checkout(cart, email, address=None):
    if not cart.items.exists():
        raise CheckoutError("Cart is empty")
    session, _ = CheckoutSession.objects.update_or_create(
        cart=cart, defaults={"email": email, "shipping_address": address}
    )
    return session


def apply_coupon(session, code):
    try:
        coupon = Coupon.objects.get(code__iexact=code)
    except Coupon.DoesNotExist:
        raise CheckoutError("Unknown coupon")
    if not coupon.is_valid():
        raise CheckoutError("Coupon expired")
    session.coupon = coupon
    session.save(update_fields=["coupon", "updated_at"])
    return quote(session)


def quote(session):
    total = cart_total(session.cart)
    if session.coupon:
        total = apply_percentage(total, session.coupon.percent_off)
    return total


@transaction.atomic
def complete_checkout(session):
    """Create the order, then ask payments for a client secret."""
    # Lazy imports: orders.services imports checkout.models.
    from orders.services import create_order_from_cart
    from payments.services import create_payment_intent

    if session.status != CheckoutSession.Status.OPEN:
        raise CheckoutError("Checkout already completed")
    order = create_order_from_cart(session.cart, session, total=quote(session))
    session.status = CheckoutSession.Status.COMPLETED
    session.save(update_fields=["status", "updated_at"])
    return order, create_payment_intent(order)
