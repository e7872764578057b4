#pragma once
/// The data decomposition plan for one assignment of models to contexts (the
/// proposal's, or the contexts agreed in config): which context owns each
/// table, which joins and transactions cross, which constraints must go.

#include <functional>
#include <string>
#include <vector>

#include "lib/data/queries.h"
#include "lib/data/tables.h"
#include "lib/django/django_facts.h"
#include "lib/django/models.h"

namespace seams {

/// The context of a coupling-graph node (a model key or a module name): a
/// context name, "shared_kernel", or "" when it is in none.
using ContextOf = std::function<std::string(const std::string& id)>;

/// A table and its owner.
struct PlannedTable {
  TableInfo table;
  std::string context;  ///< The context of its model.
};

/// A join whose path leaves the context of the model it starts at.
struct CrossJoin {
  JoinInfo join;
  std::vector<std::string> contexts;  ///< Contexts along the path, the starting one first, each once.
};

/// A receiver Django runs inside a transaction, because a write inside sends its signal.
struct ReceiverRun {
  std::string receiver;
  std::string signal;
  std::string context;
  std::string path;
  int line = 0;
  friend auto operator<=>(const ReceiverRun&, const ReceiverRun&) = default;
};

/// A transaction whose writes touch two or more contexts, or that runs a receiver of another context.
struct CrossTransaction {
  TransactionInfo transaction;
  std::vector<std::string> contexts;   ///< Contexts written (and of the receivers run), sorted.
  std::vector<std::string> models;     ///< Models written, sorted.
  std::vector<ReceiverRun> receivers;  ///< Receivers of another context run inside, sorted.
};

/// A foreign-key constraint between tables of two different schemas.
struct Constraint {
  std::string table;        ///< The table holding the column.
  std::string column;
  std::string references;   ///< The referenced table.
  std::string from_model;   ///< The model declaring the relation.
  std::string field;        ///< Its field ("" for multi-table inheritance).
  std::string to_model;
  std::string kind;         ///< fk, o2o, m2m (a column of the m2m table), inherits.
  std::string on_delete;    ///< As written; CASCADE for inheritance and m2m tables (Django's own).
  std::string from_context;
  std::string to_context;
  bool cascade = false;     ///< Deleting a row of `references` deletes rows of `table`, across the boundary.
  std::string path;
  int line = 0;
};

/// The plan.
struct DataPlan {
  std::vector<PlannedTable> tables;           ///< By table name.
  std::vector<CrossJoin> joins;               ///< By path, line, lookup.
  std::vector<CrossTransaction> transactions; ///< By path, line.
  std::vector<Constraint> constraints;        ///< By table, column.
};

/// The schema a context's tables go to: the context name lower-cased with every
/// character other than a-z, 0-9 and _ as _; "public" for no context and the shared kernel.
std::string SchemaOf(const std::string& context);

/// True when `context` is a real context (not "", not the shared kernel).
bool IsContext(const std::string& context);

/// Builds the plan: a join crosses when a model on its path has another context than
/// the model it starts at; a transaction crosses when its writes touch two contexts
/// or a receiver of another context runs inside; a constraint crosses when its two
/// tables go to different schemas (a table of no context stays in public).
DataPlan PlanData(const std::vector<TableInfo>& tables, const ModelCatalog& catalog, const QueryFacts& queries,
                  const DjangoFacts& django, const ContextOf& context_of);

}  // namespace seams
