#!/usr/bin/env bash
# schema-split.sql against a real PostgreSQL: Django builds examples/shopwise's
# real schema (the one place analysed code is run: our own example), the script
# is applied, checked, applied again (nothing changes), then the listed
# constraints are dropped and no foreign key between Seams' tables crosses schemas.
# Usage: pg_schema_split_test.sh SOURCE_DIR SHARED_REPORTS_DIR CLUSTERS_DIR
#   (the fixture tests/shared_reports.sh writes SHARED_REPORTS_DIR: `seams analyze
#   examples/shopwise`, whose report.json and schema-split.sql this test reads;
#   CLUSTERS_DIR keeps a fresh initdb's cluster for the next runs)
set -euo pipefail
src=$1 shared=$2 clusters=$3
pgbin=/usr/lib/postgresql/15/bin
python=${SEAMS_PYTHON:-/usr/bin/python3}  # tests/CMakeLists.txt: SEAMS_TEST_PYTHON
fail() { echo "FAIL: $*"; exit 1; }
[ -x "$pgbin/initdb" ] || fail "PostgreSQL 15 not found at $pgbin: install postgresql (.ci/install-deps.sh)"
"$python" -c 'import django, psycopg2' 2>/dev/null || fail "install python3-django and python3-psycopg2"

work=$(mktemp -d)
chmod 755 "$work"
# PostgreSQL refuses to run as root: the server runs as nobody when the test runs as root.
as_server=() server_user=$(id -un)
if [ "$(id -u)" = 0 ]; then as_server=(runuser -u nobody --) server_user=nobody; fi
mkdir -p "$work/pg" "$work/sock"
[ "$(id -u)" = 0 ] && chown nobody "$work/pg" "$work/sock"
stop() {
  "${as_server[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap stop EXIT

# initdb runs once per build tree, PostgreSQL version and server user (~1.5 s): later
# runs copy the cluster it wrote, which no server has opened.
template="$clusters/$("$pgbin/initdb" --version | tr -cs 'A-Za-z0-9.' '-')$server_user"
if [ -f "$template/PG_VERSION" ]; then
  cp -a "$template" "$work/pg/data"
else
  "${as_server[@]}" "$pgbin/initdb" -D "$work/pg/data" -U postgres --auth=trust -E UTF8 --no-sync >"$work/initdb.log" 2>&1 \
    || { cat "$work/initdb.log"; fail initdb; }
  mkdir -p "$clusters" && rm -rf "$template.new" && cp -a "$work/pg/data" "$template.new" && mv "$template.new" "$template"
fi
"${as_server[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -w -l "$work/pg/server.log" \
  -o "-k $work/sock -c listen_addresses='' -c fsync=off -c full_page_writes=off" start >/dev/null \
  || { cat "$work/pg/server.log"; fail "pg_ctl start"; }
psql() { "$pgbin/psql" -h "$work/sock" -U postgres -X -q -v ON_ERROR_STOP=1 "$@"; }
psql -d postgres -c 'CREATE DATABASE shopwise STRATEGY = FILE_COPY'  # no fsync: a copy beats WAL-logging every page

# 1. Django creates shopwise's schema. The test settings list the apps with plain
#    AppConfigs (no ready(): the example's receivers import Celery, which is not needed here).
cat > "$work/pgtest_settings.py" <<PY
# What shopwise.settings.base says about the models (importing the shopwise package would start Celery).
from django.apps import AppConfig
SECRET_KEY = "pg-test"
USE_TZ = True
AUTH_USER_MODEL = "accounts.User"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

class _Config(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"

def _config(name, label=None):
    return type(name.capitalize() + "Config", (_Config,), {"name": name, "label": label or name})

accounts, catalog, inventory, cart, checkout, orders, payments, shipping, notify, reporting = (
    _config("accounts"), _config("catalog"), _config("inventory"), _config("cart"), _config("checkout"),
    _config("orders"), _config("payments"), _config("shipping"), _config("notifications", "notify"),
    _config("reporting"))
INSTALLED_APPS = ["django.contrib.admin", "django.contrib.auth", "django.contrib.contenttypes",
                  "django.contrib.sessions", "django.contrib.messages"] + [
    "pgtest_settings." + n for n in
    "accounts catalog inventory cart checkout orders payments shipping notify reporting".split()]
DATABASES = {"default": {"ENGINE": "django.db.backends.postgresql", "NAME": "shopwise", "USER": "postgres",
                         "HOST": "$work/sock"}}
PY
export PYTHONPATH="$work:$src/examples/shopwise" DJANGO_SETTINGS_MODULE=pgtest_settings
# auth's migrations first: syncdb creates the unmigrated apps' tables before any migration runs,
# and accounts.User's m2m tables point at auth_group and auth_permission.
"$python" -c 'import django; django.setup(); from django.core.management import call_command
call_command("migrate", "auth", verbosity=0); call_command("migrate", run_syncdb=True, verbosity=0)' \
  || fail "Django could not build shopwise's schema"

# 2. Seams writes the script (the shared analysis); apply it.
report="$shared/shopwise/report.json"
sql="$shared/shopwise/schema-split.sql"
[ -s "$report" ] || fail "no shared shopwise analysis in $shared (the shared_reports fixture)"
[ -s "$sql" ] || fail "analyze wrote no schema-split.sql"
snapshot() {
  psql -d shopwise -At -c "SELECT schemaname || '.' || tablename FROM pg_tables WHERE schemaname NOT IN ('pg_catalog','information_schema') ORDER BY 1" > "$1"
  psql -d shopwise -At -c "SELECT conrelid::regclass || ' ' || conname FROM pg_constraint WHERE connamespace <> 'pg_catalog'::regnamespace ORDER BY 1" >> "$1"
  psql -d shopwise -At -c "SELECT array_to_string(setconfig, ',') FROM pg_db_role_setting JOIN pg_database d ON d.oid = setdatabase WHERE d.datname = 'shopwise'" >> "$1"
}
psql -d shopwise -f "$sql" >/dev/null 2>"$work/apply1.log" || { cat "$work/apply1.log"; fail "schema-split.sql failed"; }
snapshot "$work/after1"

# Every table is in the schema Seams assigned, and the monolith still runs through search_path.
"$python" - "$report" <<'PY' || fail "tables not where Seams put them, or the monolith broke"
import json, sys
import django
django.setup()
from django.db import connection, transaction
from django.apps import apps
report = json.load(open(sys.argv[1]))
tables = report["data"]["tables"]
with connection.cursor() as cursor:
    cursor.execute("SELECT tablename, schemaname FROM pg_tables")
    where = dict(cursor.fetchall())
    cursor.execute("SHOW search_path")
    print("search_path:", cursor.fetchone()[0])
wrong = [(t["table"], t["schema"], where.get(t["table"])) for t in tables if where.get(t["table"]) != t["schema"]]
assert not wrong, wrong
moved = sum(1 for t in tables if t["schema"] != "public")
assert moved > 0 and len({t["schema"] for t in tables}) > 3, "nothing moved"
# Every model's table answers an unqualified query, and a join across schemas works.
for model in apps.get_models(include_auto_created=True):
    model.objects.count()
from accounts.models import User
from orders.models import Order
with transaction.atomic():
    User.objects.create(username="ada", email="ada@example.org")
assert Order.objects.filter(customer__email="ada@example.org").count() == 0
print(f"{len(tables)} tables, {moved} moved to {len({t['schema'] for t in tables}) - 1} schemas; the ORM works")
PY

# 3. A second run changes nothing.
psql -d shopwise -f "$sql" >/dev/null 2>"$work/apply2.log" || { cat "$work/apply2.log"; fail "second run failed"; }
snapshot "$work/after2"
diff -u "$work/after1" "$work/after2" || fail "the second run changed the database"

# 4. Drop the listed constraints: no foreign key between Seams' tables crosses schemas.
listed=$("$python" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))["data"]["constraints"]))' "$report")
sed -n 's/^-- DO \$\$/DO $$/p' "$sql" > "$work/drop.sql"
[ "$(wc -l < "$work/drop.sql")" = "$listed" ] || fail "expected $listed commented DROP statements"
[ "$listed" -gt 0 ] || fail "shopwise has cross-context foreign keys; none were listed"
# Foreign keys whose table and target are in different schemas, straight from the
# catalog (no Django: its start costs ~0.7 s), counted as "BETWEEN-SEAMS'-TABLES ALL".
crossing() {
  psql -d shopwise -At -F ' ' -c "SELECT c.relname, r.relname FROM pg_constraint k
    JOIN pg_class c ON c.oid = k.conrelid JOIN pg_namespace cn ON cn.oid = c.relnamespace
    JOIN pg_class r ON r.oid = k.confrelid JOIN pg_namespace rn ON rn.oid = r.relnamespace
    WHERE k.contype = 'f' AND cn.nspname <> rn.nspname" > "$work/crossing.txt" || return
  "$python" - "$report" "$work/crossing.txt" <<'PY'
import json, sys
ours = {t["table"] for t in json.load(open(sys.argv[1]))["data"]["tables"]}
rows = [line.split() for line in open(sys.argv[2]) if line.strip()]
assert all(len(row) == 2 for row in rows), rows
print(sum(1 for t, r in rows if t in ours and r in ours), len(rows))
PY
}
read -r before_ours before_all <<<"$(crossing)"
[ "$before_ours" -gt 0 ] || fail "no foreign key crossed schemas before the drop"
psql -d shopwise -f "$work/drop.sql" >/dev/null 2>"$work/drop.log" || { cat "$work/drop.log"; fail "dropping failed"; }
read -r after_ours after_all <<<"$(crossing)"
[ "$after_ours" = 0 ] || fail "$after_ours foreign keys between Seams' tables still cross schemas"
echo "constraints: $listed listed; crossing FKs between project tables $before_ours -> 0;" \
     "$after_all left that point at or from Django's own tables (django_admin_log, auth_*), which Seams does not own"
echo "PASS"
