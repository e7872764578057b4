// Tree-sitter → FileFacts. The only file besides parse_project.cc that sees tree-sitter.

#include <tree_sitter/api.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <memory>
#include <set>
#include <string_view>
#include <unordered_set>

#include "lib/parse/decode.h"
#include "lib/parse/parse.h"
#include "lib/parse/ts_parser.h"

namespace seams {

namespace {

// Deeper nesting than this is not walked (it would only be generated code) so
// that a pathological file cannot exhaust the thread's stack.
constexpr int kMaxDepth = 400;
// Expressions are modelled this deep; deeper parts become kOther.
constexpr int kMaxExprDepth = 12;
constexpr size_t kMaxOtherText = 80;

// Symbol ids of the node types we look at, looked up once per language.
struct Symbols {
  TSSymbol import_statement, import_from_statement, future_import_statement, aliased_import, dotted_name,
      relative_import, import_prefix, wildcard_import, class_definition, function_definition,
      decorated_definition, decorator, if_statement, try_statement, except_clause, expression_statement,
      assignment, augmented_assignment, call, attribute, identifier, string, concatenated_string,
      string_content, interpolation, string_start, integer, float_, true_, false_, none, list, tuple, set,
      dictionary, pair, parenthesized_expression, binary_operator, keyword_argument, list_splat,
      dictionary_splat, argument_list, comment, block, expression_list, pattern_list, with_statement, with_item,
      for_statement, subscript;
  TSFieldId f_object, f_attribute, f_key, f_value, f_left, f_right, f_operator, f_function, f_arguments, f_name,
      f_alias, f_module_name, f_definition, f_superclasses, f_body, f_parameters, f_condition, f_consequence;

  explicit Symbols(const TSLanguage* lang) {
    auto id = [lang](const char* name, bool named = true) {
      return ts_language_symbol_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)), named);
    };
    import_statement = id("import_statement");
    import_from_statement = id("import_from_statement");
    future_import_statement = id("future_import_statement");
    aliased_import = id("aliased_import");
    dotted_name = id("dotted_name");
    relative_import = id("relative_import");
    import_prefix = id("import_prefix");
    wildcard_import = id("wildcard_import");
    class_definition = id("class_definition");
    function_definition = id("function_definition");
    decorated_definition = id("decorated_definition");
    decorator = id("decorator");
    if_statement = id("if_statement");
    try_statement = id("try_statement");
    except_clause = id("except_clause");
    expression_statement = id("expression_statement");
    assignment = id("assignment");
    augmented_assignment = id("augmented_assignment");
    call = id("call");
    attribute = id("attribute");
    identifier = id("identifier");
    string = id("string");
    concatenated_string = id("concatenated_string");
    string_content = id("string_content");
    interpolation = id("interpolation");
    string_start = id("string_start");
    integer = id("integer");
    float_ = id("float");
    true_ = id("true");
    false_ = id("false");
    none = id("none");
    list = id("list");
    tuple = id("tuple");
    set = id("set");
    dictionary = id("dictionary");
    pair = id("pair");
    parenthesized_expression = id("parenthesized_expression");
    binary_operator = id("binary_operator");
    keyword_argument = id("keyword_argument");
    list_splat = id("list_splat");
    dictionary_splat = id("dictionary_splat");
    argument_list = id("argument_list");
    comment = id("comment");
    block = id("block");
    expression_list = id("expression_list");
    pattern_list = id("pattern_list");
    with_statement = id("with_statement");
    with_item = id("with_item");
    for_statement = id("for_statement");
    subscript = id("subscript");
    auto field = [lang](const char* name) {
      return ts_language_field_id_for_name(lang, name, static_cast<uint32_t>(std::strlen(name)));
    };
    f_object = field("object");
    f_attribute = field("attribute");
    f_key = field("key");
    f_value = field("value");
    f_left = field("left");
    f_right = field("right");
    f_operator = field("operator");
    f_function = field("function");
    f_arguments = field("arguments");
    f_name = field("name");
    f_alias = field("alias");
    f_module_name = field("module_name");
    f_definition = field("definition");
    f_superclasses = field("superclasses");
    f_body = field("body");
    f_parameters = field("parameters");
    f_condition = field("condition");
    f_consequence = field("consequence");
  }
};

const Symbols& Syms() {
  static const Symbols symbols(PythonLanguage());
  return symbols;
}

// Where a node sits: what changes how its imports and assignments count.
struct Context {
  std::string scope;  // qualified name of the enclosing def/class
  int scope_function = -1;  // index in FileFacts::functions of the def that `scope` names, else -1
  int scope_class = -1;     // index in FileFacts::classes of the class that `scope` names, else -1
  bool in_function = false;
  bool in_class = false;
  bool type_checking = false;
  bool guarded = false;
};

int Line(TSNode node) { return static_cast<int>(ts_node_start_point(node).row) + 1; }
int Column(TSNode node) { return static_cast<int>(ts_node_start_point(node).column) + 1; }

class Extractor {
 public:
  Extractor(const std::string& source, const ParseOptions& options, FileFacts* facts)
      : source_(source), options_(options), facts_(facts), s_(Syms()) {}

  ~Extractor() {
    for (auto& cursor : cursors_) ts_tree_cursor_delete(&cursor);
  }

