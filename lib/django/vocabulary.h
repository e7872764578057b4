#pragma once
/// What the Django stages read from the parser's facts: the calls and attribute
/// references it must record. The parser knows no framework; the pipeline hands
/// it this vocabulary (lib/pipeline.cc), so no caller ever lists call names.

#include <set>
#include <string>

#include "lib/django/models.h"
#include "lib/parse/parse.h"

namespace seams {

/// Calls recorded by the last name of their callee: URLconfs (path, include, …),
/// signals (connect, send, …), Celery (delay, shared_task, …), model access and
/// loaders (get_object_or_404, get_model, get_class and every loader of
/// `options`), settings discovery (setdefault, Celery).
std::set<std::string> DjangoCallNames(const DjangoOptions& options);

/// `X.attr` references recorded: managers and model exceptions (objects,
/// _default_manager, DoesNotExist, …).
std::set<std::string> DjangoAttributeNames();

/// ORM methods: an expression chain calling one of these is recorded (ChainFact)
/// for the data plan (filter, values, select_related, create, save, on_commit, …).
std::set<std::string> DjangoChainMethods();

/// `parse` with the Django vocabulary added: what every analysis parses with.
ParseOptions WithDjangoVocabulary(ParseOptions parse, const DjangoOptions& options);

}  // namespace seams
