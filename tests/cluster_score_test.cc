// ScoreAssignment on a graph small enough to score by hand: two contexts, a
// kernel node and an unassigned one, which stay out of the partition measures.

#include <catch2/catch.hpp>

#include "lib/cluster/score.h"
#include "lib/core/error.h"

namespace seams {
namespace {

CouplingNode Node(const std::string& id, NodeKind kind, const std::string& module) {
  CouplingNode n;
  n.id = id;
  n.kind = kind;
  n.module = module;
  n.group = id.substr(0, id.find('.'));
  return n;
}

CouplingEdge Edge(int from, int to, CouplingKind kind, double weight) {
  CouplingEdge e;
  e.from = from;
  e.to = to;
  e.kind = kind;
  e.count = 1;
  e.weight = weight;
  return e;
}

// 0 a.M (model, A), 1 a.v (A), 2 b.N (model, B), 3 k (kernel), 4 t (none).
CouplingGraph HandGraph() {
  CouplingGraph g;
  g.nodes = {Node("a.M", NodeKind::kModel, "a.models"), Node("a.v", NodeKind::kModule, "a.v"),
             Node("b.N", NodeKind::kModel, "b.models"), Node("k", NodeKind::kModule, "k"),
             Node("t", NodeKind::kModule, "t")};
  g.edges = {Edge(1, 0, CouplingKind::kImport, 1), Edge(1, 2, CouplingKind::kUsesModel, 3),
             Edge(2, 0, CouplingKind::kFk, 5),     Edge(1, 3, CouplingKind::kImport, 1),
             Edge(2, 3, CouplingKind::kFk, 5),     Edge(4, 0, CouplingKind::kImport, 1)};
  return g;
}

TEST_CASE("score: crossing joins and transactions under any assignment, with the data plan", "[score]") {
  DataUses data;
  // Lookups: a.M → b.N twice; b.N → a.M; a.M alone (own fields only is not a join, but a one-model
  // path must not count); a path starting at the kernel model; one through a model not in the graph.
  data.lookups = {{{"a.M", "b.N"}, 2}, {{"b.N", "a.M"}, 1}, {{"a.M"}, 4}, {{"x.Gone", "a.M", "b.N"}, 1}};
  data.atomic_writes = {{{"a.M", "b.N"}, 3}, {{"a.M"}, 5}, {{"a.M", "x.Gone"}, 1}};
  SECTION("a.M and b.N apart") {
    const Score s = ScoreAssignment(HandGraph(), {"A", "A", "B", "shared_kernel", ""}, &data);
    REQUIRE(s.cross_context_joins);
    CHECK(*s.cross_context_joins == 3);  // 2 + 1; the path from a model in no context does not count
    REQUIRE(s.cross_context_transactions);
    CHECK(*s.cross_context_transactions == 3);
  }
  SECTION("a.M and b.N together: nothing crosses") {
    const Score s = ScoreAssignment(HandGraph(), {"A", "A", "A", "shared_kernel", ""}, &data);
    CHECK(*s.cross_context_joins == 0);
    CHECK(*s.cross_context_transactions == 0);
  }
  SECTION("a model in the kernel is in no context") {
    const Score s = ScoreAssignment(HandGraph(), {"shared_kernel", "A", "B", "shared_kernel", ""}, &data);
    CHECK(*s.cross_context_joins == 0);
    CHECK(*s.cross_context_transactions == 0);
  }
  SECTION("without the data plan the measures are absent") {
    const Score s = ScoreAssignment(HandGraph(), {"A", "A", "B", "shared_kernel", ""});
    CHECK_FALSE(s.cross_context_joins);
    CHECK_FALSE(s.cross_context_transactions);
  }
}

TEST_CASE("score: partition measures count only the nodes in contexts", "[score]") {
  const Score s = ScoreAssignment(HandGraph(), {"A", "A", "B", "shared_kernel", ""});
  CHECK(s.assigned == 3);
  CHECK(s.shared_kernel == 1);
  CHECK(s.unassigned == 1);
  // m = 9 (1 inside A, 3 + 5 across); degrees A 10, B 8.
  CHECK(s.modularity == Approx(1.0 / 9 - (10.0 / 18) * (10.0 / 18) - (8.0 / 18) * (8.0 / 18)).epsilon(1e-12));
  CHECK(s.inter_call_percentage == Approx(8.0 / 9));
  CHECK(s.interface_number == Approx(1.0));  // a.M and b.N receive from the other context; 2 / 2
  CHECK(s.structural_modularity == Approx((1.0 / 4 + 0.0) / 2 - 8.0 / (2 * 2 * 1)));
  CHECK(s.non_extreme_distribution == Approx(1.0));
  CHECK(s.cross_context_weight == 8);
  CHECK(s.cross_context_foreign_keys == 1);
  REQUIRE(s.contexts.size() == 2);
  CHECK(s.contexts[0].name == "A");
  CHECK(s.contexts[0].members == 2);
  CHECK(s.contexts[0].models == 1);
  CHECK(s.contexts[0].cohesion == Approx(1.0 / 9));
  CHECK(s.contexts[1].cohesion == 0);
  CHECK(s.contexts[1].coupling == 1);
  REQUIRE(s.cross_context.size() == 2);
  CHECK(s.cross_context[0].from == "A");
  CHECK(s.cross_context[0].counts.at("uses_model") == 1);
  CHECK(s.cross_context[1].foreign_keys == 1);
}

TEST_CASE("score: extraction order is the proposal's difficulty, ties by name", "[score]") {
  const Score s = ScoreAssignment(HandGraph(), {"B", "B", "A", "shared_kernel", ""});
  // B (a.M, a.v): in 5, out 3, kernel 1, 1 fk → 8.75; A (b.N): in 3, out 5, kernel 5, 1 fk → 8.75.
  REQUIRE(s.extraction_order.size() == 2);
  CHECK(s.extraction_order[0].context == "A");
  CHECK(s.extraction_order[0].difficulty == Approx(8.75));
  CHECK(s.extraction_order[0].kernel_weight == 5);
  CHECK(s.extraction_order[1].context == "B");
  CHECK(s.extraction_order[1].rank == 2);
  CHECK(s.extraction_order[1].inbound_weight == 5);
}

TEST_CASE("score: a single context has no crossing, empty assignment scores zero", "[score]") {
  const Score one = ScoreAssignment(HandGraph(), {"A", "A", "A", "", ""});
  CHECK(one.cross_context.empty());
  CHECK(one.inter_call_percentage == 0);
  CHECK(one.contexts[0].cohesion == 1);
  const Score none = ScoreAssignment(HandGraph(), {"", "", "", "", ""});
  CHECK(none.modularity == 0);
  CHECK(none.contexts.empty());
  CHECK_THROWS_AS(ScoreAssignment(HandGraph(), {"A"}), SeamsError);
}

TEST_CASE("score: tests and migrations are left out", "[score]") {
  CouplingGraph g = HandGraph();
  g.nodes[1].is_test = true;
  std::vector<std::string> assignment = {"A", "A", "B", "shared_kernel", ""};
  LeaveOutTestsAndMigrations(g, &assignment);
  CHECK(assignment[1].empty());
  CHECK(ScoreAssignment(g, assignment).cross_context_weight == 5);
}

}  // namespace
}  // namespace seams
