from celery import shared_task

from .gateway import GatewayError


@shared_task(bind=True, max_retries=5, default_retry_delay=120)
def process_refund(self, refund_id):
    from . import gateway
    from .models import Payment, Refund

    refund = Refund.objects.select_related("payment").get(pk=refund_id)
    if refund.processed:
        return
    try:
        gateway.refund(refund.payment.gateway_reference, refund.amount)
    except GatewayError as exc:
        raise self.retry(exc=exc)
    refund.processed = True
    refund.save(update_fields=["processed", "updated_at"])
    Payment.objects.filter(pk=refund.payment_id).update(status=Payment.Status.REFUNDED)
