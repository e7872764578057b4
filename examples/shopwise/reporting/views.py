from django.contrib.auth.mixins import UserPassesTestMixin
from django.views.generic import ListView
from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import IsStaff

from .models import DailySalesSnapshot, ProductPerformance, ReportExport
from .serializers import ProductPerformanceSerializer, ReportExportSerializer
from .tasks import export_report


class SalesDashboardView(UserPassesTestMixin, ListView):
    """Staff-only HTML dashboard of the last 90 daily snapshots."""

    model = DailySalesSnapshot
    template_name = "reporting/dashboard.html"
    paginate_by = 90

    def test_func(self):
        return self.request.user.is_staff


class TopProductsView(APIView):
    permission_classes = [IsStaff]

    def get(self, request):
        day = request.query_params.get("day")
        qs = ProductPerformance.objects.select_related("product").order_by("-revenue")
        if day:
            qs = qs.filter(day=day)
        return Response(ProductPerformanceSerializer(qs[:20], many=True).data)


@api_view(["POST"])
@permission_classes([IsStaff])
def request_export(request):
    serializer = ReportExportSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    export = ReportExport.objects.create(requested_by=request.user, **serializer.validated_data)
    export_report.delay(export.pk)
    return Response(ReportExportSerializer(export).data, status=status.HTTP_202_ACCEPTED)
