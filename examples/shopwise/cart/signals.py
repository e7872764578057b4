from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from .services import merge_carts


@receiver(user_logged_in)
def merge_session_cart(sender, request, user, **kwargs):
    if request.session.session_key:
        merge_carts(request.session.session_key, user)
