#!/usr/bin/env python3
"""Writes a synthetic Django monorepo of a given size, for Seams' scale benchmarks.

    gen_monorepo.py OUT --lines N [--seed S] [--no-config]

OUT gets a Django project built from templates (no real project's code):

  manage.py, estate/ (settings with INSTALLED_APPS and ROOT_URLCONF, the root
  URLconf, the Celery app), core/ (abstract models and helpers every app uses:
  the shared kernel), and business domains: packages such as billing/ or
  shipping_eu/ holding 5 to 14 Django apps each (billing/invoices/, ...).

Every app has apps.py (with a unique label), models.py (or a models/ package
that re-exports its models), views.py, serializers.py (DRF ModelSerializers),
urls.py (included from the root URLconf), signals.py (post_save receivers),
tasks.py (Celery shared_task), admin.py, services.py, selectors.py, logic/
(plain business functions: most of an app's lines, as in real code) and tests/;
some also have forms.py or tests/factories.py. Relations and imports mostly stay
inside an app, often reach an earlier app of the same domain, and sometimes an
earlier app of an upstream domain (each domain depends on up to three earlier
ones), so a correct clustering finds the domains. A few apps (`--legacy`, a
share of apps) also reach a domain that is not upstream: those are the
violations `seams check` reports against the generated seams.toml.

Apps are written domain by domain until the line count reaches N; the count
actually written is printed. The same seed gives the same bytes.

Unless --no-config, OUT/seams.toml names one context per domain (members: the
domain package; depends_on: its upstream domains) with core and estate as the
shared kernel, and OUT/ground_truth.json lists what was generated: each app
label's domain, the concrete models, the relations (as Django resolves them),
the Celery tasks, and the planted violations (the imports `seams check` must
report as errors).
"""
import argparse
import keyword
import json
import os
import random
import sys

DOMAIN_WORDS = [
    "billing", "catalog", "shipping", "identity", "inventory", "pricing", "ordering", "payments",
    "loyalty", "support", "marketing", "analytics", "fulfilment", "procurement", "warehouse",
    "returns", "reviews", "search", "notifications", "accounting", "payroll", "staffing",
    "compliance", "risk", "fraud", "lending", "insurance", "scheduling", "bookings", "messaging",
    "content", "media", "learning", "partners", "vendors", "tax", "subscriptions", "logistics",
    "claims", "audit",
]
REGIONS = ["", "_eu", "_us", "_apac", "_latam", "_b2b", "_retail", "_wholesale", "_gov", "_edu",
           "_health", "_travel", "_energy", "_telecom", "_media", "_auto", "_food", "_fashion"]
APP_NOUNS = [
    "invoices", "accounts", "ledgers", "carts", "orders", "products", "variants", "shipments",
    "parcels", "carriers", "customers", "profiles", "addresses", "stocks", "reservations",
    "discounts", "vouchers", "campaigns", "segments", "tickets", "agents", "contracts",
    "documents", "reports", "metrics", "events", "schedules", "slots", "bookings", "rooms",
    "policies", "quotes", "claims", "payouts", "refunds", "transfers", "wallets", "cards",
    "statements", "budgets", "suppliers", "purchases", "receipts", "batches", "audits",
    "checks", "alerts", "channels", "threads", "templates", "assets", "courses", "lessons",
    "grades", "teams", "roles", "permits", "licenses", "regions", "zones", "routes", "vehicles",
    "drivers", "plans", "tiers", "rewards", "points", "surveys", "feedbacks", "imports",
]
MODEL_SUFFIXES = ["", "Line", "Item", "Event", "Snapshot", "Rule", "Batch", "Entry", "Note", "Tag",
                  "Version", "Policy", "Window", "Quota", "Link", "Status", "Attachment", "Review"]
FIELD_KINDS = [
    ("name", "models.CharField(max_length={n})", (40, 80, 120, 255)),
    ("code", "models.CharField(max_length={n}, unique=True)", (16, 32, 64)),
    ("description", "models.TextField(blank=True)", None),
    ("amount", "models.DecimalField(max_digits={n}, decimal_places=2, default=Decimal(\"0.00\"))", (10, 12, 14)),
    ("quantity", "models.PositiveIntegerField(default={n})", (0, 1)),
    ("is_active", "models.BooleanField(default={n})", ("True", "False")),
    ("starts_at", "models.DateTimeField(null=True, blank=True)", None),
    ("ends_at", "models.DateTimeField(null=True, blank=True)", None),
    ("due_on", "models.DateField(null=True, blank=True)", None),
    ("payload", "models.JSONField(default=dict, blank=True)", None),
    ("email", "models.EmailField(blank=True)", None),
    ("url", "models.URLField(blank=True)", None),
    ("position", "models.PositiveSmallIntegerField(default=0)", None),
    ("ratio", "models.FloatField(default={n})", ("0.0", "1.0")),
    ("external_id", "models.UUIDField(null=True, blank=True, unique=True)", None),
    ("currency", "models.CharField(max_length=3, default=\"{n}\")", ("EUR", "USD", "GBP")),
    ("weight", "models.DecimalField(max_digits=8, decimal_places={n}, null=True)", (2, 3)),
    ("notes", "models.TextField(blank=True, default=\"\")", None),
]


