"""Orders, their lines and status history."""
from django.conf import settings
from django.db import models

from core.models import TimeStampedModel, UUIDModel
from core.money import MoneyField


class Order(UUIDModel, TimeStampedModel):
    class Status(models.TextChoices):
        PENDING = "pending"
        PAID = "paid"
        SHIPPED = "shipped"
        DELIVERED = "delivered"
        CANCELLED = "cancelled"

    reference = models.CharField(max_length=16, unique=True)
    customer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="orders"
    )
    shipping_address = models.ForeignKey(
        "accounts.Address", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    checkout_session = models.OneToOneField(
        "checkout.CheckoutSession", null=True, blank=True, on_delete=models.SET_NULL
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PENDING)
    subtotal = MoneyField()
    total = MoneyField()
    currency = models.CharField(max_length=3, default="EUR")

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return self.reference

    @property
    def is_open(self):
        return self.status in (self.Status.PENDING, self.Status.PAID)


class OrderLine(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="lines")
    variant = models.ForeignKey("catalog.ProductVariant", on_delete=models.PROTECT, related_name="+")
    sku = models.CharField(max_length=40)
    description = models.CharField(max_length=250)
    quantity = models.PositiveIntegerField()
    unit_price = MoneyField()

    @property
    def line_total(self):
        return self.unit_price * self.quantity


class OrderStatusChange(models.Model):
    order = models.ForeignKey(Order, on_delete=models.CASCADE, related_name="history")
    from_status = models.CharField(max_length=10, blank=True)
    to_status = models.CharField(max_length=10)
    changed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["changed_at"]


class PendingOrderManager(models.Manager):
    def get_queryset(self):
        return super().get_queryset().filter(status=Order.Status.PENDING)


class PendingOrder(Order):
    """Back-office view of orders still waiting for payment."""

    objects = PendingOrderManager()

    class Meta:
        proxy = True
        verbose_name = "pending order"
