from celery import shared_task
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import mail_admins, send_mail

from . import services
from .models import DeliveryAttempt

User = get_user_model()


@shared_task(bind=True, max_retries=3, default_retry_delay=60)
def send_email(self, user_id, template_key, context=None):
    user = User.objects.get(pk=user_id)
    if template_key.startswith("order_") and not services.wants(user, "order_updates"):
        return None
    notification = services.notify(user, template_key, context or {})
    try:
        send_mail(notification.subject, notification.body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except OSError as exc:
        DeliveryAttempt.objects.create(notification=notification, provider_response=str(exc))
        raise self.retry(exc=exc)
    DeliveryAttempt.objects.create(notification=notification, succeeded=True)
    return notification.pk


@shared_task
def send_staff_alert(subject, message):
    mail_admins(f"[Shopwise] {subject}", message, fail_silently=True)
