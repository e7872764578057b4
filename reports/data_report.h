#pragma once
/// The `data` object of report.json: the database decomposition plan for the
/// proposed contexts, and the PostgreSQL script that applies it.

#include <nlohmann/json.hpp>
#include <ostream>

#include "lib/cluster/score.h"
#include "lib/data/plan.h"
#include "lib/pipeline.h"

namespace seams {

/// The proposed context of a node (model key or module) of `analysis`; "" without a proposal.
ContextOf ProposalContextOf(const Analysis& analysis);

/// The models each relation-following lookup visits and each atomic block writes,
/// equal lists counted once: what `seams score` needs to count crossing joins and
/// transactions under any assignment.
DataUses DataUsesOf(const QueryFacts& queries);

/// `{"tables", "joins", "transactions", "constraints", "lookups", "atomic_writes"}` for the proposed contexts
/// (lib/data/plan.h): every table with its owner and schema, and the joins,
/// transactions and foreign-key constraints that cross a boundary.
nlohmann::json BuildDataReport(const Analysis& analysis);

/// `schema-split.sql` from a report's `data`: in one transaction, a schema per
/// context, every managed table of a context moved to it (`ALTER TABLE IF
/// EXISTS public.t SET SCHEMA s`, so a second run changes nothing), and the
/// database's search_path set so unqualified names still resolve; then, after
/// the transaction and commented out, the foreign keys to drop when the
/// databases are split.
void WriteSchemaSplitSql(const nlohmann::json& report, std::ostream& out);

}  // namespace seams
