from django.shortcuts import get_object_or_404
from rest_framework import status
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.models import Address
from cart.services import get_or_create_cart

from . import services
from .models import CheckoutSession
from .serializers import CheckoutSessionSerializer, CouponSerializer, StartCheckoutSerializer


class StartCheckoutView(APIView):
    def post(self, request):
        payload = StartCheckoutSerializer(data=request.data)
        payload.is_valid(raise_exception=True)
        address = None
        if "address_id" in payload.validated_data:
            address = get_object_or_404(Address, pk=payload.validated_data["address_id"], user=request.user)
        try:
            session = services.begin_checkout(
                get_or_create_cart(request), payload.validated_data["email"], address
            )
        except services.CheckoutError as exc:
            return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
        return Response(CheckoutSessionSerializer(session).data, status=status.HTTP_201_CREATED)


@api_view(["POST"])
def apply_coupon(request, pk):
    session = get_object_or_404(CheckoutSession, pk=pk, cart__user=request.user)
    payload = CouponSerializer(data=request.data)
    payload.is_valid(raise_exception=True)
    try:
        total = services.apply_coupon(session, payload.validated_data["code"])
    except services.CheckoutError as exc:
        return Response({"detail": str(exc)}, status=status.HTTP_400_BAD_REQUEST)
    return Response({"total": str(total)})


@api_view(["POST"])
def place_order(request, pk):
    session = get_object_or_404(CheckoutSession, pk=pk, cart__user=request.user)
    try:
        order, client_secret = services.complete_checkout(session)
    except services.CheckoutError as exc:
        return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
    return Response(
        {"order": str(order.pk), "reference": order.reference, "client_secret": client_secret},
        status=status.HTTP_201_CREATED,
    )
