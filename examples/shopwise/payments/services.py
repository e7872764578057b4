"""Payment use cases, driven by checkout and by gateway webhooks."""
from django.db import transaction
from django.utils import timezone

from . import gateway
from .models import Payment, Refund, WebhookEvent
from .tasks import process_refund

try:
    from reporting.tasks import record_payment_metric
except ImportError:  # reporting is installed in production only
    record_payment_metric = None


def create_payment_intent(order):
    reference, client_secret = gateway.create_intent(order.total, order.currency, order.reference)
    Payment.objects.create(order=order, amount=order.total, gateway_reference=reference)
    return client_secret


@transaction.atomic
def handle_webhook(event_id, event_type, payload):
    event, created = WebhookEvent.objects.get_or_create(
        event_id=event_id, defaults={"event_type": event_type, "payload": payload}
    )
    if not created and event.processed_at:
        return event
    intent = payload["data"]["object"]
    payment = Payment.objects.select_related("order").get(gateway_reference=intent["id"])
    if event_type == "payment_intent.succeeded":
        capture(payment)
    elif event_type == "payment_intent.payment_failed":
        payment.status = Payment.Status.FAILED
        payment.failure_reason = intent.get("last_payment_error", {}).get("message", "")[:200]
        payment.save(update_fields=["status", "failure_reason", "updated_at"])
    event.processed_at = timezone.now()
    event.save(update_fields=["processed_at"])
    return event


def capture(payment):
    from orders.services import mark_paid  # lazy: orders -> checkout -> payments

    payment.status = Payment.Status.CAPTURED
    payment.save(update_fields=["status", "updated_at"])
    mark_paid(payment.order)
    if record_payment_metric is not None:
        record_payment_metric.delay(str(payment.pk), str(payment.amount))


def request_refund(payment, amount, reason=""):
    refund = Refund.objects.create(payment=payment, amount=amount, reason=reason)
    transaction.on_commit(lambda: process_refund.delay(refund.pk))
    return refund


def refund_and_reopen(payment_id, amount, reason=""):
    """Refund a payment and put its order back to pending, in one transaction.

    One transaction over two contexts (Payments and Ordering): after the split,
    a saga or an outbox.
    """
    payment = Payment.objects.select_related("order").get(pk=payment_id)
    with transaction.atomic():
        Refund.objects.create(payment=payment, amount=amount, reason=reason)
        order = payment.order
        order.history.create(from_status=order.status, to_status="pending")
        order.status = "pending"
        order.save(update_fields=["status", "updated_at"])
