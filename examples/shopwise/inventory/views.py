from django.shortcuts import get_object_or_404
from rest_framework import viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response

from catalog.models import ProductVariant
from core.permissions import IsStaff

from . import services
from .models import StockItem, Warehouse
from .serializers import StockItemSerializer, WarehouseSerializer


class WarehouseViewSet(viewsets.ModelViewSet):
    queryset = Warehouse.objects.all()
    serializer_class = WarehouseSerializer
    permission_classes = [IsStaff]


class StockItemViewSet(viewsets.ModelViewSet):
    queryset = StockItem.objects.select_related("variant", "warehouse")
    serializer_class = StockItemSerializer
    permission_classes = [IsStaff]
    filterset_fields = ["warehouse", "variant__sku"]


@api_view(["GET"])
@permission_classes([AllowAny])
def availability(request, sku):
    variant = get_object_or_404(ProductVariant, sku=sku, is_active=True)
    return Response({"sku": variant.sku, "available": services.available_quantity(variant)})
