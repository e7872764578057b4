#pragma once
/// The edge kinds of the coupling graph: one table of name, default weight and
/// meaning, read by the graph builder, config validation, `--weight`, `--help`,
/// the reports and the JSON Schema test (tests/tables_test.cc).
///
/// To add a kind: add its enumerator to CouplingKind and its row to kEdgeKinds,
/// at the same position (a static_assert checks the count, a test the order).

#include <array>
#include <cstddef>
#include <map>
#include <string>

namespace seams {

/// Edge kinds, in the order of kEdgeKinds.
enum class CouplingKind {
  kFk, kM2m, kInherits, kInheritsAbstract, kUsesModel, kSignal, kImport, kImportLazy, kImportTyping, kTaskCall,
  kUrlInclude
};

/// One row of the edge-kind table.
struct EdgeKindInfo {
  CouplingKind kind;
  const char* name;            ///< As written in reports, config and `--weight`.
  double default_weight;       ///< Weight of one piece of evidence unless config or flags say otherwise.
  const char* description;     ///< What produces it, from → to.
};

/// The table itself, in enum order.
inline constexpr EdgeKindInfo kEdgeKinds[] = {
    {CouplingKind::kFk, "fk", 5, "ForeignKey or OneToOneField, model → model"},
    {CouplingKind::kM2m, "m2m", 4, "ManyToManyField (and its through model), model → model"},
    {CouplingKind::kInherits, "inherits", 6, "concrete model inheritance, model → model"},
    {CouplingKind::kInheritsAbstract, "inherits_abstract", 2, "abstract or mixin model base, model → model"},
    {CouplingKind::kUsesModel, "uses_model", 3,
     "a view, serializer, form, admin, task or loader uses a model (or a GenericRelation), module → model"},
    {CouplingKind::kSignal, "signal", 2, "a receiver connected to another module's model or signal, module → model"},
    {CouplingKind::kImport, "import", 1, "a module-level import, module → module or model"},
    {CouplingKind::kImportLazy, "import_lazy", 0.5, "an import inside a function, module → module or model"},
    {CouplingKind::kImportTyping, "import_typing", 0.25, "an import under `if TYPE_CHECKING:`, module → module or model"},
    {CouplingKind::kTaskCall, "task_call", 1, "`.delay()` / `.apply_async()` of another module's task, module → module"},
    {CouplingKind::kUrlInclude, "url_include", 1, "`include('x.urls')` or a route to a view, module → module"},
};

inline constexpr std::size_t kCouplingKinds = std::size(kEdgeKinds);
static_assert(kCouplingKinds == static_cast<std::size_t>(CouplingKind::kUrlInclude) + 1,
              "every CouplingKind needs its row in kEdgeKinds");

/// The row of `kind`.
const EdgeKindInfo& EdgeKindOf(CouplingKind kind);

/// "fk", "m2m", "inherits", … as in the reports.
const char* CouplingKindName(CouplingKind kind);

/// Parses a kind name; returns false for an unknown one.
bool ParseCouplingKind(const std::string& name, CouplingKind* kind);

/// Every kind name in table order, comma separated ("fk, m2m, …"), for messages and --help.
std::string CouplingKindList();

/// Weight per edge kind: the table's defaults, overridden by config and flags.
/// The one weight table of a run: the import graph and the coupling graph both read it.
struct CouplingWeights {
  std::array<double, kCouplingKinds> weight = Defaults();
  double Of(CouplingKind kind) const { return weight[static_cast<std::size_t>(kind)]; }
  void Set(CouplingKind kind, double value) { weight[static_cast<std::size_t>(kind)] = value; }
  static constexpr std::array<double, kCouplingKinds> Defaults() {
    std::array<double, kCouplingKinds> out{};
    for (std::size_t k = 0; k < kCouplingKinds; ++k) out[k] = kEdgeKinds[k].default_weight;
    return out;
  }
};

/// Parses `--weight KIND=VALUE`. Throws SeamsError(kUsage) naming the known kinds
/// for an unknown kind, or for a value that is not a finite number ≥ 0.
std::pair<CouplingKind, double> ParseWeightAssignment(const std::string& text);

}  // namespace seams
