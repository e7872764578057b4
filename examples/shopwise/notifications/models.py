"""Outbound messages, templates and per-user delivery preferences."""
from django.conf import settings
from django.db import models

from core.models import TimeStampedModel


class EmailTemplate(TimeStampedModel):
    key = models.SlugField(max_length=60, unique=True)
    subject = models.CharField(max_length=200)
    body = models.TextField(help_text="Django template syntax")

    def __str__(self):
        return self.key


class Notification(TimeStampedModel):
    class Channel(models.TextChoices):
        EMAIL = "email"
        SMS = "sms"
        IN_APP = "in_app"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    template = models.ForeignKey(EmailTemplate, null=True, blank=True, on_delete=models.SET_NULL)
    channel = models.CharField(max_length=8, choices=Channel.choices, default=Channel.EMAIL)
    subject = models.CharField(max_length=200)
    body = models.TextField()
    read_at = models.DateTimeField(null=True, blank=True)


class NotificationPreference(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preference"
    )
    order_updates = models.BooleanField(default=True)
    marketing = models.BooleanField(default=False)
    sms_enabled = models.BooleanField(default=False)


class DeliveryAttempt(models.Model):
    notification = models.ForeignKey("Notification", on_delete=models.CASCADE, related_name="attempts")
    succeeded = models.BooleanField(default=False)
    provider_response = models.TextField(blank=True)
    attempted_at = models.DateTimeField(auto_now_add=True)
