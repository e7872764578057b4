"""Aggregation queries over the operational tables of other apps."""
import csv
import io

from django.apps import apps
from django.db.models import (
    Count,
    F,
    Sum,
)

from core.money import ZERO, quantize
from payments.models import Payment, Refund

from .models import DailySalesSnapshot, ProductPerformance


def build_snapshot(day):
    Order = apps.get_model("orders", "Order")
    paid = Order.objects.filter(created_at__date=day).exclude(status="cancelled")
    totals = paid.aggregate(count=Count("id"), revenue=Sum("total"))
    captured = Payment.objects.filter(created_at__date=day, status=Payment.Status.CAPTURED).count()
    refunds = Refund.objects.filter(created_at__date=day, processed=True).aggregate(s=Sum("amount"))
    count = totals["count"] or 0
    revenue = totals["revenue"] or ZERO
    snapshot, _ = DailySalesSnapshot.objects.update_or_create(
        day=day,
        defaults={
            "orders_count": max(count, captured),
            "gross_revenue": quantize(revenue),
            "refunds_total": quantize(refunds["s"] or ZERO),
            "average_order_value": quantize(revenue / count) if count else ZERO,
        },
    )
    return snapshot


def product_performance(day):
    from orders.models import OrderLine  # lazy: keeps import-time coupling low

    Product = apps.get_model("catalog.Product")
    rows = (
        OrderLine.objects.filter(order__created_at__date=day)
        .values("variant__product")
        .annotate(units=Sum("quantity"), revenue=Sum(F("unit_price") * F("quantity")))
    )
    for row in rows:
        product = Product.objects.get(pk=row["variant__product"])
        ProductPerformance.objects.update_or_create(
            product=product,
            day=day,
            defaults={"units_sold": row["units"], "revenue": quantize(row["revenue"])},
        )
    return len(rows)


def sales_csv(date_from, date_to):
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["day", "orders", "revenue", "refunds"])
    for snap in DailySalesSnapshot.objects.filter(day__range=(date_from, date_to)).order_by("day"):
        writer.writerow([snap.day, snap.orders_count, snap.gross_revenue, snap.refunds_total])
    return buffer.getvalue()


def refunds_by_customer(day):
    """Refunds per customer: one query over payments, orders and accounts."""
    return (
        Refund.objects.filter(payment__order__created_at__date=day)
        .values("payment__order__customer__email")
        .annotate(refunds=Count("pk"), amount=Sum("amount"))
        .order_by("-amount")
    )
