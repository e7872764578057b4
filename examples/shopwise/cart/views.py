from django.shortcuts import get_object_or_404
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from catalog.models import ProductVariant

from . import services
from .models import CartItem
from .serializers import AddItemSerializer, CartSerializer


class CartDetailView(APIView):
    permission_classes = [AllowAny]

    def get(self, request):
        cart = services.get_or_create_cart(request)
        data = CartSerializer(cart).data
        data["total"] = str(services.cart_total(cart))
        return Response(data)


@api_view(["POST"])
@permission_classes([AllowAny])
def add_item(request):
    payload = AddItemSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    variant = get_object_or_404(ProductVariant, pk=payload.validated_data["variant_id"], is_active=True)
    cart = services.get_or_create_cart(request)
    try:
        services.add_to_cart(cart, variant, payload.validated_data["quantity"])
    except services.OutOfStock:
        return Response({"detail": "Not enough stock."}, status=status.HTTP_409_CONFLICT)
    return Response(CartSerializer(cart).data, status=status.HTTP_201_CREATED)


@api_view(["DELETE"])
@permission_classes([AllowAny])
def remove_item(request, item_id):
    cart = services.get_or_create_cart(request)
    try:
        CartItem.objects.get(pk=item_id, cart=cart).delete()
    except CartItem.DoesNotExist:
        return Response(status=status.HTTP_404_NOT_FOUND)
    return Response(status=status.HTTP_204_NO_CONTENT)
