"""Stock levels per variant and warehouse, with an append-only ledger."""
from django.db import models
from django.db.models import CASCADE, PROTECT, ForeignKey

from catalog.models import ProductVariant
from core.models import TimeStampedModel


class Warehouse(TimeStampedModel):
    code = models.CharField(max_length=10, unique=True)
    name = models.CharField(max_length=120)
    city = models.CharField(max_length=100)
    is_active = models.BooleanField(default=True)
    priority = models.PositiveSmallIntegerField(default=100)

    def __str__(self):
        return self.code


class StockItem(TimeStampedModel):
    variant = ForeignKey(ProductVariant, on_delete=CASCADE, related_name="stock_items")
    warehouse = ForeignKey(Warehouse, on_delete=PROTECT, related_name="stock_items")
    on_hand = models.IntegerField(default=0)
    reserved = models.IntegerField(default=0)
    reorder_level = models.IntegerField(default=5)

    class Meta:
        unique_together = ("variant", "warehouse")

    @property
    def available(self):
        return max(self.on_hand - self.reserved, 0)


class StockMovement(models.Model):
    class Reason(models.TextChoices):
        RECEIVED = "received"
        SOLD = "sold"
        RETURNED = "returned"
        ADJUSTED = "adjusted"

    stock_item = models.ForeignKey(StockItem, on_delete=models.CASCADE, related_name="movements")
    delta = models.IntegerField()
    reason = models.CharField(max_length=12, choices=Reason.choices)
    reference = models.CharField(max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)


class StockReservation(TimeStampedModel):
    """Holds stock for an order; keyed by order reference, not a foreign key."""

    stock_item = models.ForeignKey(StockItem, on_delete=models.CASCADE, related_name="reservations")
    order_reference = models.CharField(max_length=32, db_index=True)
    quantity = models.PositiveIntegerField()
    expires_at = models.DateTimeField()
    released = models.BooleanField(default=False)