def camel(word):
    return "".join(part.title() for part in word.split("_"))


def singular(noun):
    if noun.endswith("ies"):
        return noun[:-3] + "y"
    if noun.endswith("sses") or noun.endswith("ches"):
        return noun[:-2]
    if noun.endswith("s"):
        return noun[:-1]
    return noun


def snake(name):
    """CamelCase as snake_case; a Python keyword ("import") gets a trailing "_"."""
    out = ""
    for i, ch in enumerate(name):
        if ch.isupper() and i:
            out += "_"
        out += ch.lower()
    return out + "_" if keyword.iskeyword(out) else out


class App:
    """One generated app: where it lives and what it defines, for later apps to reach."""

    def __init__(self, domain, noun, models):
        self.domain = domain
        self.noun = noun
        self.module = f"{domain}.{noun}"
        self.label = f"{domain}_{noun}"
        self.models = models  # class names, first is the aggregate root
        self.tasks = [f"process_{snake(m)}" for m in models[:3]]
        self.logic = []  # (module name, public function names), filled by AppGenerator
        self.relations = []  # "label.Model.field -> label.Target", as Django resolves them
        self.violations = []  # "from module -> to module" imports of a domain that is not upstream


class Writer:
    """Writes files under a root and counts their lines."""

    def __init__(self, root):
        self.root = root
        self.lines = 0
        self.files = 0

    def write(self, rel, text):
        path = os.path.join(self.root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
        self.lines += text.count("\n")
        self.files += 1


class AppGenerator:
    """Renders one app's files from templates, varied by the random generator."""

    def __init__(self, rng, app, same_domain, upstream, legacy):
        self.rng = rng
        self.app = app
        self.same_domain = same_domain  # earlier apps of this domain
        self.upstream = upstream        # apps of the upstream domains
        self.legacy = legacy            # apps of a domain this one must not reach (a violation), or []

    def pick(self, seq):
        return seq[self.rng.randrange(len(seq))]

    # ---- models ---------------------------------------------------------
    def relations(self):
        """model -> list of (field, target expression, kind, import line or None)."""
        rng, app = self.rng, self.app
        rels = {m: [] for m in app.models}
        for i, m in enumerate(app.models):
            if i and rng.random() < 0.85:
                parent = app.models[rng.randrange(i)]
                style = rng.random()
                target = parent if style < 0.5 else f'"{parent}"'
                rels[m].append((snake(parent), target, "fk", None))
            if i > 1 and rng.random() < 0.25:
                other = app.models[rng.randrange(i)]
                rels[m].append((snake(other) + "_set", f'"{other}"', "m2m", None))
            if rng.random() < 0.15:
                rels[m].append(("parent", '"self"', "fk", None))
            if rng.random() < 0.2:
                rels[m].append(("owner", "settings.AUTH_USER_MODEL", "fk", None))
        root = app.models[0]
        if self.same_domain:
            for _ in range(rng.choice((1, 2, 2, 3))):
                other = self.pick(self.same_domain)
                target_model = self.pick(other.models[:3])
                holder = self.pick(app.models)
                field = f"{singular(other.noun)}_{snake(target_model)}"
                if rng.random() < 0.5:
                    rels[holder].append((field, f'"{other.label}.{target_model}"', "fk", None))
                else:
                    rels[holder].append((field, target_model,
                                         "fk", f"from {other.module}.models import {target_model}"))
        if self.upstream and rng.random() < 0.35:
            other = self.pick(self.upstream)
            target_model = other.models[0]
            rels[root].append((f"{other.domain}_{singular(other.noun)}", f'"{other.label}.{target_model}"', "fk", None))
        if self.legacy:
            other = self.pick(self.legacy)
            rels[root].append((f"legacy_{singular(other.noun)}", f'"{other.label}.{other.models[0]}"', "fk", None))
        return rels

    def target_key(self, name, target):
        """The model a relation target names: label.Model."""
        if target == "settings.AUTH_USER_MODEL":
            return "auth.User"
        bare = target.strip('"')
        if bare == "self":
            return f"{self.app.label}.{name}"
        if "." in bare:
            return bare
        for other in self.same_domain:  # an imported class of another app
            if target == bare and bare in other.models and bare not in self.app.models:
                return f"{other.label}.{bare}"
        return f"{self.app.label}.{bare}"

    def model_class(self, name, rels, base):
        rng = self.rng
        lines = [f"class {name}({base}):", f'    """A {snake(name).replace("_", " ")} of {self.app.label}."""', ""]
        if rng.random() < 0.5:
            lines += ["    STATUS_CHOICES = [",
                      '        ("draft", "Draft"),', '        ("active", "Active"),', '        ("closed", "Closed"),',
                      "    ]", ""]
            lines.append('    status = models.CharField(max_length=16, choices=STATUS_CHOICES, default="draft")')
        used = set()
        for _ in range(rng.randint(4, 9)):
            field, template, values = self.pick(FIELD_KINDS)
            if field in used:
                continue
            used.add(field)
            text = template.format(n=self.pick(values)) if values else template
            lines.append(f"    {field} = {text}")
        for field, target, kind, _ in rels:
            if field in used:
                field = field + "_ref"
            used.add(field)
            self.app.relations.append(f"{self.app.label}.{name}.{field} -> {self.target_key(name, target)}")
            related = f'"{snake(name)}_{field}s"'
            if kind == "m2m":
                lines.append(f"    {field} = models.ManyToManyField({target}, blank=True, related_name={related})")
            else:
                on_delete = self.pick(("models.CASCADE", "models.PROTECT", "models.SET_NULL"))
                null = ", null=True, blank=True" if on_delete == "models.SET_NULL" else ""
                lines.append(f"    {field} = models.ForeignKey(\n        {target},\n        on_delete={on_delete}{null},\n"
                             f"        related_name={related},\n    )")
        lines += ["", "    class Meta:"]
        lines.append(f'        ordering = ["-{self.pick(["id", "created_at", "updated_at"])}"]')
        if rng.random() < 0.4:
            lines.append(f'        verbose_name_plural = "{snake(name).replace("_", " ")}s"')
        if rng.random() < 0.3:
            lines.append(f'        indexes = [models.Index(fields=["{self.pick(["created_at", "id"])}"])]')
        lines += ["", "    def __str__(self):", f'        return f"{name} #{{self.pk}}"', ""]
        for _ in range(rng.randint(2, 4)):
            lines += self.model_method(name)
        return lines

    def model_method(self, name):
        rng = self.rng
        kind = rng.randrange(4)
        verb = self.pick(["activate", "archive", "recalculate", "refresh", "close", "touch", "validate_state"])
        suffix = rng.randrange(100)
        if kind == 0:
            return [f"    def {verb}_{suffix}(self, commit=True):",
                    f'        """Moves the {snake(name)} on and saves it when asked."""',
                    "        self.updated_at = timezone.now()",
                    "        if commit:",
                    '            self.save(update_fields=["updated_at"])',
                    "        return self", ""]
        if kind == 1:
            return ["    @property",
                    f"    def label_{suffix}(self):",
                    f'        return "{name}:%s" % self.pk', ""]
        if kind == 2:
            return [f"    def siblings_{suffix}(self):",
                    f"        return type(self).objects.exclude(pk=self.pk).order_by(\"-id\")[:{rng.randint(5, 50)}]", ""]
        return [f"    def {verb}_{suffix}(self, value=None):",
                "        data = dict(self.__dict__)",
                '        data.pop("_state", None)',
                "        if value is not None:",
                f'            data["{verb}"] = value',
                "        return data", ""]

    def models_files(self):
        """{relative path: text} for models.py, or for a models/ package."""
        app, rng = self.app, self.rng
        rels = self.relations()
        header = ['"""Models of %s."""' % app.label, "from decimal import Decimal", "",
                  "from django.conf import settings", "from django.db import models", "from django.utils import timezone",
                  "", "from core.models import SoftDeleteModel, TimeStampedModel"]

        def body(names):
            for m in names:
                rels[m] = [(f, t if t.startswith('"') or t.startswith("settings.") or r_import or t in names
                            else f'"{t}"', k, r_import) for f, t, k, r_import in rels[m]]
            imports = sorted({r[3] for m in names for r in rels[m] if r[3]})
            lines = header + imports + ["", ""]
            for m in names:
                base = "SoftDeleteModel" if rng.random() < 0.2 else "TimeStampedModel"
                lines += self.model_class(m, rels[m], base) + [""]
            return "\n".join(lines).rstrip() + "\n"

        if len(app.models) >= 6 and rng.random() < 0.3:
            half = len(app.models) // 2
            parts = {"core_models": app.models[:half], "detail_models": app.models[half:]}
            files = {}
            init = [f'"""The models of {app.label}, re-exported."""']
            for part, names in parts.items():
                files[f"models/{part}.py"] = body(names)
                init.append(f"from .{part} import {', '.join(names)}")
            init.append("")
            init.append("__all__ = [" + ", ".join(f'"{m}"' for m in app.models) + "]")
            files["models/__init__.py"] = "\n".join(init) + "\n"
            return files
        return {"models.py": body(app.models)}

    # ---- the rest of the app -------------------------------------------
    def apps_py(self):
        app = self.app
        return (f'from django.apps import AppConfig\n\n\nclass {camel(app.label)}Config(AppConfig):\n'
                f'    default_auto_field = "django.db.models.BigAutoField"\n'
                f'    name = "{app.module}"\n    label = "{app.label}"\n'
                f'    verbose_name = "{app.domain.replace("_", " ").title()} {app.noun}"\n\n'
                f'    def ready(self):\n        from . import signals  # noqa: F401\n')

    def serializers_py(self):
        app, rng = self.app, self.rng
        lines = ["from rest_framework import serializers", "",
                 f"from .models import {', '.join(app.models)}", "", ""]
        for i, m in enumerate(app.models):
            lines += [f"class {m}Serializer(serializers.ModelSerializer):"]
            if i and rng.random() < 0.3:
                lines += [f"    {snake(app.models[0])} = {app.models[0]}Serializer(read_only=True)", ""]
            display = rng.random() < 0.3
            if display:
                lines += ["    display = serializers.SerializerMethodField()", ""]
            lines += ["    class Meta:", f"        model = {m}"]
            lines += ['        fields = "__all__"' if rng.random() < 0.5 else
                      '        fields = ["id", "created_at", "updated_at"]']
            lines += ['        read_only_fields = ["id", "created_at"]', ""]
            if display:
                lines += ["    def get_display(self, obj):", "        return str(obj)", ""]
            lines += [""]
        return "\n".join(lines).rstrip() + "\n"

    def views_py(self):
        app, rng = self.app, self.rng
        lines = ['"""HTTP endpoints of %s."""' % app.label,
                 "from django.contrib.auth.decorators import login_required",
                 "from django.db.models import Count, Q",
                 "from django.http import JsonResponse",
                 "from django.shortcuts import get_object_or_404",
                 "from django.views.generic import DetailView, ListView",
                 "from rest_framework import permissions, viewsets",
                 "from rest_framework.decorators import action",
                 "from rest_framework.response import Response", "",
                 "from core.pagination import StandardPagination",
                 f"from .models import {', '.join(app.models)}",
                 f"from .serializers import {', '.join(m + 'Serializer' for m in app.models)}"]
        reach = None
        if self.same_domain and rng.random() < 0.8:
            reach = self.pick(self.same_domain)
            lines.append(f"from {reach.module}.models import {reach.models[0]}")
        lines += ["", ""]
        routes = []
        for i, m in enumerate(app.models):
            style = rng.random() if i else 0.0
            s = snake(m)
            if style < 0.55:
                lines += [f"class {m}ViewSet(viewsets.ModelViewSet):",
                          f"    queryset = {m}.objects.all()",
                          f"    serializer_class = {m}Serializer",
                          "    permission_classes = [permissions.IsAuthenticated]",
                          "    pagination_class = StandardPagination", "",
                          "    def get_queryset(self):",
                          "        qs = super().get_queryset()",
                          '        term = self.request.query_params.get("q")',
                          "        if term:",
                          f"            qs = qs.filter(Q(id__icontains=term))",
                          '        return qs.order_by("-id")', ""]
                if rng.random() < 0.5:
                    lines += ["    @action(detail=True, methods=[\"post\"])",
                              "    def archive(self, request, pk=None):",
                              "        obj = self.get_object()",
                              "        obj.save()",
                              "        return Response(self.get_serializer(obj).data)", ""]
                routes.append(("router", s, f"{m}ViewSet"))
            elif style < 0.8:
                lines += [f"class {m}ListView(ListView):", f"    model = {m}", "    paginate_by = 50",
                          f'    template_name = "{app.label}/{s}_list.html"', "",
                          "    def get_queryset(self):",
                          f'        return {m}.objects.annotate(n=Count("id")).order_by("-n")', "", "",
                          f"class {m}DetailView(DetailView):", f"    model = {m}",
                          f'    template_name = "{app.label}/{s}_detail.html"', ""]
                routes.append(("path", f"{s}s/", f"{m}ListView.as_view()", f"{s}-list"))
                routes.append(("path", f"{s}s/<int:pk>/", f"{m}DetailView.as_view()", f"{s}-detail"))
            else:
                lines += ["@login_required", f"def {s}_summary(request, pk):",
                          f"    obj = get_object_or_404({m}, pk=pk)"]
                if reach is not None:
                    lines += [f"    related = {reach.models[0]}.objects.filter(id=obj.pk).count()"]
                else:
                    lines += ["    related = 0"]
                lines += ['    return JsonResponse({"id": obj.pk, "related": related, "text": str(obj)})', ""]
                routes.append(("path", f"{s}s/<int:pk>/summary/", f"{s}_summary", f"{s}-summary"))
            lines.append("")
        return "\n".join(lines).rstrip() + "\n", routes

    def urls_py(self, routes):
        app = self.app
        lines = ["from django.urls import include, path", "from rest_framework.routers import DefaultRouter", "",
                 "from . import views", "", f'app_name = "{app.label}"', "", "router = DefaultRouter()"]
        for r in routes:
            if r[0] == "router":
                lines.append(f'router.register(r"{r[1]}s", views.{r[2]})')
        lines += ["", "urlpatterns = ["]
        for r in routes:
            if r[0] == "path":
                lines.append(f'    path("{r[1]}", views.{r[2]}, name="{r[3]}"),')
        lines += ['    path("", include(router.urls)),', "]"]
        return "\n".join(lines) + "\n"

    def signals_py(self):
        app, rng = self.app, self.rng
        lines = ["from django.db.models.signals import post_delete, post_save", "from django.dispatch import receiver", "",
                 f"from .models import {', '.join(app.models[:3])}", "from . import tasks"]
        foreign = None
        if self.same_domain and rng.random() < 0.6:
            foreign = self.pick(self.same_domain)
            lines.append(f"from {foreign.module}.models import {foreign.models[0]}")
        lines += ["", ""]
        for m, task in zip(app.models[:3], app.tasks):
            lines += [f"@receiver(post_save, sender={m})",
                      f"def on_{snake(m)}_saved(sender, instance, created, **kwargs):",
                      "    if created:", f"        tasks.{task}.delay(instance.pk)", "", ""]
        if rng.random() < 0.5:
            m = app.models[0]
            lines += [f"@receiver(post_delete, sender={m})", f"def on_{snake(m)}_deleted(sender, instance, **kwargs):",
                      f"    tasks.{app.tasks[0]}.delay(instance.pk)", "", ""]
        if foreign is not None:
            lines += [f"@receiver(post_save, sender={foreign.models[0]})",
                      f"def on_{foreign.label}_{snake(foreign.models[0])}_saved(sender, instance, **kwargs):",
                      f"    tasks.{app.tasks[0]}.delay(instance.pk)", "", ""]
        return "\n".join(lines).rstrip() + "\n"

    def tasks_py(self):
        app, rng = self.app, self.rng
        lines = ["import logging", "", "from celery import shared_task", "from django.db import transaction", "",
                 f"from .models import {', '.join(app.models[:3])}"]
        call = None
        if self.same_domain and rng.random() < 0.6:
            call = self.pick(self.same_domain)
            lines.append(f"from {call.module}.tasks import {call.tasks[0]}")
        lines += ["", "logger = logging.getLogger(__name__)", "", ""]
        for m, task in zip(app.models[:3], app.tasks):
            lines += [f"@shared_task(bind=True, max_retries={rng.randint(1, 5)})", f"def {task}(self, pk):",
                      "    try:", f"        obj = {m}.objects.get(pk=pk)",
                      f"    except {m}.DoesNotExist:",
                      f'        logger.warning("{m} %s is gone", pk)', "        return None",
                      "    with transaction.atomic():", "        obj.save()"]
            if call is not None and task == app.tasks[0]:
                lines.append(f"    {call.tasks[0]}.delay(obj.pk)")
            lines += ["    return obj.pk", "", ""]
        return "\n".join(lines).rstrip() + "\n"

    def admin_py(self):
        app, rng = self.app, self.rng
        lines = ["from django.contrib import admin", "", f"from .models import {', '.join(app.models)}", "", ""]
        for m in app.models:
            if rng.random() < 0.6:
                lines += [f"@admin.register({m})", f"class {m}Admin(admin.ModelAdmin):",
                          '    list_display = ["id", "created_at"]', '    search_fields = ["id"]',
                          f"    list_per_page = {self.pick([25, 50, 100])}", "", ""]
            else:
                lines += [f"admin.site.register({m})", ""]
        return "\n".join(lines).rstrip() + "\n"

    def services_py(self):
        app, rng = self.app, self.rng
        lines = ['"""Use cases of %s."""' % app.label, "from django.db import transaction", "",
                 f"from .models import {', '.join(app.models)}"]
        sibling = self.pick(self.same_domain) if self.same_domain and rng.random() < 0.7 else None
        if sibling is not None:
            lines.append(f"from {sibling.module}.selectors import recent_{snake(sibling.models[0])}s")
        if self.upstream and rng.random() < 0.3:
            other = self.pick(self.upstream)
            lines.append(f"from {other.module}.models import {other.models[0]}")
            uses = other.models[0]
        else:
            uses = None
        if self.legacy:
            other = self.pick(self.legacy)
            lines.append(f"from {other.module}.services import create_{snake(other.models[0])}")
            app.violations.append(f"{app.module}.services -> {other.module}.services")
        lines += ["", ""]
        for m in app.models:
            s = snake(m)
            lines += ["@transaction.atomic", f"def create_{s}(**fields):", f"    obj = {m}(**fields)",
                      "    obj.full_clean()", "    obj.save()", "    return obj", "", "",
                      f"def update_{s}(pk, **fields):", f"    updated = {m}.objects.filter(pk=pk).update(**fields)",
                      "    if not updated:", f'        raise {m}.DoesNotExist(pk)', "    return updated", "", ""]
        if sibling is not None:
            lines += [f"def sibling_{snake(sibling.models[0])}s():",
                      f"    return recent_{snake(sibling.models[0])}s(limit=10)", "", ""]
        if uses is not None:
            lines += [f"def count_upstream_{snake(uses)}():", f"    return {uses}.objects.count()", "", ""]
        return "\n".join(lines).rstrip() + "\n"

    def selectors_py(self):
        app = self.app
        lines = ["from django.db.models import Count, Max", "", f"from .models import {', '.join(app.models)}", "", ""]
        for m in app.models:
            s = snake(m)
            lines += [f"def recent_{s}s(limit=20):", f'    return list({m}.objects.order_by("-created_at")[:limit])', "", "",
                      f"def {s}_stats():", f'    return {m}.objects.aggregate(n=Count("id"), last=Max("created_at"))', "", ""]
        return "\n".join(lines).rstrip() + "\n"

    def forms_py(self):
        app = self.app
        lines = ["from django import forms", "", f"from .models import {', '.join(app.models[:4])}", "", ""]
        for m in app.models[:4]:
            lines += [f"class {m}Form(forms.ModelForm):", "    class Meta:", f"        model = {m}",
                      '        exclude = ["created_at", "updated_at"]', "", ""]
        return "\n".join(lines).rstrip() + "\n"

    def tests(self):
        app, rng = self.app, self.rng
        files = {"tests/__init__.py": ""}
        factories = rng.random() < 0.5
        if factories:
            lines = ["import factory", "", f"from {app.module}.models import {', '.join(app.models[:3])}", "", ""]
            for m in app.models[:3]:
                lines += [f"class {m}Factory(factory.django.DjangoModelFactory):", "    class Meta:",
                          f"        model = {m}", "", ""]
            files["tests/factories.py"] = "\n".join(lines).rstrip() + "\n"
        lines = ["from django.test import TestCase", "", f"from {app.module}.models import {', '.join(app.models)}"]
        if factories:
            lines.append(f"from .factories import {app.models[0]}Factory")
        lines += ["", ""]
        for m in app.models:
            lines += [f"class {m}Tests(TestCase):", "    def test_str(self):", f"        obj = {m}()",
                      f'        self.assertIn("{m}", str(obj))', "",
                      "    def test_queryset_is_empty(self):", f"        self.assertEqual({m}.objects.count(), 0)", "", ""]
        files["tests/test_models.py"] = "\n".join(lines).rstrip() + "\n"
        lines = ["from django.test import TestCase", "from django.urls import reverse", "",
                 f"from {app.module} import tasks", "", "",
                 f"class {camel(app.label)}ApiTests(TestCase):"]
        for task in app.tasks:
            lines += [f"    def test_{task}_ignores_missing(self):", f"        self.assertIsNone(tasks.{task}(0))", ""]
        files["tests/test_api.py"] = "\n".join(lines).rstrip() + "\n"
        return files

    # ---- plain business logic: most of a real app's lines --------------
    def statement(self, depth, names):
        """A few lines of ordinary Python at an indent depth, over local names."""
        rng = self.rng
        pad = "    " * depth
        n = rng.randint(2, 90)
        a, b = self.pick(names), self.pick(names)
        kind = rng.randrange(12)
        if kind == 0:
            return [f"{pad}{a} = sum(x.get(\"amount\", 0) for x in rows if x.get(\"active\"))"]
        if kind == 1 and depth < 3:
            return ([f"{pad}for row in rows:", f"{pad}    if row.get(\"rank\", 0) > {n}:"]
                    + self.statement(depth + 2, names) + [f"{pad}    else:", f"{pad}        {b} += 1"])
        if kind == 2:
            return [f"{pad}try:", f"{pad}    {a} = Decimal(str({b}))", f"{pad}except (ValueError, ArithmeticError):",
                    f"{pad}    {a} = Decimal(\"0\")"]
        if kind == 3:
            return [f"{pad}mapping = {{k: v for k, v in options.items() if v is not None and k != \"{a}\"}}"]
        if kind == 4:
            return [f"{pad}if not rows:", f"{pad}    return {self.pick(['[]', 'None', '0', '{}'])}"]
        if kind == 5:
            return [f"{pad}logger.debug(\"%s rows, %s\", len(rows), {a})"]
        if kind == 6:
            return [f"{pad}rows = sorted(rows, key=lambda r: (r.get(\"rank\", 0), r.get(\"id\")))"]
        if kind == 7 and depth < 3:
            return ([f"{pad}if {a} > {b} * {n}:"] + self.statement(depth + 1, names)
                    + [f"{pad}elif {a} < 0:", f"{pad}    {a} = -{a}"])
        if kind == 8:
            return [f"{pad}{a} = max({a}, {b}) if {b} is not None else {a}"]
        if kind == 9:
            return [f"{pad}window = [r for r in rows[:{n}] if r.get(\"id\") not in seen]", f"{pad}seen.update(r[\"id\"] for r in window)"]
        if kind == 10:
            return [f"{pad}{a} = round(({a} + {b}) / max(1, len(rows)), 4)"]
        return [f"{pad}options.setdefault(\"{a}\", {n})"]

    def logic_function(self, name, model=None):
        rng = self.rng
        names = ["total", "count", "limit", "score", "value"]
        lines = [f"def {name}(rows, options=None):",
                 f'    """{name.replace("_", " ").capitalize()}: {self.pick(["a rule of", "part of", "a step of"])} '
                 f'{self.app.label}."""',
                 "    options = dict(options or {})", "    seen = set()",
                 "    total, count, limit, score, value = 0, 0, options.get(\"limit\", 100), 0.0, None"]
        if model is not None:
            lines += [f"    rows = rows or list({model}.objects.values(\"id\")[:limit])"]
        for _ in range(rng.randint(4, 12)):
            lines += self.statement(1, names)
        lines += [f"    return {{\"total\": total, \"count\": count, \"score\": score}}", "", ""]
        return lines

    def plan_logic(self):
        """Names the logic modules and their functions before any file is written."""
        rng, app = self.rng, self.app
        topics = rng.sample(["pricing", "rules", "scoring", "rollup", "matching", "export", "import_", "routing",
                             "planning", "reconcile", "forecast", "limits", "windows", "ranking", "cleanup"],
                            rng.randint(4, 9))
        app.logic = [(t, [f"{t.rstrip('_')}_{verb}_{i}" for i, verb in
                          enumerate(rng.sample(["step", "check", "merge", "split", "score", "apply", "build",
                                                "collect", "filter", "reduce", "rank", "trim", "group"],
                                               rng.randint(6, 12)))])
                     for t in topics]

    def logic_files(self):
        rng, app = self.rng, self.app
        files = {"logic/__init__.py": ""}
        for topic, functions in app.logic:
            lines = [f'"""{topic.rstrip("_").capitalize()} of {app.label}."""', "import logging",
                     "from decimal import Decimal", ""]
            model = self.pick(app.models) if rng.random() < 0.5 else None
            if model is not None:
                lines.append(f"from ..models import {model}")
            sibling = None
            if self.same_domain and rng.random() < 0.5:
                sibling = self.pick(self.same_domain)
                s_topic, s_functions = self.pick(sibling.logic)
                s_fn = self.pick(s_functions)
                lines.append(f"from {sibling.module}.logic.{s_topic} import {s_fn}")
            lines += ["", "logger = logging.getLogger(__name__)", "", ""]
            for i, fn in enumerate(functions):
                lines += self.logic_function(fn, model if i == 0 else None)
            if sibling is not None:
                lines += [f"def {topic.rstrip('_')}_with_{sibling.noun}(rows):",
                          f"    return {s_fn}(rows, {{\"limit\": {rng.randint(5, 500)}}})", "", ""]
            files[f"logic/{topic}.py"] = "\n".join(lines).rstrip() + "\n"
        return files

    def logic_tests(self):
        app = self.app
        lines = ["from django.test import SimpleTestCase", ""]
        for topic, functions in app.logic:
            lines.append(f"from {app.module}.logic.{topic} import {', '.join(functions[:3])}")
        lines += ["", "", f"class {camel(app.label)}LogicTests(SimpleTestCase):"]
        for topic, functions in app.logic:
            for fn in functions[:3]:
                lines += [f"    def test_{fn}_on_empty_rows(self):",
                          f"        result = {fn}([{{\"id\": 1, \"rank\": 3, \"amount\": 2, \"active\": True}}])",
                          "        self.assertIsNotNone(result)", ""]
        return {"tests/test_logic.py": "\n".join(lines).rstrip() + "\n"}

    def files(self):
        self.plan_logic()
        out = {"__init__.py": "", "apps.py": self.apps_py(), "migrations/__init__.py": ""}
        out.update(self.models_files())
        views, routes = self.views_py()
        out["views.py"] = views
        out["urls.py"] = self.urls_py(routes)
        out["serializers.py"] = self.serializers_py()
        out["signals.py"] = self.signals_py()
        out["tasks.py"] = self.tasks_py()
        out["admin.py"] = self.admin_py()
        out["services.py"] = self.services_py()
        out["selectors.py"] = self.selectors_py()
        if self.rng.random() < 0.3:
            out["forms.py"] = self.forms_py()
        out.update(self.tests())
        out.update(self.logic_files())
        out.update(self.logic_tests())
        return out


def write_core(w):
    w.write("core/__init__.py", "")
    w.write("core/apps.py", 'from django.apps import AppConfig\n\n\nclass CoreConfig(AppConfig):\n    name = "core"\n')
    w.write("core/models.py", '"""Abstract bases every app builds on."""\nfrom django.db import models\n\n\n'
            "class TimeStampedModel(models.Model):\n    created_at = models.DateTimeField(auto_now_add=True)\n"
            "    updated_at = models.DateTimeField(auto_now=True)\n\n    class Meta:\n        abstract = True\n\n\n"
            "class SoftDeleteModel(TimeStampedModel):\n    deleted_at = models.DateTimeField(null=True, blank=True)\n\n"
            "    class Meta:\n        abstract = True\n")
    w.write("core/pagination.py", "from rest_framework.pagination import PageNumberPagination\n\n\n"
            "class StandardPagination(PageNumberPagination):\n    page_size = 50\n    max_page_size = 500\n")


def write_project(w, apps, domains):
    w.write("manage.py", '#!/usr/bin/env python\nimport os\nimport sys\n\n\ndef main():\n'
            '    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "estate.settings")\n'
            "    from django.core.management import execute_from_command_line\n\n"
            "    execute_from_command_line(sys.argv)\n\n\nif __name__ == \"__main__\":\n    main()\n")
    w.write("estate/__init__.py", "from .celery import app as celery_app\n\n__all__ = [\"celery_app\"]\n")
    w.write("estate/celery.py", 'import os\n\nfrom celery import Celery\n\n'
            'os.environ.setdefault("DJANGO_SETTINGS_MODULE", "estate.settings")\n\napp = Celery("estate")\n'
            'app.config_from_object("django.conf:settings", namespace="CELERY")\napp.autodiscover_tasks()\n')
    installed = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                 "django.contrib.sessions", "django.contrib.messages", "rest_framework", "core"]
    installed += [a.module for a in apps]
    w.write("estate/settings.py", '"""Settings of the generated estate."""\nfrom pathlib import Path\n\n'
            "BASE_DIR = Path(__file__).resolve().parent.parent\nSECRET_KEY = \"generated\"\nDEBUG = False\n"
            'ROOT_URLCONF = "estate.urls"\nAUTH_USER_MODEL = "auth.User"\n\nINSTALLED_APPS = [\n'
            + "".join(f'    "{a}",\n' for a in installed) + "]\n")
    lines = ["from django.contrib import admin", "from django.urls import include, path", "", "urlpatterns = [",
             '    path("admin/", admin.site.urls),']
    for a in apps:
        lines.append(f'    path("api/{a.domain}/{a.noun}/", include("{a.module}.urls")),')
    w.write("estate/urls.py", "\n".join(lines) + "\n]\n")
    for d in domains:
        w.write(f"{d}/__init__.py", "")


