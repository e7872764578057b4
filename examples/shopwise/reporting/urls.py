from django.urls import path

from . import views

app_name = "reporting"

urlpatterns = [
    path("dashboard/", views.SalesDashboardView.as_view(), name="dashboard"),
    path("top-products/", views.TopProductsView.as_view(), name="top-products"),
    path("exports/", views.request_export, name="export"),
]
