"""Rendering and persisting notifications."""
from django.template import Context, Template

from .models import EmailTemplate, Notification, NotificationPreference


def render(template_key, context):
    template = EmailTemplate.objects.get(key=template_key)
    ctx = Context(context)
    return template, Template(template.subject).render(ctx), Template(template.body).render(ctx)


def wants(user, kind):
    preference, _ = NotificationPreference.objects.get_or_create(user=user)
    return getattr(preference, kind, True)


def notify(user, template_key, context, channel=Notification.Channel.EMAIL):
    template, subject, body = render(template_key, context)
    return Notification.objects.create(
        recipient=user, template=template, channel=channel, subject=subject, body=body
    )
