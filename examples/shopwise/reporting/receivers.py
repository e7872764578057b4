"""Live counters for the operations dashboard."""
from django.core.cache import cache
from django.db.models.signals import post_save
from django.dispatch import receiver


@receiver(post_save, sender="orders.Order")
def bump_live_order_counter(sender, instance, created, **kwargs):
    if created:
        cache.add("metrics:orders:today", 0, 60 * 60 * 24)
        cache.incr("metrics:orders:today")