def seams_toml(domains, upstream_of):
    lines = ["# Generated by bench/gen_monorepo.py: one context per business domain.",
             'shared_kernel = ["core", "estate", "manage"]', ""]
    for d in domains:
        lines += ["[[context]]", f'name = "{d}"', f'members = ["{d}"]']
        deps = upstream_of[d]
        lines.append("depends_on = [" + ", ".join(f'"{u}"' for u in deps) + "]")
        lines.append("")
    return "\n".join(lines)


def domain_names(count):
    names = []
    for region in REGIONS:
        for word in DOMAIN_WORDS:
            names.append(word + region)
    while len(names) < count:
        names.append(f"domain{len(names)}")
    return names


def generate(root, target_lines, seed, legacy_share, with_config):
    rng = random.Random(seed)
    w = Writer(root)
    write_core(w)
    all_names = domain_names(100000 // 5)
    domains, apps, upstream_of = [], [], {}
    by_domain = {}
    # A rough reserve for the settings and root URLconf, which grow with the apps.
    while w.lines + 3 * len(apps) < target_lines:
        d = all_names[len(domains)]
        earlier = domains[-12:]
        upstream_of[d] = sorted(rng.sample(earlier, min(len(earlier), rng.randint(1, 3)))) if earlier else []
        others = [x for x in domains if x not in upstream_of[d]]
        domains.append(d)
        by_domain[d] = []
        nouns = rng.sample(APP_NOUNS, rng.randint(5, 14))
        for noun in nouns:
            if w.lines + 3 * len(apps) >= target_lines:
                break
            stem = camel(singular(noun))
            count = rng.randint(4, 12)
            models = [stem + s for s in [""] + rng.sample(MODEL_SUFFIXES[1:], count - 1)]
            app = App(d, noun, models)
            upstream = [a for u in upstream_of[d] for a in by_domain[u]]
            legacy = []
            if others and rng.random() < legacy_share:
                legacy = by_domain[self_pick(rng, others)]
            gen = AppGenerator(rng, app, list(by_domain[d]), upstream, legacy)
            for rel, text in gen.files().items():
                w.write(f"{d}/{noun}/{rel}", text)
            by_domain[d].append(app)
            apps.append(app)
    write_project(w, apps, domains)
    if with_config:
        w.write("seams.toml", seams_toml(domains, upstream_of))
        truth = {"domains": domains, "apps": {a.label: a.domain for a in apps},
                 "models": sorted(f"{a.label}.{m}" for a in apps for m in a.models),
                 "relations": sorted(r for a in apps for r in a.relations),
                 "tasks": sorted(f"{a.module}.tasks.{t}" for a in apps for t in a.tasks),
                 "violations": sorted(v for a in apps for v in a.violations)}
        w.write("ground_truth.json", json.dumps(truth, indent=1, sort_keys=True) + "\n")
    models = sum(len(a.models) for a in apps)
    return w, len(domains), len(apps), models


def self_pick(rng, seq):
    return seq[rng.randrange(len(seq))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", help="directory to write (must not exist or be empty)")
    parser.add_argument("--lines", type=int, required=True, help="lines to write, at least")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--legacy", type=float, default=0.02,
                        help="share of apps that also reach a domain they must not (default 0.02)")
    parser.add_argument("--no-config", action="store_true", help="do not write seams.toml and ground_truth.json")
    args = parser.parse_args()
    if os.path.isdir(args.out) and os.listdir(args.out):
        sys.exit(f"gen_monorepo: {args.out} is not empty")
    w, domains, apps, models = generate(args.out, args.lines, args.seed, args.legacy, not args.no_config)
    print(f"{w.lines} lines, {w.files} files, {domains} domains, {apps} apps, {models} models")


if __name__ == "__main__":
    main()
