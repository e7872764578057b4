from django.urls import path

from . import views

app_name = "cart"

urlpatterns = [
    path("", views.CartDetailView.as_view(), name="detail"),
    path("items/", views.add_item, name="add-item"),
    path("items/<int:item_id>/", views.remove_item, name="remove-item"),
]
