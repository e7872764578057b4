from django.urls import path

from . import views

app_name = "checkout"

urlpatterns = [
    path("", views.StartCheckoutView.as_view(), name="start"),
    path("<int:pk>/coupon/", views.apply_coupon, name="apply-coupon"),
    path("<int:pk>/place-order/", views.place_order, name="place-order"),
]
