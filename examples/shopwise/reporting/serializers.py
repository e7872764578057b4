from rest_framework import serializers

from .models import DailySalesSnapshot, ProductPerformance, ReportExport


class SnapshotSerializer(serializers.ModelSerializer):
    class Meta:
        model = DailySalesSnapshot
        fields = ["day", "orders_count", "gross_revenue", "refunds_total", "average_order_value"]


class ProductPerformanceSerializer(serializers.ModelSerializer):
    product = serializers.CharField(source="product.title")

    class Meta:
        model = ProductPerformance
        fields = ["product", "day", "units_sold", "revenue"]


class ReportExportSerializer(serializers.ModelSerializer):
    class Meta:
        model = ReportExport
        fields = ["id", "kind", "date_from", "date_to", "file", "finished_at"]
        read_only_fields = ["file", "finished_at"]
