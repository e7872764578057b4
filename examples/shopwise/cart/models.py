"""Shopping carts for signed-in and anonymous shoppers."""
from django.conf import settings
from django.db import models

from core.models import TimeStampedModel


class Cart(TimeStampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="carts",
    )
    session_key = models.CharField(max_length=40, blank=True, db_index=True)
    is_active = models.BooleanField(default=True)

    def __str__(self):
        return f"Cart {self.pk} ({self.user_id or self.session_key})"

    @property
    def item_count(self):
        return sum(item.quantity for item in self.items.all())


class CartItem(TimeStampedModel):
    cart = models.ForeignKey(Cart, on_delete=models.CASCADE, related_name="items")
    variant = models.ForeignKey("catalog.ProductVariant", on_delete=models.CASCADE, related_name="+")
    quantity = models.PositiveIntegerField(default=1)

    class Meta:
        unique_together = ("cart", "variant")

    @property
    def line_total(self):
        return self.variant.price * self.quantity
