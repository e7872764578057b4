from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

app_name = "payments"

router = DefaultRouter()
router.register("payments", views.PaymentViewSet)

urlpatterns = [
    path("webhooks/gateway/", views.GatewayWebhookView.as_view(), name="webhook"),
    path("<uuid:pk>/refund/", views.refund_payment, name="refund"),
    path("", include(router.urls)),
]