  void Run(TSNode root) {
    Context context;
    ForEachNamedChild(root, [&](TSNode child, TSFieldId) { Visit(child, context, 1); });
    KeepReachableCallSites();
  }
  /// The chains the walk recorded, packed (they are kept packed until the data stage).
  PackedChains PackedChainsFound() const { return PackedChains(chains_); }

 private:
  // A call inside a function whose callee is a dotted name: kept raw (nodes and indices, no
  // strings) until the file is read, because only the ones whose first name the file binds stay.
  struct RawCallSite {
    TSNode callee;
    uint32_t head_start, head_end;  // bytes of the first name
    int scope_function, scope_class;
    int line;
    bool deferred;
  };
  void NoteCallSite(TSNode callee, const Context& context, TSNode call) {
    TSNode head = callee;
    while (ts_node_symbol(head) == s_.attribute) {
      head = Field(head, s_.f_object);
      if (ts_node_is_null(head)) return;
    }
    if (ts_node_symbol(head) != s_.identifier) return;  // `f().g()`, `x[0].g()`: not a dotted name
    raw_sites_.push_back({callee, ts_node_start_byte(head), ts_node_end_byte(head), context.scope_function,
                          context.scope_class, Line(call), deferred_ > 0});
  }

  // Call sites stay when their first name is self, cls, or a name the file imports
  // or defines at module level: only those can reach a project function by name.
  // Calls on parameters and locals (`qs.filter`, `logger.info` …) are dropped, which keeps the facts small.
  void KeepReachableCallSites() {
    std::unordered_set<std::string_view> bound = {"self", "cls"};
    for (const auto& i : facts_->imports) {
      if (!i.alias.empty()) bound.insert(i.alias);
      else if (i.is_from) bound.insert(i.name);
      else bound.insert(std::string_view(i.module).substr(0, i.module.find('.')));
    }
    for (const auto& f : facts_->functions) {
      if (f.scope.empty()) bound.insert(f.name);
    }
    for (const auto& c : facts_->classes) {
      if (c.scope.empty()) bound.insert(c.name);
    }
    std::vector<CallSiteFact> sites;
    for (const auto& raw : raw_sites_) {
      std::string_view head(source_.data() + raw.head_start, raw.head_end - raw.head_start);
      if (!bound.count(head)) continue;
      if (raw.scope_function < 0 && raw.scope_class < 0) continue;
      std::string callee = DottedName(raw.callee);
      if (callee.empty()) continue;
      const std::string& scope = raw.scope_function >= 0 ? facts_->functions[raw.scope_function].qualname
                                                          : facts_->classes[raw.scope_class].qualname;
      sites.push_back({std::move(callee), scope, raw.line, raw.deferred});
    }
    raw_sites_.clear();
    facts_->call_sites = PackedCallSites(sites);
  }

  // Calls fn(child, field_id) for each named child. One cursor per nesting depth is
  // kept and reset, so walking a file allocates a handful of cursors, not one per node.
  template <typename Fn>
  void ForEachNamedChild(TSNode node, Fn&& fn) const {
    if (ts_node_child_count(node) == 0) return;
    if (cursor_depth_ == cursors_.size()) {
      cursors_.push_back(ts_tree_cursor_new(node));
    } else {
      ts_tree_cursor_reset(&cursors_[cursor_depth_], node);
    }
    TSTreeCursor* cursor = &cursors_[cursor_depth_];  // a deque: stays valid while deeper levels are added
    ++cursor_depth_;
    if (ts_tree_cursor_goto_first_child(cursor)) {
      do {
        TSNode child = ts_tree_cursor_current_node(cursor);
        if (ts_node_is_named(child)) fn(child, ts_tree_cursor_current_field_id(cursor));
      } while (ts_tree_cursor_goto_next_sibling(cursor));
    }
    --cursor_depth_;
  }

  TSNode Field(TSNode node, TSFieldId id) const { return ts_node_child_by_field_id(node, id); }

  std::string Text(TSNode node, std::size_t max = std::string::npos) const {
    uint32_t start = ts_node_start_byte(node), end = ts_node_end_byte(node);
    if (end > source_.size() || start > end) return "";
    return source_.substr(start, std::min<std::size_t>(end - start, max));
  }

  // "a.b.c" for an identifier or an attribute chain of identifiers; "" otherwise.
  std::string DottedName(TSNode node) const {
    TSSymbol sym = ts_node_symbol(node);
    if (sym == s_.identifier) return Text(node);
    if (sym == s_.dotted_name) {
      std::string out;
      ForEachNamedChild(node, [&](TSNode part, TSFieldId) {
        if (!out.empty()) out += '.';
        out += Text(part);
      });
      return out;
    }
    if (sym == s_.attribute) {
      TSNode object = Field(node, s_.f_object);
      TSNode attr = Field(node, s_.f_attribute);
      if (ts_node_is_null(object) || ts_node_is_null(attr)) return "";
      std::string base = DottedName(object);
      if (base.empty()) return "";
      return base + "." + Text(attr);
    }
    return "";
  }

  Expr MakeOther(TSNode node) const {
    Expr expr;
    expr.kind = Expr::Kind::kOther;
    expr.text = Text(node, kMaxOtherText);  // never the whole text of a large node, then cut
    expr.line = Line(node);
    return expr;
  }

