#pragma once
/// Table ownership: the database tables Django creates for a project's models,
/// named exactly as Django names them, each with the model that owns it.

#include <cstddef>
#include <string>
#include <vector>

#include "lib/django/models.h"
#include "lib/django/settings.h"

namespace seams {

/// PostgreSQL's identifier limit, which Django's PostgreSQL backend reports as
/// `max_name_length()`; longer generated names are shortened with a digest.
inline constexpr std::size_t kPostgresMaxNameLength = 63;

/// One table Django creates.
struct TableInfo {
  std::string table;    ///< As Django names it ("orders_order", "auth_user_groups", Meta.db_table).
  std::string model;    ///< Owning model key; for an auto-created m2m table, the model declaring the field.
  std::string kind;     ///< "model", or "m2m" for the table Django creates for a ManyToManyField without through=.
  std::string field;    ///< The m2m field ("" for a model's own table).
  std::string target;   ///< The m2m field's target model key ("" for a model's own table).
  bool managed = true;  ///< False when Django does not create it (Meta.managed = False).
  std::string path;     ///< Where the model (or the m2m field) is written.
  int line = 0;
  friend bool operator==(const TableInfo&, const TableInfo&) = default;
};

/// Django's `truncate_name`: `identifier` unchanged when it fits in `length`,
/// else its first `length - hash_len` characters and `hash_len` hex digits of
/// the MD5 of the whole name ("namespace"."name" keeps the namespace whole).
std::string TruncateName(const std::string& identifier, std::size_t length, std::size_t hash_len = 4);

/// The table Django gives `model`: Meta.db_table as written, else
/// `<app_label>_<model name lower-cased>` shortened to `max_name_length`.
std::string DefaultTableName(const ModelInfo& model, std::size_t max_name_length = kPostgresMaxNameLength);

/// Every table of the project's concrete models: one per model that is neither
/// abstract, nor a proxy, nor swapped out (auth.User when AUTH_USER_MODEL names
/// another model), and one per ManyToManyField without `through=` (declared on
/// the model or inherited from an abstract base, and the `groups` and
/// `user_permissions` fields of django.contrib.auth's PermissionsMixin), named
/// `<model table>_<field>` or `db_table=`. Sorted by table name.
std::vector<TableInfo> TablesOf(const ModelCatalog& catalog, const DjangoSettings& settings,
                                std::size_t max_name_length = kPostgresMaxNameLength);

}  // namespace seams
