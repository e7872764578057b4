"""Abstract model building blocks reused by every Shopwise app."""
import uuid

from django.db import models
from django.utils import timezone


class TimeStampedModel(models.Model):
    """Adds creation and modification timestamps maintained by the ORM."""

    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class UUIDModel(models.Model):
    """Non-guessable primary key for objects exposed in URLs and webhooks."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)

    class Meta:
        abstract = True


class SoftDeleteQuerySet(models.QuerySet):
    """Queryset that hides soft-deleted rows unless asked otherwise."""

    def alive(self):
        return self.filter(deleted_at__isnull=True)

    def deleted(self):
        return self.filter(deleted_at__isnull=False)


class SoftDeleteModel(models.Model):
    """Rows are flagged rather than removed so history stays reportable."""

    deleted_at = models.DateTimeField(null=True, blank=True, editable=False)

    objects = SoftDeleteQuerySet.as_manager()

    class Meta:
        abstract = True

    def soft_delete(self):
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at"])

    @property
    def is_deleted(self):
        return self.deleted_at is not None
