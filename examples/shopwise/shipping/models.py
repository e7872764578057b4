"""Fulfilment models: who carries a parcel, what it costs, where it is."""
from django.db import models

from core.models import TimeStampedModel
from core.money import MoneyField


class Carrier(TimeStampedModel):
    code = models.SlugField(max_length=20, unique=True)
    name = models.CharField(max_length=80)
    tracking_url_template = models.URLField(help_text="Use {number} as placeholder")
    is_active = models.BooleanField(default=True)

    def tracking_url(self, number):
        return self.tracking_url_template.format(number=number)


class ShippingRate(models.Model):
    carrier = models.ForeignKey(Carrier, on_delete=models.CASCADE, related_name="rates")
    country = models.CharField(max_length=2)
    max_weight_grams = models.PositiveIntegerField()
    price = MoneyField()

    class Meta:
        ordering = ["country", "max_weight_grams"]


class Shipment(TimeStampedModel):
    class Status(models.TextChoices):
        LABEL_CREATED = "label_created"
        IN_TRANSIT = "in_transit"
        DELIVERED = "delivered"
        LOST = "lost"

    order = models.OneToOneField("orders.Order", on_delete=models.PROTECT, related_name="shipment")
    carrier = models.ForeignKey(Carrier, on_delete=models.PROTECT, related_name="shipments")
    tracking_number = models.CharField(max_length=40, blank=True, db_index=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.LABEL_CREATED)
    weight_grams = models.PositiveIntegerField(default=0)


class ShipmentItem(models.Model):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="items")
    sku = models.CharField(max_length=40, help_text="Copied from the order line")
    quantity = models.PositiveIntegerField()


class TrackingEvent(models.Model):
    shipment = models.ForeignKey(Shipment, on_delete=models.CASCADE, related_name="events")
    status = models.CharField(max_length=16, choices=Shipment.Status.choices)
    location = models.CharField(max_length=120, blank=True)
    occurred_at = models.DateTimeField()

    class Meta:
        ordering = ["-occurred_at"]
