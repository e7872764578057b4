from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

app_name = "inventory"

router = DefaultRouter()
router.register("warehouses", views.WarehouseViewSet)
router.register("stock", views.StockItemViewSet)

urlpatterns = [
    path("availability/<str:sku>/", views.availability, name="availability"),
    path("", include(router.urls)),
]
