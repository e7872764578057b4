// Celery tasks (@shared_task, @app.task, @task) and the calls that queue them.

#include <algorithm>
#include <map>
#include <tuple>

#include "lib/django/django_facts.h"

namespace seams {

namespace {

bool IsTaskDecorator(const DjangoContext& context, std::size_t file, const Expr& decorator) {
  const std::string& text = decorator.text;
  if (!decorator.IsName() && !decorator.IsCall()) return false;
  std::string last = LastName(text);
  if (last == "shared_task") return true;
  if (last != "task" && last != "periodic_task") return false;
  // `@app.task`: a method of a Celery app; a bare `@task` must come from celery.
  if (text.find('.') != std::string::npos) return true;
  return context.symbols.Qualify(file, text).rfind("celery", 0) == 0;
}

}  // namespace

void FindTasks(const DjangoContext& context, DjangoFacts* out) {
  std::map<std::string, bool> tasks;
  for (std::size_t f = 0; f < context.project.files.size() && f < context.facts.size(); ++f) {
    const SourceFile& source = context.project.files[f];
    if (source.is_migration) continue;
    for (const auto& function : context.facts[f].functions) {
      if (!function.scope.empty()) continue;
      bool is_task = std::any_of(function.decorators.begin(), function.decorators.end(),
                                 [&](const Expr& d) { return IsTaskDecorator(context, f, d); });
      if (!is_task) continue;
      std::string name = source.module + "." + function.name;
      tasks[name] = true;
      out->tasks.push_back({name, source.module, {source.path, function.line}, ModelUsesInScope(context, f, function.qualname)});
    }
  }
  // Calls that queue a task: task.delay(), task.apply_async(), task.s() / .si() / .signature().
  for (std::size_t f = 0; f < context.project.files.size() && f < context.facts.size(); ++f) {
    const SourceFile& source = context.project.files[f];
    for (const auto& call : context.facts[f].calls) {
      const std::string& callee = call.call.text;
      std::string how = LastName(callee);
      if (how != "delay" && how != "apply_async" && how != "s" && how != "si" && how != "signature") continue;
      if (callee.find('.') == std::string::npos) continue;
      std::string task = context.symbols.Qualify(f, callee.substr(0, callee.rfind('.')));
      if (!tasks.count(task)) continue;
      out->task_calls.push_back({source.module, call.scope, task, how, {source.path, call.line}});
    }
  }
  std::sort(out->tasks.begin(), out->tasks.end(), [](const TaskInfo& a, const TaskInfo& b) { return a.task < b.task; });
  std::sort(out->task_calls.begin(), out->task_calls.end(), [](const TaskCallInfo& a, const TaskCallInfo& b) {
    return std::tie(a.at, a.task, a.how) < std::tie(b.at, b.task, b.how);
  });
}

}  // namespace seams