  // A string literal's value, or false when it is an f-string / bytes or has interpolation.
  bool StringValue(TSNode node, std::string* value) const {
    TSSymbol sym = ts_node_symbol(node);
    if (sym == s_.concatenated_string) {
      std::string all;
      bool ok = true;
      ForEachNamedChild(node, [&](TSNode part, TSFieldId) {
        std::string piece;
        if (ok && StringValue(part, &piece)) all += piece; else ok = false;
      });
      if (ok) *value = std::move(all);
      return ok;
    }
    if (sym != s_.string) return false;
    bool ok = true;
    std::string out;
    ForEachNamedChild(node, [&](TSNode part, TSFieldId) {
      TSSymbol ps = ts_node_symbol(part);
      if (ps == s_.interpolation) ok = false;
      else if (ps == s_.string_start) {
        std::string start = Text(part);
        for (char c : start) {
          if (c == 'f' || c == 'F' || c == 'b' || c == 'B' || c == 't' || c == 'T') ok = false;
        }
      } else if (ps == s_.string_content) out += Text(part);
    });
    if (ok) *value = std::move(out);
    return ok;
  }

  Expr MakeExpr(TSNode node, int depth) const {
    if (depth > kMaxExprDepth) return MakeOther(node);
    TSSymbol sym = ts_node_symbol(node);
    Expr expr;
    expr.line = Line(node);
    if (sym == s_.identifier || sym == s_.attribute) {
      std::string dotted = DottedName(node);
      if (!dotted.empty()) {
        expr.kind = Expr::Kind::kName;
        expr.text = std::move(dotted);
        return expr;
      }
      if (sym == s_.attribute) {
        TSNode object = Field(node, s_.f_object);
        TSNode attr = Field(node, s_.f_attribute);
        if (!ts_node_is_null(object) && !ts_node_is_null(attr)) {
          expr.kind = Expr::Kind::kAttribute;
          expr.text = Text(attr);
          expr.items.push_back(MakeExpr(object, depth + 1));
          return expr;
        }
      }
      return MakeOther(node);
    }
    if (sym == s_.string || sym == s_.concatenated_string) {
      std::string value;
      if (StringValue(node, &value)) {
        expr.kind = Expr::Kind::kString;
        expr.text = std::move(value);
        return expr;
      }
      return MakeOther(node);
    }
    if (sym == s_.integer || sym == s_.float_) {
      expr.kind = Expr::Kind::kNumber;
      expr.text = Text(node);
      return expr;
    }
    if (sym == s_.true_ || sym == s_.false_ || sym == s_.none) {
      expr.kind = Expr::Kind::kConst;
      expr.text = Text(node);
      return expr;
    }
    if (sym == s_.parenthesized_expression) {
      Expr inner = MakeOther(node);
      ForEachNamedChild(node, [&](TSNode child, TSFieldId) {
        if (ts_node_symbol(child) != s_.comment) inner = MakeExpr(child, depth + 1);
      });
      return inner;
    }
    if (sym == s_.list || sym == s_.tuple || sym == s_.set || sym == s_.expression_list) {
      expr.kind = sym == s_.list || sym == s_.set ? Expr::Kind::kList : Expr::Kind::kTuple;
      ForEachNamedChild(node, [&](TSNode child, TSFieldId) {
        if (ts_node_symbol(child) != s_.comment) expr.items.push_back(MakeExpr(child, depth + 1));
      });
      return expr;
    }
    if (sym == s_.dictionary) {
      expr.kind = Expr::Kind::kDict;
      ForEachNamedChild(node, [&](TSNode child, TSFieldId) {
        if (ts_node_symbol(child) != s_.pair) return;
        TSNode key = Field(child, s_.f_key);
        TSNode value = Field(child, s_.f_value);
        if (ts_node_is_null(key) || ts_node_is_null(value)) return;
        std::string key_text;
        if (StringValue(key, &key_text)) {
          expr.keywords.emplace_back(key_text, MakeExpr(value, depth + 1));
        } else {
          expr.items.push_back(MakeExpr(value, depth + 1));
        }
      });
      return expr;
    }
    if (sym == s_.binary_operator) {
      TSNode left = Field(node, s_.f_left);
      TSNode right = Field(node, s_.f_right);
      TSNode op = Field(node, s_.f_operator);
      if (ts_node_is_null(left) || ts_node_is_null(right) || ts_node_is_null(op)) return MakeOther(node);
      expr.kind = Expr::Kind::kBinOp;
      expr.text = Text(op);
      expr.items.push_back(MakeExpr(left, depth + 1));
      expr.items.push_back(MakeExpr(right, depth + 1));
      return expr;
    }
    if (sym == s_.call) return MakeCall(node, depth);
    return MakeOther(node);
  }

  Expr MakeCall(TSNode node, int depth) const {
    Expr expr;
    expr.kind = Expr::Kind::kCall;
    expr.line = Line(node);
    TSNode function = Field(node, s_.f_function);
    TSNode arguments = Field(node, s_.f_arguments);
    if (!ts_node_is_null(function)) expr.text = DottedName(function);
    if (ts_node_is_null(arguments) || ts_node_symbol(arguments) != s_.argument_list) return expr;
    ForEachNamedChild(arguments, [&](TSNode arg, TSFieldId) {
      TSSymbol sym = ts_node_symbol(arg);
      if (sym == s_.comment) return;
      if (sym == s_.keyword_argument) {
        TSNode name = Field(arg, s_.f_name);
        TSNode value = Field(arg, s_.f_value);
        if (!ts_node_is_null(name) && !ts_node_is_null(value))
          expr.keywords.emplace_back(Text(name), MakeExpr(value, depth + 1));
      } else if (sym == s_.list_splat || sym == s_.dictionary_splat) {
        expr.items.push_back(MakeOther(arg));
      } else {
        expr.items.push_back(MakeExpr(arg, depth + 1));
      }
    });
    return expr;
  }

