from rest_framework import status, viewsets
from rest_framework.decorators import api_view, permission_classes
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from core.permissions import IsOwner

from . import services
from .models import Address, User
from .serializers import AddressSerializer, RegistrationSerializer, UserSerializer


class MeView(APIView):
    """Read or update the signed-in customer's own account."""

    permission_classes = [IsAuthenticated]

    def get(self, request):
        user = User.objects.select_related("profile").get(pk=request.user.pk)
        return Response(UserSerializer(user).data)

    def patch(self, request):
        serializer = UserSerializer(request.user, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        serializer.save()
        return Response(serializer.data)


class AddressViewSet(viewsets.ModelViewSet):
    queryset = Address.objects.all()
    serializer_class = AddressSerializer
    permission_classes = [IsAuthenticated, IsOwner]

    def get_queryset(self):
        return Address.objects.filter(user=self.request.user)

    def perform_create(self, serializer):
        serializer.save(user=self.request.user)


@api_view(["POST"])
@permission_classes([AllowAny])
def register(request):
    serializer = RegistrationSerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    if User.objects.filter(email__iexact=serializer.validated_data["email"]).exists():
        return Response({"email": ["Already registered."]}, status=status.HTTP_400_BAD_REQUEST)
    user = services.register_customer(**serializer.validated_data)
    return Response(UserSerializer(user).data, status=status.HTTP_201_CREATED)
