#pragma once
/// ORM queries and transactions, read statically: which relation lookups a
/// query follows from the model it starts at, and which models an
/// `transaction.atomic` block writes.

#include <string>
#include <vector>

#include "lib/discover/project.h"
#include "lib/django/models.h"
#include "lib/django/settings.h"
#include "lib/django/symbols.h"
#include "lib/parse/file_facts.h"

namespace seams {

/// A relation lookup in an ORM call that follows at least one relation:
/// `Order.objects.filter(customer__email=x)` follows orders.Order.customer.
struct JoinInfo {
  std::string path;
  int line = 0;
  std::string module;
  std::string scope;                   ///< Enclosing function or class, "" at module level.
  std::string method;                  ///< The ORM call: filter, select_related, annotate, Prefetch, …
  std::string lookup;                  ///< As written ("customer__email", "-lines__product__name").
  std::string model;                   ///< The model the queryset starts at.
  std::vector<std::string> relations;  ///< Relation fields followed, as declaring "app.Model.field".
  std::vector<std::string> models;     ///< Models visited, the start model first.
  friend auto operator<=>(const JoinInfo&, const JoinInfo&) = default;
};

/// A write through the ORM: save, create, bulk_create, bulk_update, update,
/// delete, get_or_create, update_or_create on a manager, queryset or
/// instance of a known model; add/remove/set/clear on a many-to-many manager.
struct WriteInfo {
  std::string model;     ///< The model whose table is written (the declaring model for an m2m table).
  std::string method;
  std::string path;
  int line = 0;
  std::string scope;
  bool sends_signals = false;  ///< save/create/delete…: Django sends pre/post_save or pre/post_delete.
  /// For a write a transaction reaches through the project functions it calls: those
  /// functions, qualified, outermost first ("shop.services.place_order", "billing.api.bill").
  /// Empty for a write made in the block itself.
  std::vector<std::string> via;
  friend auto operator<=>(const WriteInfo&, const WriteInfo&) = default;
};

/// A `transaction.atomic` block (with statement or decorator) and the writes inside it:
/// made in the block, or by the project functions it calls, to kMaxCallDepth calls deep.
struct TransactionInfo {
  std::string path;
  int line = 0;
  int end_line = 0;
  std::string module;
  std::string scope;    ///< The function holding the block, or the decorated function.
  std::string kind;     ///< "with" or "decorator".
  std::string opener;   ///< What opens it, qualified: "django.db.transaction.atomic", or a project
                        ///< @contextmanager that wraps it ("shop.db.traced_atomic").
  std::vector<WriteInfo> writes;         ///< Sorted; each write once, reached by the fewest calls.
  std::vector<std::string> signals_sent; ///< Project signals sent inside (qualified), sorted.
  std::vector<std::string> calls;        ///< Project functions called inside that write or call further (qualified), sorted.
};

/// What the ORM code of a project does with its tables.
struct QueryFacts {
  std::vector<JoinInfo> joins;                 ///< Every lookup that follows a relation; sorted.
  std::vector<WriteInfo> writes;               ///< Every write found; sorted.
  std::vector<TransactionInfo> transactions;   ///< Every Django atomic block; sorted by path and line.
};

/// How many calls deep a transaction's writes are followed through project functions.
inline constexpr int kMaxCallDepth = 4;

/// Everything query analysis reads.
struct QueryInputs {
  const Project& project;
  const std::vector<FileFacts>& facts;
  const SymbolTable& symbols;
  const ModelCatalog& models;
  const DjangoSettings& settings;
  const DjangoOptions& options;
  unsigned jobs = 0;  ///< Threads (files are independent); 0: one per core.
};

/// Resolves every recorded ORM chain (ChainFact) from the model it starts at —
/// `Model.objects…`, `Model._default_manager…`, a local variable holding a
/// queryset or instance, a related manager (`order.lines…`), `self` in a
/// model's method — through the model graph, and reads Django's atomic blocks:
/// `transaction.atomic` and the project's `@contextmanager` functions that wrap
/// it, with the writes of the project functions a block calls (by name, through
/// imports, or `self.`/`cls.` methods of the enclosing class), except calls
/// deferred to `transaction.on_commit`.
QueryFacts FindQueries(const QueryInputs& inputs);

}  // namespace seams