  // Walks the children of `node` with `context`.
  void VisitChildren(TSNode node, const Context& context, int depth) {
    if (depth > kMaxDepth) {
      if (!depth_reported_) {
        depth_reported_ = true;
        facts_->diagnostics.push_back({"nesting-too-deep", Severity::kNote, "", Line(node), Column(node),
                                       "syntax nested deeper than " + std::to_string(kMaxDepth) +
                                           " levels; the deeper part was not analysed"});
      }
      return;
    }
    ForEachNamedChild(node, [&](TSNode child, TSFieldId) { Visit(child, context, depth + 1); });
  }

  // `# seams: ignore` or `# seams: ignore[a, b]` anywhere in a comment.
  void HandleComment(TSNode node) {
    std::string text = Text(node);
    auto at = text.find("seams: ignore");
    if (at == std::string::npos) return;
    SuppressionFact fact;
    fact.line = Line(node);
    std::size_t rest = at + 13;
    if (rest < text.size() && text[rest] == '[') {
      auto close = text.find(']', rest);
      std::string list = text.substr(rest + 1, close == std::string::npos ? std::string::npos : close - rest - 1);
      std::string current;
      for (char c : list + ",") {
        if (c == ',') {
          auto b = current.find_first_not_of(" \t"), e = current.find_last_not_of(" \t");
          if (b != std::string::npos) fact.rules.push_back(current.substr(b, e - b + 1));
          current.clear();
        } else {
          current += c;
        }
      }
    }
    facts_->suppressions.push_back(std::move(fact));
  }

  void Visit(TSNode node, const Context& context, int depth) {
    TSSymbol sym = ts_node_symbol(node);
    if (sym == s_.comment) return HandleComment(node);
    if (sym == s_.string || sym == s_.identifier || sym == s_.integer) return;
    if (sym == s_.import_statement) return HandleImport(node, context);
    if (sym == s_.import_from_statement) return HandleFromImport(node, context);
    if (sym == s_.future_import_statement) return;
    if (sym == s_.decorated_definition) return HandleDecorated(node, context, depth);
    if (sym == s_.class_definition) return HandleClass(node, {}, context, depth);
    if (sym == s_.function_definition) return HandleFunction(node, {}, context, depth);
    if (sym == s_.if_statement) return HandleIf(node, context, depth);
    if (sym == s_.try_statement) return HandleTry(node, context, depth);
    if (sym == s_.expression_statement && !context.in_function) HandleAssignment(node, context);
    if (sym == s_.assignment) NoteTarget(Field(node, s_.f_left), Field(node, s_.f_right), false);
    if (sym == s_.for_statement) NoteTarget(Field(node, s_.f_left), Field(node, s_.f_right), true);
    if (sym == s_.with_statement) HandleWith(node, context);
    int chain = -1;
    if ((sym == s_.call || sym == s_.attribute || sym == s_.subscript) && !spine_.erase(node.id))
      chain = HandleChain(node, context);
    bool defers = false;
    if (sym == s_.call) defers = HandleCall(node, context);
    if (sym == s_.attribute) HandleAttribute(node, context);
    if (chain >= 0) chain_stack_.push_back(chain);
    deferred_ += defers ? 1 : 0;
    VisitChildren(node, context, depth);
    deferred_ -= defers ? 1 : 0;
    if (chain >= 0) chain_stack_.pop_back();
  }

  // `name = <chain>` or `for name in <chain>`: the chain is bound to a local name.
  void NoteTarget(TSNode left, TSNode right, bool iterated) {
    if (ts_node_is_null(left) || ts_node_is_null(right) || ts_node_symbol(left) != s_.identifier) return;
    pending_target_ = {right.id, Text(left), iterated};
  }

  // Flattens `a.b(x).c[0].d(y)` into its root dotted name and links; the inner
  // call/attribute/subscript nodes are remembered so they are not chains of their own.
  bool Flatten(TSNode node, ChainFact* chain, int depth) {
    if (depth > 64) return false;
    TSSymbol sym = ts_node_symbol(node);
    if (sym == s_.identifier) {
      chain->root = Text(node);
      return true;
    }
    if (sym == s_.attribute) {
      TSNode object = Field(node, s_.f_object), attr = Field(node, s_.f_attribute);
      if (ts_node_is_null(object) || ts_node_is_null(attr)) return false;
      spine_.insert(object.id);
      if (!Flatten(object, chain, depth + 1)) return false;
      if (chain->links.empty()) chain->root += "." + Text(attr);
      else chain->links.push_back({Text(attr), Expr{}, Line(attr), false});
      return true;
    }
    if (sym == s_.call) {
      TSNode function = Field(node, s_.f_function);
      if (ts_node_is_null(function)) return false;
      spine_.insert(function.id);
      if (!Flatten(function, chain, depth + 1)) return false;
      ChainLink link;
      link.call = true;
      link.args = MakeCall(node, 0);
      link.line = Line(node);
      if (!chain->links.empty() && !chain->links.back().call && chain->links.back().name != "[]") {
        link.name = chain->links.back().name;
        link.line = chain->links.back().line;  // the method's own line in a multi-line chain
        chain->links.back() = std::move(link);
      } else if (chain->links.empty() && chain->root.find('.') != std::string::npos) {
        auto dot = chain->root.rfind('.');
        link.name = chain->root.substr(dot + 1);
        chain->root.resize(dot);
        chain->links.push_back(std::move(link));
      } else {
        link.name = "()";
        chain->links.push_back(std::move(link));
      }
      return true;
    }
    if (sym == s_.subscript) {
      TSNode value = Field(node, s_.f_value);
      if (ts_node_is_null(value)) return false;
      spine_.insert(value.id);
      if (!Flatten(value, chain, depth + 1)) return false;
      chain->links.push_back({"[]", Expr{}, Line(node), false});
      return true;
    }
    return false;
  }

