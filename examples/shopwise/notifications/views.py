from django.shortcuts import get_object_or_404
from django.utils import timezone
from rest_framework.decorators import api_view
from rest_framework.response import Response
from rest_framework.views import APIView

from core.pagination import NewestFirstCursorPagination

from .models import Notification
from .serializers import NotificationSerializer


class InboxView(APIView):
    """In-app notifications for the signed-in user, newest first."""

    def get(self, request):
        paginator = NewestFirstCursorPagination()
        qs = Notification.objects.filter(recipient=request.user, channel=Notification.Channel.IN_APP)
        page = paginator.paginate_queryset(qs, request, view=self)
        return paginator.get_paginated_response(NotificationSerializer(page, many=True).data)


@api_view(["POST"])
def mark_read(request, pk):
    notification = get_object_or_404(Notification, pk=pk, recipient=request.user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return Response(NotificationSerializer(notification).data)
