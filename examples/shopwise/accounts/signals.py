"""Identity receivers: keep profiles in sync and audit logins."""
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import services
from .models import CustomerProfile, User


@receiver(post_save, sender=User)
def ensure_profile(sender, instance, created, **kwargs):
    if created:
        CustomerProfile.objects.get_or_create(user=instance)


@receiver(user_logged_in)
def audit_login(sender, request, user, **kwargs):
    services.record_login(user, request)