  // Walks the spine Flatten would walk, marking the same inner nodes, without
  // building anything: false where Flatten would fail; `orm` when a call of the
  // spine is a method in chain_methods (the only calls Flatten names after an
  // attribute). Most calls and attributes are not ORM chains, and this saves
  // building their links and arguments only to drop them.
  bool ScanChain(TSNode node, bool* orm, int depth) {
    if (depth > 64) return false;
    TSSymbol sym = ts_node_symbol(node);
    if (sym == s_.identifier) return true;
    if (sym == s_.attribute) {
      TSNode object = Field(node, s_.f_object), attr = Field(node, s_.f_attribute);
      if (ts_node_is_null(object) || ts_node_is_null(attr)) return false;
      spine_.insert(object.id);
      return ScanChain(object, orm, depth + 1);
    }
    if (sym == s_.call) {
      TSNode function = Field(node, s_.f_function);
      if (ts_node_is_null(function)) return false;
      spine_.insert(function.id);
      if (!ScanChain(function, orm, depth + 1)) return false;
      if (!*orm && ts_node_symbol(function) == s_.attribute) {
        TSNode attr = Field(function, s_.f_attribute);
        *orm = !ts_node_is_null(attr) && options_.chain_methods.count(Text(attr)) > 0;
      }
      return true;
    }
    if (sym == s_.subscript) {
      TSNode value = Field(node, s_.f_value);
      if (ts_node_is_null(value)) return false;
      spine_.insert(value.id);
      return ScanChain(value, orm, depth + 1);
    }
    return false;
  }

  // Records the chain at `node` when it calls an ORM method or is bound to a name.
  int HandleChain(TSNode node, const Context& context) {
    bool orm = false;
    if (!ScanChain(node, &orm, 0)) return -1;
    if (!orm && pending_target_.node != node.id) return -1;
    ChainFact chain;
    if (!Flatten(node, &chain, 0) || chain.root.empty()) return -1;
    if (pending_target_.node == node.id) {
      chain.target = pending_target_.name;
      chain.iterated = pending_target_.iterated;
    }
    // `order = payment.order`: an attribute chain without calls counts only when it is bound.
    if (chain.links.empty() && (chain.target.empty() || chain.root.find('.') == std::string::npos)) return -1;
    orm = false;
    bool any_call = false;
    for (const auto& link : chain.links) {
      any_call = any_call || link.call;
      orm = orm || (link.call && options_.chain_methods.count(link.name));
    }
    if (!orm && chain.target.empty()) return -1;
    chain.outer = chain_stack_.empty() ? -1 : chain_stack_.back();
    chain.scope = context.scope;
    chain.line = Line(node);
    chains_.push_back(std::move(chain));
    return static_cast<int>(chains_.size() - 1);
  }

  static bool IsAtomic(const Expr& e) {
    const std::string& name = e.text;
    return (e.IsName() || e.IsCall()) &&
           (name == "atomic" || (name.size() > 7 && name.compare(name.size() - 7, 7, ".atomic") == 0));
  }

  void HandleWith(TSNode node, const Context& context) {
    int end_line = static_cast<int>(ts_node_end_point(node).row) + 1;
    std::vector<TSNode> stack = {node};
    // with_item nodes sit under a with_clause; the block is not searched.
    ForEachNamedChild(node, [&](TSNode clause, TSFieldId) {
      if (ts_node_symbol(clause) == s_.block) return;
      ForEachNamedChild(clause, [&](TSNode item, TSFieldId) {
        if (ts_node_symbol(item) != s_.with_item) return;
        TSNode value = Field(item, s_.f_value);
        if (ts_node_is_null(value)) return;
        Expr expr = MakeExpr(value, 0);
        if (!(expr.IsName() || expr.IsCall()) || expr.text.empty()) return;
        facts_->blocks.push_back({std::move(expr), "with", "", context.scope, Line(node), end_line});
      });
    });
  }

  void AddImport(ImportFact fact, TSNode at, const Context& context) {
    fact.line = Line(at);
    fact.column = Column(at);
    fact.in_function = context.in_function;
    fact.type_checking = context.type_checking;
    fact.guarded = context.guarded;
    fact.scope = context.scope;
    facts_->imports.push_back(std::move(fact));
  }

