import logging

from celery import shared_task
from django.core.cache import cache

from .models import Product

logger = logging.getLogger(__name__)


@shared_task(autoretry_for=(ConnectionError,), retry_backoff=True)
def reindex_product(product_id):
    """Push a product document to the search index."""
    try:
        product = Product.objects.prefetch_related("variants", "tags").get(pk=product_id)
    except Product.DoesNotExist:
        logger.info("Product %s vanished before indexing", product_id)
        return
    document = {
        "id": product.pk,
        "title": product.title,
        "skus": [v.sku for v in product.variants.all()],
        "tags": [t.name for t in product.tags.all()],
        "published": product.is_published,
    }
    cache.set(f"search:product:{product.pk}", document, None)


@shared_task
def rebuild_category_cache():
    cache.delete_pattern("catalog:category:*")
