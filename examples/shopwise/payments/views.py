from django.shortcuts import get_object_or_404
from rest_framework import status, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import IsStaff

from . import services
from .models import Payment
from .serializers import PaymentSerializer, RefundSerializer


class PaymentViewSet(viewsets.ReadOnlyModelViewSet):
    queryset = Payment.objects.all()
    serializer_class = PaymentSerializer

    def get_queryset(self):
        return Payment.objects.filter(order__customer=self.request.user).prefetch_related("refunds")


class GatewayWebhookView(APIView):
    """Receives signed callbacks from the card gateway."""

    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request):
        body = request.data
        try:
            services.handle_webhook(body["id"], body["type"], body)
        except Payment.DoesNotExist:
            return Response(status=status.HTTP_202_ACCEPTED)
        return Response(status=status.HTTP_200_OK)


@api_view(["POST"])
@permission_classes([IsStaff])
def refund_payment(request, pk):
    payment = get_object_or_404(Payment, pk=pk, status=Payment.Status.CAPTURED)
    payload = RefundSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    refund = services.request_refund(payment, **payload.validated_data)
    return Response(RefundSerializer(refund).data, status=status.HTTP_201_CREATED)