  void HandleImport(TSNode node, const Context& context) {
    ForEachNamedChild(node, [&](TSNode child, TSFieldId field) {
      if (field != s_.f_name) return;
      ImportFact fact;
      if (ts_node_symbol(child) == s_.aliased_import) {
        TSNode name = Field(child, s_.f_name);
        TSNode alias = Field(child, s_.f_alias);
        if (ts_node_is_null(name)) return;
        fact.module = DottedName(name);
        if (!ts_node_is_null(alias)) fact.alias = Text(alias);
      } else {
        fact.module = DottedName(child);
      }
      if (!fact.module.empty()) AddImport(std::move(fact), child, context);
    });
  }

  void HandleFromImport(TSNode node, const Context& context) {
    std::string module;
    int level = 0;
    TSNode module_node = Field(node, s_.f_module_name);
    if (ts_node_is_null(module_node)) return;
    if (ts_node_symbol(module_node) == s_.relative_import) {
      ForEachNamedChild(module_node, [&](TSNode part, TSFieldId) {
        if (ts_node_symbol(part) == s_.import_prefix) {
          std::string dots = Text(part);
          level = static_cast<int>(std::count(dots.begin(), dots.end(), '.'));
        } else if (ts_node_symbol(part) == s_.dotted_name) {
          module = DottedName(part);
        }
      });
    } else {
      module = DottedName(module_node);
    }
    bool any = false;
    ForEachNamedChild(node, [&](TSNode child, TSFieldId field) {
      if (ts_node_symbol(child) == s_.comment) return HandleComment(child);
      ImportFact fact;
      fact.is_from = true;
      fact.module = module;
      fact.level = level;
      if (ts_node_symbol(child) == s_.wildcard_import) {
        fact.name = "*";
      } else if (field == s_.f_name) {
        if (ts_node_symbol(child) == s_.aliased_import) {
          TSNode name = Field(child, s_.f_name);
          TSNode alias = Field(child, s_.f_alias);
          if (ts_node_is_null(name)) return;
          fact.name = DottedName(name);
          if (!ts_node_is_null(alias)) fact.alias = Text(alias);
        } else {
          fact.name = DottedName(child);
        }
      } else {
        return;
      }
      if (fact.name.empty()) return;
      any = true;
      // The line of the imported name, so parenthesised imports point at each name.
      AddImport(std::move(fact), child, context);
    });
    (void)any;
  }

  void HandleDecorated(TSNode node, const Context& context, int depth) {
    std::vector<Expr> decorators;
    TSNode definition = Field(node, s_.f_definition);
    ForEachNamedChild(node, [&](TSNode child, TSFieldId) {
      if (ts_node_symbol(child) != s_.decorator) return;
      ForEachNamedChild(child, [&](TSNode inner, TSFieldId) {
        if (ts_node_symbol(inner) == s_.comment) return;
        decorators.push_back(MakeExpr(inner, 0));
        // Calls inside decorators (@receiver(post_save, sender=X)) are facts too.
        Visit(inner, context, depth + 1);
      });
    });
    if (ts_node_is_null(definition)) return;
    if (ts_node_symbol(definition) == s_.class_definition) {
      HandleClass(definition, std::move(decorators), context, depth);
    } else {
      HandleFunction(definition, std::move(decorators), context, depth);
    }
  }

  static std::string Qualify(const std::string& scope, const std::string& name) {
    return scope.empty() ? name : scope + "." + name;
  }

  void HandleClass(TSNode node, std::vector<Expr> decorators, const Context& context, int depth) {
    TSNode name = Field(node, s_.f_name);
    TSNode superclasses = Field(node, s_.f_superclasses);
    TSNode body = Field(node, s_.f_body);
    if (ts_node_is_null(name)) return;
    ClassFact fact;
    fact.name = Text(name);
    fact.qualname = Qualify(context.scope, fact.name);
    fact.scope = context.scope;
    fact.line = Line(node);
    fact.end_line = static_cast<int>(ts_node_end_point(node).row) + 1;
    fact.decorators = std::move(decorators);
    if (!ts_node_is_null(superclasses)) {
      ForEachNamedChild(superclasses, [&](TSNode arg, TSFieldId) {
        TSSymbol sym = ts_node_symbol(arg);
        if (sym == s_.comment) return;
        if (sym == s_.keyword_argument) {
          TSNode key = Field(arg, s_.f_name);
          TSNode value = Field(arg, s_.f_value);
          if (!ts_node_is_null(key) && !ts_node_is_null(value))
            fact.keywords.emplace_back(Text(key), MakeExpr(value, 0));
        } else {
          fact.bases.push_back(MakeExpr(arg, 0));
        }
      });
      // Calls in the bases (get_model('app', 'AbstractX')) are recorded like any call.
      Visit(superclasses, context, depth + 1);
    }
    std::string qualname = fact.qualname;
    facts_->classes.push_back(std::move(fact));
    if (ts_node_is_null(body)) return;
    Context inner = context;
    inner.scope = qualname;
    inner.scope_function = -1;
    inner.scope_class = static_cast<int>(facts_->classes.size() - 1);
    inner.in_class = true;
    Visit(body, inner, depth + 1);
  }

