from datetime import date, timedelta

from celery import chain, shared_task
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.utils import timezone

from shopwise.celery import app

from . import services


@app.task(name="reporting.tasks.build_daily_snapshot")
def build_daily_snapshot(day=None):
    """Nightly job: yesterday's sales snapshot, then product performance."""
    day = day or (timezone.localdate() - timedelta(days=1)).isoformat()
    workflow = chain(snapshot_day.s(day), compute_product_performance.s())
    workflow.apply_async()


@shared_task
def snapshot_day(day):
    services.build_snapshot(date.fromisoformat(day))
    return day


@shared_task
def compute_product_performance(day):
    return services.product_performance(date.fromisoformat(day))


@shared_task(ignore_result=True)
def record_payment_metric(payment_id, amount):
    cache.incr("metrics:payments:count", 1)
    cache.set(f"metrics:payments:last:{payment_id}", amount, 3600)


@shared_task
def export_report(export_id):
    from .models import ReportExport

    export = ReportExport.objects.get(pk=export_id)
    content = services.sales_csv(export.date_from, export.date_to)
    export.file.save(f"{export.kind}-{export.date_from}.csv", ContentFile(content), save=False)
    export.finished_at = timezone.now()
    export.save(update_fields=["file", "finished_at", "updated_at"])
