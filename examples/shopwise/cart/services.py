"""Cart use cases. Stock is checked against inventory but never reserved here."""
from django.db import transaction

from common.helpers import sum_amounts
from inventory.services import available_quantity

from .models import Cart, CartItem


class OutOfStock(Exception):
    pass


def get_or_create_cart(request):
    if request.user.is_authenticated:
        cart, _ = Cart.objects.get_or_create(user=request.user, is_active=True)
        return cart
    if not request.session.session_key:
        request.session.save()
    cart, _ = Cart.objects.get_or_create(session_key=request.session.session_key, is_active=True)
    return cart


@transaction.atomic
def add_to_cart(cart, variant, quantity=1):
    item, created = CartItem.objects.get_or_create(
        cart=cart, variant=variant, defaults={"quantity": quantity}
    )
    if not created:
        item.quantity += quantity
    if item.quantity > available_quantity(variant):
        raise OutOfStock(variant.sku)
    item.save()
    return item


def cart_total(cart):
    return sum_amounts(item.line_total for item in cart.items.select_related("variant"))


@transaction.atomic
def merge_carts(session_key, user):
    """Fold an anonymous cart into the user's cart after login."""
    anonymous = Cart.objects.filter(session_key=session_key, user__isnull=True, is_active=True).first()
    if anonymous is None:
        return None
    target, _ = Cart.objects.get_or_create(user=user, is_active=True)
    for item in anonymous.items.select_related("variant"):
        add_to_cart(target, item.variant, item.quantity)
    anonymous.is_active = False
    anonymous.save(update_fields=["is_active"])
    return target
