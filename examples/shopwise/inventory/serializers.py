from rest_framework import serializers

from .models import StockItem, Warehouse


class WarehouseSerializer(serializers.ModelSerializer):
    class Meta:
        model = Warehouse
        fields = ["id", "code", "name", "city", "is_active", "priority"]


class StockItemSerializer(serializers.ModelSerializer):
    sku = serializers.CharField(source="variant.sku", read_only=True)
    available = serializers.IntegerField(read_only=True)

    class Meta:
        model = StockItem
        fields = ["id", "sku", "warehouse", "on_hand", "reserved", "available", "reorder_level"]
        read_only_fields = ["reserved"]
