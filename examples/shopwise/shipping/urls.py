from django.urls import path

from . import views

app_name = "shipping"

urlpatterns = [
    path("track/<str:tracking_number>/", views.TrackingView.as_view(), name="track"),
    path("rates/", views.quote_rates, name="rates"),
    path("webhooks/<slug:carrier_code>/", views.CarrierWebhookView.as_view(), name="carrier-webhook"),
]
