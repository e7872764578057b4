"""Identity use cases: registration and address book management."""
from django.db import transaction

from common.helpers import client_ip

from .models import Address, CustomerProfile, LoginEvent, User


@transaction.atomic
def register_customer(email, password, first_name="", marketing_opt_in=False):
    """Create a customer; the profile is created by a post_save receiver."""
    user = User.objects.create_user(
        username=email,
        email=email,
        password=password,
        first_name=first_name,
        marketing_opt_in=marketing_opt_in,
    )
    return user


@transaction.atomic
def set_default_address(user, address):
    Address.objects.filter(user=user, is_default=True).update(is_default=False)
    address.is_default = True
    address.save(update_fields=["is_default"])
    CustomerProfile.objects.filter(user=user).update(default_address=address)


def record_login(user, request):
    return LoginEvent.objects.create(
        user=user,
        ip_address=client_ip(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:255],
    )
