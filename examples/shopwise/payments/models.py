"""Payment records mirrored from the card gateway."""
from django.contrib.auth import get_user_model
from django.db import models

from core.models import TimeStampedModel, UUIDModel
from core.money import MoneyField


class PaymentMethod(TimeStampedModel):
    owner = models.ForeignKey(get_user_model(), on_delete=models.CASCADE, related_name="payment_methods")
    gateway_token = models.CharField(max_length=64, unique=True)
    brand = models.CharField(max_length=20)
    last4 = models.CharField(max_length=4)
    expires = models.CharField(max_length=5)


class Payment(UUIDModel, TimeStampedModel):
    class Status(models.TextChoices):
        REQUIRES_ACTION = "requires_action"
        CAPTURED = "captured"
        FAILED = "failed"
        REFUNDED = "refunded"

    order = models.ForeignKey("orders.Order", on_delete=models.CASCADE, related_name="payments")
    method = models.ForeignKey(PaymentMethod, null=True, blank=True, on_delete=models.SET_NULL)
    amount = MoneyField()
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REQUIRES_ACTION)
    gateway_reference = models.CharField(max_length=64, unique=True)
    failure_reason = models.CharField(max_length=200, blank=True)


class Refund(TimeStampedModel):
    payment = models.ForeignKey(Payment, on_delete=models.PROTECT, related_name="refunds")
    amount = MoneyField()
    reason = models.CharField(max_length=200, blank=True)
    processed = models.BooleanField(default=False)


class WebhookEvent(models.Model):
    """Raw gateway callbacks, stored before processing for idempotency."""

    event_id = models.CharField(max_length=64, unique=True)
    event_type = models.CharField(max_length=64)
    payload = models.JSONField()
    received_at = models.DateTimeField(auto_now_add=True)
    processed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        db_table = "payments_webhook_log"
        ordering = ["-received_at"]
