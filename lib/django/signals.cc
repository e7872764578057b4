// Signals: @receiver(sig, sender=X), sig.connect(handler, sender=X), custom Signal()s and who sends them.

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "lib/django/django_facts.h"

namespace seams {

namespace {

bool IsSignalClass(const std::string& q) {
  return q == "django.dispatch.Signal" || q == "django.dispatch.dispatcher.Signal";
}

class SignalFinder {
 public:
  SignalFinder(const DjangoContext& context, DjangoFacts* out) : context_(context), out_(out) {}

  void Run() {
    // Custom signals first, so connect/send on them can be told from other methods.
    for (std::size_t f = 0; f < context_.project.files.size() && f < context_.facts.size(); ++f) {
      for (const auto& a : context_.facts[f].assignments) {
        if (!a.scope.empty() || a.op != "=" || !a.value.IsCall() || a.target.find('.') != std::string::npos) continue;
        std::string q = context_.symbols.Qualify(f, a.value.text);
        if (!IsSignalClass(q) && a.value.text != "Signal") continue;
        std::string name = context_.project.files[f].module + "." + a.target;
        custom_[name] = out_->signals.size();
        out_->signals.push_back({name, {context_.project.files[f].path, a.line}, {}});
      }
    }
    for (std::size_t f = 0; f < context_.project.files.size() && f < context_.facts.size(); ++f) {
      if (context_.project.files[f].is_migration) continue;
      ReadDecorators(f);
      ReadCalls(f);
    }
    std::sort(out_->receivers.begin(), out_->receivers.end(), [](const ReceiverInfo& a, const ReceiverInfo& b) {
      return std::tie(a.receiver, a.signal, a.sender, a.at) < std::tie(b.receiver, b.signal, b.sender, b.at);
    });
    for (auto& signal : out_->signals) std::sort(signal.senders.begin(), signal.senders.end());
    std::sort(out_->signals.begin(), out_->signals.end(),
              [](const SignalInfo& a, const SignalInfo& b) { return a.signal < b.signal; });
  }

 private:
  // "post_save" for Django's signals, the qualified name of a project's own, "" for anything else.
  std::string SignalName(std::size_t file, const Expr& expr) const {
    if (!expr.IsName()) return "";
    std::string q = context_.symbols.Qualify(file, expr.text);
    // Django's own signals by their short name, even when Django itself is analysed.
    if (q.rfind("django.", 0) == 0 && (q.find("signals") != std::string::npos || custom_.count(q))) return LastName(q);
    if (custom_.count(q)) return q;
    return "";
  }

  std::string Sender(std::size_t file, const Expr* sender) const {
    if (!sender) return "";
    bool external = false;
    return ResolveModelReference(*sender, file, "", "", context_.models, context_.settings, context_.symbols,
                                 context_.options, &external);
  }

  void Add(std::size_t file, const std::string& receiver, const std::string& signal, const Expr* sender, int line) {
    const SourceFile& source = context_.project.files[file];
    out_->receivers.push_back({receiver, signal, Sender(file, sender), source.module, {source.path, line}, sender != nullptr});
  }

  void ReadDecorators(std::size_t f) {
    const SourceFile& source = context_.project.files[f];
    for (const auto& function : context_.facts[f].functions) {
      for (const auto& decorator : function.decorators) {
        if (!decorator.IsCall() || LastName(decorator.text) != "receiver") continue;
        std::string q = context_.symbols.Qualify(f, decorator.text);
        if (q != "django.dispatch.receiver" && q != "django.dispatch.dispatcher.receiver") continue;
        const Expr* first = decorator.Arg(0);
        if (!first) continue;
        std::vector<const Expr*> signals;
        if (first->kind == Expr::Kind::kList || first->kind == Expr::Kind::kTuple) {
          for (const auto& item : first->items) signals.push_back(&item);
        } else {
          signals.push_back(first);
        }
        for (const Expr* signal : signals) {
          std::string name = SignalName(f, *signal);
          if (!name.empty())
            Add(f, source.module + "." + function.qualname, name, decorator.Keyword("sender"), function.line);
        }
      }
    }
  }

  void ReadCalls(std::size_t f) {
    const SourceFile& source = context_.project.files[f];
    for (const auto& call : context_.facts[f].calls) {
      const std::string& callee = call.call.text;
      std::string method = LastName(callee);
      if (callee.find('.') == std::string::npos) continue;
      Expr signal;
      signal.kind = Expr::Kind::kName;
      signal.text = callee.substr(0, callee.rfind('.'));
      if (method == "connect") {
        std::string name = SignalName(f, signal);
        const Expr* handler = call.call.Arg(0);
        if (!handler) handler = call.call.Keyword("receiver");
        if (name.empty() || !handler || !handler->IsName()) continue;
        std::string receiver = context_.symbols.Qualify(f, handler->text);
        if (receiver.empty() && handler->text.rfind("self.", 0) == 0 && !call.scope.empty()) {
          // A bound method: qualify it with the class the call sits in.
          std::string cls = call.scope.substr(0, call.scope.find('.'));
          receiver = source.module + "." + cls + "." + handler->text.substr(5);
        }
        if (receiver.empty()) receiver = source.module + "." + handler->text;
        Add(f, receiver, name, call.call.Keyword("sender"), call.line);
      } else if (method == "send" || method == "send_robust") {
        std::string q = context_.symbols.Qualify(f, signal.text);
        auto it = custom_.find(q);
        if (it != custom_.end()) out_->signals[it->second].senders.push_back({source.module, {source.path, call.line}});
      }
    }
  }

  const DjangoContext& context_;
  DjangoFacts* out_;
  std::map<std::string, std::size_t> custom_;
};

}  // namespace

void FindSignals(const DjangoContext& context, DjangoFacts* out) { SignalFinder(context, out).Run(); }

}  // namespace seams
