"""Root URLconf: every bounded API is mounted under /api/."""
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("api/accounts/", include("accounts.urls")),
    path("api/catalog/", include("catalog.urls")),
    path("api/inventory/", include("inventory.urls")),
    path("api/cart/", include("cart.urls")),
    path("api/checkout/", include("checkout.urls")),
    path("api/orders/", include("orders.urls")),
    path("api/payments/", include("payments.urls")),
    path("api/shipping/", include("shipping.urls")),
    path("api/notifications/", include("notifications.urls")),
    path("api/reports/", include("reporting.urls")),
]
