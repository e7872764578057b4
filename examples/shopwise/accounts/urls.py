from django.urls import include, path
from rest_framework.routers import DefaultRouter

from . import views

app_name = "accounts"

router = DefaultRouter()
router.register("addresses", views.AddressViewSet)

urlpatterns = [
    path("me/", views.MeView.as_view(), name="me"),
    path("register/", views.register, name="register"),
    path("", include(router.urls)),
]
