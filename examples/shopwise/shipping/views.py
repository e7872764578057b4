from rest_framework import status
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny
from rest_framework.response import Response
from rest_framework.views import APIView

from . import services
from .models import Shipment
from .serializers import RateSerializer, ShipmentSerializer


class TrackingView(APIView):
    permission_classes = [AllowAny]

    def get(self, request, tracking_number):
        try:
            shipment = Shipment.objects.prefetch_related("events").get(
                tracking_number=tracking_number
            )
        except Shipment.DoesNotExist:
            return Response(status=status.HTTP_404_NOT_FOUND)
        return Response(ShipmentSerializer(shipment).data)


class CarrierWebhookView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []

    def post(self, request, carrier_code):
        shipment = Shipment.objects.filter(
            carrier__code=carrier_code, tracking_number=request.data.get("tracking_number")
        ).first()
        if shipment is None:
            return Response(status=status.HTTP_202_ACCEPTED)
        services.record_tracking_event(
            shipment, request.data["status"], request.data.get("location", ""), request.data["time"]
        )
        return Response(status=status.HTTP_200_OK)


@api_view(["GET"])
@permission_classes([AllowAny])
def quote_rates(request):
    country = request.query_params.get("country", "GB")
    weight = int(request.query_params.get("weight", 1000))
    return Response(RateSerializer(services.quote(country, weight), many=True).data)
