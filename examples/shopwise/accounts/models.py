"""Identity models: the custom user, addresses and customer profile."""
from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models

from common.validators import validate_postcode
from core.models import TimeStampedModel


class User(AbstractUser):
    """Shopwise login identity; the e-mail address is the username."""

    email = models.EmailField(unique=True)
    phone = models.CharField(max_length=32, blank=True)
    marketing_opt_in = models.BooleanField(default=False)

    USERNAME_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    def __str__(self):
        return self.email

    @property
    def display_name(self):
        return self.get_full_name() or self.email.split("@")[0]


class Address(TimeStampedModel):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="addresses"
    )
    full_name = models.CharField(max_length=120)
    line1 = models.CharField(max_length=200)
    line2 = models.CharField(max_length=200, blank=True)
    city = models.CharField(max_length=100)
    postcode = models.CharField(max_length=12, validators=[validate_postcode])
    country = models.CharField(max_length=2, default="GB")
    is_default = models.BooleanField(default=False)

    class Meta:
        verbose_name_plural = "addresses"

    def __str__(self):
        return f"{self.full_name}, {self.line1}, {self.city}"


class CustomerProfile(TimeStampedModel):
    user = models.OneToOneField(User, on_delete=models.CASCADE, related_name="profile")
    default_address = models.ForeignKey(
        Address, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    loyalty_points = models.PositiveIntegerField(default=0)
    vat_number = models.CharField(max_length=20, blank=True)


class LoginEvent(models.Model):
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="login_events")
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    user_agent = models.CharField(max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
