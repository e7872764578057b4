"""Pre-aggregated analytics tables refreshed by scheduled tasks."""
from django.conf import settings
from django.db import models

from core.models import TimeStampedModel
from core.money import MoneyField


class DailySalesSnapshot(TimeStampedModel):
    day = models.DateField(unique=True)
    orders_count = models.PositiveIntegerField(default=0)
    gross_revenue = MoneyField()
    refunds_total = MoneyField()
    average_order_value = MoneyField()

    class Meta:
        ordering = ["-day"]
        get_latest_by = "day"


class ProductPerformance(models.Model):
    product = models.ForeignKey(to="catalog.Product", on_delete=models.CASCADE, related_name="+")
    day = models.DateField()
    units_sold = models.PositiveIntegerField(default=0)
    revenue = MoneyField()

    class Meta:
        unique_together = ("product", "day")


class CustomerCohort(TimeStampedModel):
    """Customers grouped by first-order month for retention charts."""

    name = models.CharField(max_length=60, unique=True)
    first_order_month = models.DateField()
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL, through="CohortMembership", related_name="cohorts"
    )


class CohortMembership(models.Model):
    cohort = models.ForeignKey(CustomerCohort, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    joined_on = models.DateField()


class ReportExport(TimeStampedModel):
    class Kind(models.TextChoices):
        SALES = "sales"
        PRODUCTS = "products"

    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    date_from = models.DateField()
    date_to = models.DateField()
    file = models.FileField(upload_to="reports/", blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
