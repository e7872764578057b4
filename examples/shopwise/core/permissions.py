"""DRF permission classes shared by the API apps."""
from rest_framework import permissions


class IsOwner(permissions.BasePermission):
    """Object-level check against ``owner_field`` (``user`` by default)."""

    owner_field = "user"

    def has_object_permission(self, request, view, obj):
        field = getattr(view, "owner_field", self.owner_field)
        return getattr(obj, f"{field}_id", None) == request.user.pk


class IsStaffOrReadOnly(permissions.BasePermission):
    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        return bool(request.user and request.user.is_staff)


class IsStaff(permissions.BasePermission):
    def has_permission(self, request, view):
        return bool(request.user and request.user.is_staff)
