from django.contrib.auth.decorators import login_required
from django.contrib.auth.mixins import LoginRequiredMixin
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.generic import ListView
from rest_framework import status, viewsets
from rest_framework.decorators import api_view
from rest_framework.response import Response

from . import services
from .models import Order
from .serializers import OrderSerializer


class OrderViewSet(viewsets.ModelViewSet):
    queryset = Order.objects.all()
    serializer_class = OrderSerializer
    http_method_names = ["get", "head", "options"]

    def get_queryset(self):
        return Order.objects.filter(customer=self.request.user).prefetch_related("lines")


class OrderHistoryView(LoginRequiredMixin, ListView):
    template_name = "orders/history.html"
    context_object_name = "orders"

    def get_queryset(self):
        return Order.objects.filter(customer=self.request.user).order_by("-created_at")


@api_view(["POST"])
def cancel_order(request, pk):
    order = get_object_or_404(Order, pk=pk, customer=request.user)
    try:
        services.cancel_order(order, reason=request.data.get("reason", "customer"))
    except ValueError as exc:
        return Response({"detail": str(exc)}, status=status.HTTP_409_CONFLICT)
    return Response(OrderSerializer(order).data)


@login_required
def order_receipt(request, pk):
    try:
        order = Order.objects.prefetch_related("lines").get(pk=pk, customer=request.user)
    except Order.DoesNotExist:
        raise Http404("No such order")
    return render(request, "orders/receipt.html", {"order": order})
