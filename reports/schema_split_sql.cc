// schema-split.sql: the shared-database phase of the split, as PostgreSQL DDL.

#include <map>
#include <set>
#include <string>

#include "reports/data_report.h"

namespace seams {

using nlohmann::json;

namespace {

// A quoted identifier: "name", with embedded quotes doubled.
std::string Ident(const std::string& name) {
  std::string out = "\"";
  for (char c : name) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

// A string literal: 'text', with embedded quotes doubled.
std::string Literal(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string Str(const json& value) { return value.is_string() ? value.get<std::string>() : std::string(); }

}  // namespace

void WriteSchemaSplitSql(const json& report, std::ostream& out) {
  const json& data = report.at("data");
  std::string project = report.contains("project") ? Str(report["project"].value("name", json(""))) : "";
  std::map<std::string, std::vector<const json*>> by_schema;
  std::vector<const json*> unmanaged, skipped;
  for (const auto& t : data.at("tables")) {
    std::string schema = Str(t.at("schema"));
    if (schema == "public") continue;
    std::string table = Str(t.at("table"));
    // A db_table naming its own schema ('"legacy"."t"') is left where its author put it.
    if (table.find('"') != std::string::npos || table.find('.') != std::string::npos) skipped.push_back(&t);
    else if (!t.at("managed").get<bool>()) unmanaged.push_back(&t);
    else by_schema[schema].push_back(&t);
  }
  std::set<std::string> schemas;
  for (const auto& [schema, tables] : by_schema) schemas.insert(schema);
  for (const json* t : unmanaged) schemas.insert(Str(t->at("schema")));

  out << "-- schema-split.sql for " << project << ", written by `seams analyze` from report.json.\n"
      << "--\n"
      << "-- The shared-database phase of the split: one PostgreSQL schema per proposed context,\n"
      << "-- each table moved to the schema of the context that owns it. The database's\n"
      << "-- search_path lists every schema after public, so the monolith's unqualified queries\n"
      << "-- keep working unchanged, and new tables (migrate) are still created in public.\n"
      << "-- Tables of the shared kernel and of no context stay in public.\n"
      << "--\n"
      << "-- Idempotent: a second run changes nothing. One transaction: all of it or none of it.\n"
      << "-- Run it as the owner of the tables, e.g. psql -v ON_ERROR_STOP=1 -f schema-split.sql.\n"
      << "-- A role with its own search_path (ALTER ROLE … SET search_path) must list the schemas too.\n\n"
      << "BEGIN;\n\n";
  for (const auto& schema : schemas) out << "CREATE SCHEMA IF NOT EXISTS " << Ident(schema) << ";\n";
  if (!schemas.empty()) out << "\n";
  for (const auto& [schema, tables] : by_schema) {
    out << "-- " << schema << ": " << tables.size() << (tables.size() == 1 ? " table\n" : " tables\n");
    for (const json* t : tables) {
      out << "ALTER TABLE IF EXISTS public." << Ident(Str(t->at("table"))) << " SET SCHEMA " << Ident(schema)
          << ";\n";
    }
    out << "\n";
  }
  if (!unmanaged.empty()) {
    out << "-- Unmanaged tables (Meta.managed = False): Django does not create them, so they are\n"
        << "-- moved only when they exist as tables.\n";
    for (const json* t : unmanaged) {
      out << "DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public' AND tablename = "
          << Literal(Str(t->at("table"))) << ") THEN ALTER TABLE public." << Ident(Str(t->at("table")))
          << " SET SCHEMA " << Ident(Str(t->at("schema"))) << "; END IF; END $$;\n";
    }
    out << "\n";
  }
  for (const json* t : skipped) {
    out << "-- Not moved: " << Str(t->at("table")) << " (" << Str(t->at("model"))
        << ") names its own schema in Meta.db_table.\n";
  }
  std::string path = "public";
  for (const auto& schema : schemas) path += ", " + Ident(schema);
  out << "-- Every new session of this database, and this one.\n"
      << "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET search_path = %s', current_database(), "
      << Literal(path) << "); END $$;\n"
      << "SET search_path = " << path << ";\n\n"
      << "COMMIT;\n";

  const json& constraints = data.at("constraints");
  out << "\n-- ---------------------------------------------------------------------------\n"
      << "-- Later, when the databases are split: the " << constraints.size()
      << " foreign-key constraint" << (constraints.size() == 1 ? "" : "s") << " between schemas.\n"
      << "-- Not run by this script. Each is replaced by an ID kept by the service and a check\n"
      << "-- in code (or an event); uncomment a statement to drop its constraint. CASCADE marks a\n"
      << "-- delete that Django propagates into another service's table: redesign it first.\n";
  // Each table's schema (of two entries for one table, the last), looked up per constraint.
  std::map<json, std::string> schema_of;
  for (const auto& t : data.at("tables")) schema_of[t.at("table")] = Str(t.at("schema"));
  auto schema_of_table = [&](const json& table) {
    auto it = schema_of.find(table);
    return it == schema_of.end() ? std::string() : it->second;
  };
  for (const auto& c : constraints) {
    std::string table_schema = schema_of_table(c.at("table")), references_schema = schema_of_table(c.at("references"));
    if (table_schema.empty()) table_schema = "public";
    if (references_schema.empty()) references_schema = "public";
    std::string table = Ident(table_schema) + "." + Ident(Str(c.at("table")));
    std::string references = Ident(references_schema) + "." + Ident(Str(c.at("references")));
    out << "--\n-- " << Str(c.at("from")) << (c.at("field").is_string() ? "." + Str(c.at("field")) : "") << " -> "
        << Str(c.at("to")) << " (" << Str(c.at("kind"))
        << (c.at("on_delete").is_string() ? ", on_delete=" + Str(c.at("on_delete")) : "") << ")"
        << (c.at("cascade").get<bool>() ? "  CASCADE across the boundary" : "") << "  " << Str(c.at("path")) << ":"
        << c.at("line").get<int>() << "\n"
        << "-- DO $$ DECLARE c name; BEGIN SELECT con.conname INTO c FROM pg_constraint con JOIN pg_attribute a"
        << " ON a.attrelid = con.conrelid AND a.attnum = con.conkey[1] WHERE con.contype = 'f'"
        << " AND con.conrelid = to_regclass(" << Literal(table) << ") AND con.confrelid = to_regclass("
        << Literal(references) << ") AND a.attname = " << Literal(Str(c.at("column")))
        << "; IF c IS NOT NULL THEN EXECUTE format('ALTER TABLE %s DROP CONSTRAINT %I', " << Literal(table)
        << ", c); END IF; END $$;\n";
  }
}

}  // namespace seams
