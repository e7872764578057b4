"""Guards on the Order aggregate itself."""
from django.db.models.signals import pre_save
from django.dispatch import receiver

from .models import Order


@receiver(pre_save, sender=Order)
def freeze_totals_after_payment(sender, instance, **kwargs):
    """Totals may not change once an order has been paid."""
    if instance._state.adding:
        return
    previous = Order.objects.filter(pk=instance.pk).values("status", "total").first()
    if previous and previous["status"] != Order.Status.PENDING and previous["total"] != instance.total:
        raise ValueError("Order totals are immutable after payment")
