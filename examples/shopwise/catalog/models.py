"""Catalog models: what Shopwise sells and how it is organised."""
from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey, GenericRelation
from django.contrib.contenttypes.models import ContentType
from django.db import models

from common.validators import validate_sku
from core.models import SoftDeleteModel, TimeStampedModel
from core.money import MoneyField


class Category(TimeStampedModel):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )

    class Meta:
        verbose_name_plural = "categories"

    def __str__(self):
        return self.name


class Brand(TimeStampedModel):
    name = models.CharField(max_length=120, unique=True)
    website = models.URLField(blank=True)
    media = GenericRelation("MediaAsset")


class Tag(models.Model):
    name = models.SlugField(max_length=50, unique=True)


class Product(SoftDeleteModel, TimeStampedModel):
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    description = models.TextField(blank=True)
    category = models.ForeignKey("Category", on_delete=models.PROTECT, related_name="products")
    brand = models.ForeignKey(Brand, null=True, blank=True, on_delete=models.SET_NULL)
    tags = models.ManyToManyField(Tag, blank=True, related_name="products")
    is_published = models.BooleanField(default=False)
    media = GenericRelation("catalog.MediaAsset", related_query_name="product")

    def __str__(self):
        return self.title


class DigitalProduct(Product):
    """Downloadable goods: shares catalogue data with Product, never shipped."""

    download_url = models.URLField()
    license_days = models.PositiveIntegerField(default=365)


class ProductVariant(TimeStampedModel):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="variants")
    sku = models.CharField(max_length=40, unique=True, validators=[validate_sku])
    name = models.CharField(max_length=120)
    price = MoneyField()
    weight_grams = models.PositiveIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    def __str__(self):
        return f"{self.product.title} / {self.name}"


class MediaAsset(TimeStampedModel):
    """Image or video attached to any catalog object (product, brand...)."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveIntegerField()
    content_object = GenericForeignKey("content_type", "object_id")
    file = models.FileField(upload_to="catalog/media/")
    alt_text = models.CharField(max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        indexes = [models.Index(fields=["content_type", "object_id"])]


class Collection(TimeStampedModel):
    name = models.CharField(max_length=120)
    slug = models.SlugField(unique=True)
    products = models.ManyToManyField(Product, through="CollectionItem", related_name="collections")


class CollectionItem(models.Model):
    collection = models.ForeignKey(Collection, on_delete=models.CASCADE)
    product = models.ForeignKey(Product, on_delete=models.CASCADE)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        unique_together = ("collection", "product")


class Review(TimeStampedModel):
    product = models.ForeignKey(Product, on_delete=models.CASCADE, related_name="reviews")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    rating = models.PositiveSmallIntegerField()
    body = models.TextField(blank=True)
    is_approved = models.BooleanField(default=False)