  void HandleFunction(TSNode node, std::vector<Expr> decorators, const Context& context, int depth) {
    TSNode name = Field(node, s_.f_name);
    TSNode body = Field(node, s_.f_body);
    if (ts_node_is_null(name)) return;
    FunctionFact fact;
    fact.name = Text(name);
    fact.qualname = Qualify(context.scope, fact.name);
    fact.scope = context.scope;
    fact.line = Line(node);
    fact.end_line = static_cast<int>(ts_node_end_point(node).row) + 1;
    fact.decorators = std::move(decorators);
    std::string qualname = fact.qualname;
    for (const auto& decorator : fact.decorators) {
      if (IsAtomic(decorator))
        facts_->blocks.push_back({decorator, "decorator", qualname, context.scope, Line(node),
                                  static_cast<int>(ts_node_end_point(node).row) + 1});
    }
    facts_->functions.push_back(std::move(fact));
    // Default values and annotations are evaluated in the enclosing scope.
    TSNode parameters = Field(node, s_.f_parameters);
    if (!ts_node_is_null(parameters)) Visit(parameters, context, depth + 1);
    if (ts_node_is_null(body)) return;
    Context inner = context;
    inner.scope = qualname;
    inner.scope_function = static_cast<int>(facts_->functions.size() - 1);
    inner.scope_class = -1;
    inner.in_function = true;
    inner.in_class = false;
    Visit(body, inner, depth + 1);
  }

  bool IsTypeCheckingCondition(TSNode condition) const {
    std::string name = DottedName(condition);
    return name == "TYPE_CHECKING" || name == "typing.TYPE_CHECKING" || name == "t.TYPE_CHECKING";
  }

  void HandleIf(TSNode node, const Context& context, int depth) {
    TSNode condition = Field(node, s_.f_condition);
    bool typing_only = !ts_node_is_null(condition) && IsTypeCheckingCondition(condition);
    ForEachNamedChild(node, [&](TSNode child, TSFieldId field) {
      if (typing_only && field == s_.f_consequence) {
        Context inner = context;
        inner.type_checking = true;
        Visit(child, inner, depth + 1);
      } else {
        Visit(child, context, depth + 1);
      }
    });
  }

  void HandleTry(TSNode node, const Context& context, int depth) {
    // Does a handler catch ImportError (or everything)?
    bool catches_import_error = false;
    ForEachNamedChild(node, [&](TSNode child, TSFieldId) {
      if (ts_node_symbol(child) != s_.except_clause) return;
      bool has_type = false;
      ForEachNamedChild(child, [&](TSNode part, TSFieldId) {
        TSSymbol ps = ts_node_symbol(part);
        if (ps == s_.block || ps == s_.comment) return;
        has_type = true;
        std::string text = Text(part);
        if (text.find("ImportError") != std::string::npos || text.find("ModuleNotFoundError") != std::string::npos ||
            text == "Exception" || text == "BaseException")
          catches_import_error = true;
      });
      if (!has_type) catches_import_error = true;  // bare `except:`
    });
    ForEachNamedChild(node, [&](TSNode child, TSFieldId field) {
      if (catches_import_error && field == s_.f_body) {
        Context inner = context;
        inner.guarded = true;
        Visit(child, inner, depth + 1);
      } else {
        Visit(child, context, depth + 1);
      }
    });
  }

  void HandleAssignment(TSNode statement, const Context& context) {
    ForEachNamedChild(statement, [&](TSNode node, TSFieldId) {
      TSSymbol sym = ts_node_symbol(node);
      if (sym != s_.assignment && sym != s_.augmented_assignment) return;
      TSNode left = Field(node, s_.f_left);
      TSNode right = Field(node, s_.f_right);
      if (ts_node_is_null(left) || ts_node_is_null(right)) return;
      // Chained `a = b = value`: the value is the innermost right-hand side.
      while (ts_node_symbol(right) == s_.assignment) {
        TSNode next = Field(right, s_.f_right);
        if (ts_node_is_null(next)) return;
        right = next;
      }
      std::string target = DottedName(left);
      if (target.empty()) return;
      AssignmentFact fact;
      fact.target = std::move(target);
      if (sym == s_.augmented_assignment) {
        TSNode op = Field(node, s_.f_operator);
        fact.op = ts_node_is_null(op) ? "?=" : Text(op);
      } else {
        fact.op = "=";
      }
      fact.value = MakeExpr(right, 0);
      fact.scope = context.in_class ? context.scope : "";
      if (!context.in_class && !context.scope.empty()) return;
      fact.line = Line(node);
      if (fact.scope.empty() && fact.target == "__all__" && fact.op == "=" &&
          (fact.value.kind == Expr::Kind::kList || fact.value.kind == Expr::Kind::kTuple)) {
        facts_->dunder_all.clear();
        for (const auto& item : fact.value.items) {
          if (item.IsString()) facts_->dunder_all.push_back(item.text);
        }
      }
      facts_->assignments.push_back(std::move(fact));
    });
  }

