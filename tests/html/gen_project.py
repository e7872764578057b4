#!/usr/bin/env python3
"""Writes a large synthetic Django project (netbox-sized: 40 apps, 200 models,
about 1,200 modules) for report.html's browser test. Deterministic: seeded.

Usage: gen_project.py DIR
"""
import os
import random
import sys

APPS, MODELS, VIEWS, EXTRA = 40, 5, 12, 14


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main(root):
    rng = random.Random(13)
    apps = [f"app{a:02d}" for a in range(APPS)]
    # Apps come in families of four that lean on each other, so the project has real seams.
    family = {app: i // 4 for i, app in enumerate(apps)}
    write(f"{root}/manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'site_conf.settings')\n")
    write(f"{root}/site_conf/__init__.py", "")
    write(f"{root}/site_conf/settings.py", "INSTALLED_APPS = [\n" + "".join(f"    '{a}',\n" for a in apps) + "]\n")
    for app in apps:
        near = [b for b in apps if family[b] == family[app] and b != app]
        far = [b for b in apps if family[b] != family[app]]
        write(f"{root}/{app}/__init__.py", "")
        write(f"{root}/{app}/apps.py",
              f"from django.apps import AppConfig\n\n\nclass {app.title()}Config(AppConfig):\n    name = '{app}'\n")
        lines = ["from django.db import models", ""]
        for m in range(MODELS):
            lines += ["", f"class M{m}(models.Model):", "    name = models.CharField(max_length=50)"]
            if m:
                lines.append(f"    parent = models.ForeignKey('M{m - 1}', on_delete=models.CASCADE)")
            if m == 1 and near:
                lines.append(f"    peer = models.ForeignKey('{rng.choice(near)}.M0', on_delete=models.CASCADE)")
            if m == 2 and rng.random() < 0.3:
                lines.append(f"    remote = models.ForeignKey('{rng.choice(far)}.M1', on_delete=models.CASCADE)")
        write(f"{root}/{app}/models.py", "\n".join(lines) + "\n")
        for v in range(VIEWS):
            other = rng.choice(near if rng.random() < 0.8 else far)
            write(f"{root}/{app}/views/v{v:02d}.py",
                  f"from {app}.models import M{v % MODELS}\nfrom {other}.models import M{rng.randrange(MODELS)}\n\n\n"
                  f"def view{v}(request):\n    return M{v % MODELS}.objects.all()\n")
        write(f"{root}/{app}/views/__init__.py", "")
        for x in range(EXTRA):
            target = rng.choice([app] * 3 + near)
            write(f"{root}/{app}/services/s{x:02d}.py",
                  f"from {target}.models import M{rng.randrange(MODELS)}\nfrom {app}.views import v{rng.randrange(VIEWS):02d}\n")
        write(f"{root}/{app}/services/__init__.py", "")


if __name__ == "__main__":
    main(sys.argv[1])
