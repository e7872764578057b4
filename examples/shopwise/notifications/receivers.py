"""Communication reacts to events from identity, ordering and payments."""
from django.conf import settings
from django.db.models.signals import post_save
from django.dispatch import receiver

from common.events import order_placed
from orders.models import Order
from payments.models import Payment

from .tasks import send_email, send_staff_alert


@receiver(post_save, sender=settings.AUTH_USER_MODEL)
def welcome_new_user(sender, instance, created, **kwargs):
    if created:
        send_email.delay(instance.pk, "welcome", {"name": instance.first_name})


@receiver(order_placed)
def confirm_order(sender, order, **kwargs):
    send_email.apply_async(
        args=[order.customer_id, "order_confirmation", {"reference": order.reference}],
        countdown=10,
    )


@receiver(post_save, sender=Order)
def on_order_saved(sender, instance, created, update_fields=None, **kwargs):
    if created or not update_fields or "status" not in update_fields:
        return
    send_email.delay(instance.customer_id, f"order_{instance.status}", {"reference": instance.reference})


def on_payment_saved(sender, instance, created, **kwargs):
    if instance.status == Payment.Status.FAILED:
        send_email.delay(instance.order.customer_id, "payment_failed", {"reference": instance.order.reference})
    elif instance.status == Payment.Status.REFUNDED:
        send_staff_alert.delay("Refund completed", f"Payment {instance.pk} was refunded")


post_save.connect(on_payment_saved, sender=Payment, dispatch_uid="notify_payment_saved")
