"""Checkout sessions and discount coupons."""
from django.conf import settings
from django.db import models
from django.utils import timezone

from cart.models import Cart
from common.validators import validate_coupon_code
from core.models import TimeStampedModel


class Coupon(TimeStampedModel):
    code = models.CharField(max_length=20, unique=True, validators=[validate_coupon_code])
    percent_off = models.PositiveSmallIntegerField()
    valid_until = models.DateTimeField()
    max_uses = models.PositiveIntegerField(default=0, help_text="0 means unlimited")

    def is_valid(self):
        if self.valid_until < timezone.now():
            return False
        return self.max_uses == 0 or self.redemptions.count() < self.max_uses


class CheckoutSession(TimeStampedModel):
    class Status(models.TextChoices):
        OPEN = "open"
        COMPLETED = "completed"
        ABANDONED = "abandoned"

    cart = models.OneToOneField(Cart, on_delete=models.CASCADE, related_name="checkout")
    shipping_address = models.ForeignKey(
        "accounts.Address", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    coupon = models.ForeignKey(Coupon, null=True, blank=True, on_delete=models.SET_NULL)
    email = models.EmailField()
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.OPEN)


class CouponRedemption(TimeStampedModel):
    coupon = models.ForeignKey(Coupon, on_delete=models.PROTECT, related_name="redemptions")
    order = models.OneToOneField("orders.Order", on_delete=models.CASCADE, related_name="redemption")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
