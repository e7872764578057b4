"""Catalog use cases: publishing, pricing and search."""
from django.db import transaction
from django.db.models import F, Max, Min, Q

from core.money import quantize
from inventory.models import StockItem

from .models import Product, ProductVariant
from .tasks import reindex_product


@transaction.atomic
def publish_product(product):
    """Make a product visible once it has at least one active variant."""
    if not product.variants.filter(is_active=True).exists():
        raise ValueError("Cannot publish a product without active variants")
    product.is_published = True
    product.save(update_fields=["is_published", "updated_at"])
    transaction.on_commit(lambda: reindex_product.delay(product.pk))
    return product


def price_range(product):
    bounds = product.variants.filter(is_active=True).aggregate(low=Min("price"), high=Max("price"))
    if bounds["low"] is None:
        return None
    return quantize(bounds["low"]), quantize(bounds["high"])


def search_products(term, category_slug=None):
    qs = Product.objects.alive().filter(is_published=True)
    if term:
        qs = qs.filter(Q(title__icontains=term) | Q(variants__sku__iexact=term)).distinct()
    if category_slug:
        qs = qs.filter(category__slug=category_slug)
    return qs.select_related("category", "brand")


def in_stock(products):
    """Restrict a product queryset to items with sellable stock somewhere."""
    stocked = StockItem.objects.filter(on_hand__gt=F("reserved"), warehouse__is_active=True)
    return products.filter(variants__in=stocked.values("variant")).distinct()


def variant_by_sku(sku):
    try:
        return ProductVariant.objects.select_related("product").get(sku=sku)
    except ProductVariant.DoesNotExist:
        return None
