from rest_framework import serializers

from .models import Shipment, ShippingRate, TrackingEvent


class TrackingEventSerializer(serializers.ModelSerializer):
    class Meta:
        model = TrackingEvent
        fields = ["status", "location", "occurred_at"]


class ShipmentSerializer(serializers.ModelSerializer):
    events = TrackingEventSerializer(many=True, read_only=True)
    carrier = serializers.CharField(source="carrier.name")

    class Meta:
        model = Shipment
        fields = ["tracking_number", "carrier", "status", "events"]


class RateSerializer(serializers.ModelSerializer):
    carrier = serializers.CharField(source="carrier.name")

    class Meta:
        model = ShippingRate
        fields = ["carrier", "country", "price"]
