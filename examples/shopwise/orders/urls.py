from django.urls import include, path
from rest_framework.routers import DefaultRouter

from .views import OrderHistoryView, OrderViewSet, cancel_order, order_receipt

app_name = "orders"

router = DefaultRouter()
router.register("orders", OrderViewSet)

urlpatterns = [
    path("history/", OrderHistoryView.as_view(), name="history"),
    path("<uuid:pk>/cancel/", cancel_order, name="cancel"),
    path("<uuid:pk>/receipt/", order_receipt, name="receipt"),
    path("", include(router.urls)),
]
