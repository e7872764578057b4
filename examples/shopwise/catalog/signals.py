"""Catalog receivers: slugs and media housekeeping."""
from django.db.models.signals import post_delete, pre_save
from django.dispatch import receiver
from django.utils.text import slugify

from .models import MediaAsset, Product


@receiver(pre_save, sender=Product)
def fill_slug(sender, instance, **kwargs):
    if not instance.slug:
        instance.slug = slugify(instance.title)[:50]


def remove_media_file(sender, instance, **kwargs):
    if instance.file:
        instance.file.delete(save=False)


post_delete.connect(remove_media_file, sender=MediaAsset)