  // Records the call; true when it is a deferring call, whose arguments run later.
  bool HandleCall(TSNode node, const Context& context) {
    TSNode function = Field(node, s_.f_function);
    if (ts_node_is_null(function)) return false;
    std::string method;
    TSNode receiver = {};
    bool has_receiver = false;
    TSSymbol fs = ts_node_symbol(function);
    if (fs == s_.identifier) {
      method = Text(function);
    } else if (fs == s_.attribute) {
      TSNode attr = Field(function, s_.f_attribute);
      receiver = Field(function, s_.f_object);
      has_receiver = !ts_node_is_null(receiver);
      if (!ts_node_is_null(attr)) method = Text(attr);
    }
    if (context.in_function && !method.empty()) NoteCallSite(function, context, node);
    const bool defers = !method.empty() && options_.deferring_calls.count(method) > 0;
    if (method.empty() || !options_.call_names.count(method)) return defers;
    CallFact fact;
    fact.call = MakeCall(node, 0);
    if (has_receiver && fact.call.text.empty()) {
      // Callee is not a plain dotted name (`task.s(x).delay()`): keep the receiver.
      Expr callee;
      callee.kind = Expr::Kind::kAttribute;
      callee.text = method;
      callee.line = Line(function);
      callee.items.push_back(MakeExpr(receiver, 1));
      fact.call.keywords.insert(fact.call.keywords.begin(), {"<callee>", std::move(callee)});
    }
    fact.scope = context.scope;
    fact.line = Line(node);
    fact.deferred = deferred_ > 0;
    facts_->calls.push_back(std::move(fact));
    return defers;
  }

  void HandleAttribute(TSNode node, const Context& context) {
    TSNode attr = Field(node, s_.f_attribute);
    TSNode object = Field(node, s_.f_object);
    if (ts_node_is_null(attr) || ts_node_is_null(object)) return;
    std::string name = Text(attr);
    if (!options_.attribute_names.count(name)) return;
    std::string base = DottedName(object);
    if (base.empty()) return;
    facts_->attribute_refs.push_back({base, name, context.scope, Line(node)});
  }

  const std::string& source_;
  const ParseOptions& options_;
  FileFacts* facts_;
  const Symbols& s_;
  bool depth_reported_ = false;
  struct PendingTarget {
    const void* node = nullptr;
    std::string name;
    bool iterated = false;
  } pending_target_;
  std::vector<ChainFact> chains_;          // packed into the facts once the walk is done
  std::unordered_set<const void*> spine_;  // inner nodes of chains already recorded
  std::vector<int> chain_stack_;           // chains whose arguments are being visited
  int deferred_ = 0;                       // deferring calls whose arguments are being visited
  std::vector<RawCallSite> raw_sites_;     // call sites until the file's bindings are known
  mutable std::deque<TSTreeCursor> cursors_;
  mutable std::size_t cursor_depth_ = 0;
};

// Finds the first ERROR or MISSING node in document order.
bool FirstError(TSNode root, TSNode* out) {
  TSTreeCursor cursor = ts_tree_cursor_new(root);
  bool found = false;
  for (;;) {
    TSNode node = ts_tree_cursor_current_node(&cursor);
    if (ts_node_is_error(node) || ts_node_is_missing(node)) {
      *out = node;
      found = true;
      break;
    }
    if (ts_node_has_error(node) && ts_tree_cursor_goto_first_child(&cursor)) continue;
    bool moved = false;
    while (!moved) {
      if (ts_tree_cursor_goto_next_sibling(&cursor)) {
        moved = true;
      } else if (!ts_tree_cursor_goto_parent(&cursor)) {
        break;
      }
    }
    if (!moved) break;
  }
  ts_tree_cursor_delete(&cursor);
  return found;
}

int CountLines(const std::string& text) {
  if (text.empty()) return 0;
  int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  if (text.back() != '\n') ++lines;
  return lines;
}

}  // namespace

FileFacts ExtractFacts(TSParser* parser, const std::string& path, std::string source, const ParseOptions& options) {
  FileFacts facts;
  DecodeSource(path, &source, &facts.diagnostics);
  facts.lines = CountLines(source);
  if (source.size() > UINT32_MAX) {
    facts.diagnostics.push_back({"file-too-large", Severity::kWarning, path, 0, 0, "file too large to parse"});
    return facts;
  }
  std::unique_ptr<TSTree, decltype(&ts_tree_delete)> tree(
      ts_parser_parse_string(parser, nullptr, source.data(), static_cast<uint32_t>(source.size())), ts_tree_delete);
  if (!tree) {
    facts.diagnostics.push_back({"parse-failed", Severity::kError, path, 0, 0, "tree-sitter could not parse the file"});
    return facts;
  }
  TSNode root = ts_tree_root_node(tree.get());
  if (ts_node_has_error(root)) {
    facts.has_syntax_error = true;
    TSNode error;
    if (FirstError(root, &error)) {
      std::string what = ts_node_is_missing(error) ? std::string("missing '") + ts_node_type(error) + "'"
                                                   : std::string("invalid syntax");
      facts.diagnostics.push_back({"syntax-error", Severity::kWarning, path, Line(error), Column(error),
                                   what + "; facts extracted from the parts that parsed"});
    }
  }
  Extractor extractor(source, options, &facts);
  extractor.Run(root);
  facts.chains = extractor.PackedChainsFound();
  std::sort(facts.suppressions.begin(), facts.suppressions.end(),
            [](const SuppressionFact& a, const SuppressionFact& b) { return a.line < b.line; });
  for (auto& diagnostic : facts.diagnostics) {
    if (diagnostic.path.empty()) diagnostic.path = path;
  }
  facts.parsed = true;
  ShrinkToFit(&facts);
  // The tree is freed here, as soon as its facts are out.
  return facts;
}

}  // namespace seams
