from django.urls import include, path
from rest_framework.routers import DefaultRouter

from .views import (
    CategoryViewSet,
    ProductDetailView,
    ProductListView,
    ProductViewSet,
    product_reviews,
)

app_name = "catalog"

router = DefaultRouter()
router.register("products", ProductViewSet)
router.register("categories", CategoryViewSet)

urlpatterns = [
    path("products/<slug:slug>/reviews/", product_reviews, name="product-reviews"),
    path("storefront/", ProductListView.as_view(), name="storefront"),
    path("storefront/<slug:slug>/", ProductDetailView.as_view(), name="storefront-detail"),
    path("", include(router.urls)),
]
