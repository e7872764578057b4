#include "lib/parse/file_facts.h"

namespace seams {

namespace {

template <typename T>
void Fit(std::vector<T>* v) {
  if (v->capacity() != v->size()) v->shrink_to_fit();
}

void Fit(Expr* e) {
  Fit(&e->items);
  Fit(&e->keywords);
  for (auto& item : e->items) Fit(&item);
  for (auto& [key, value] : e->keywords) Fit(&value);
}

}  // namespace

void ShrinkToFit(FileFacts* facts) {
  Fit(&facts->imports);
  Fit(&facts->classes);
  for (auto& c : facts->classes) {
    for (auto& e : c.bases) Fit(&e);
    for (auto& e : c.decorators) Fit(&e);
  }
  Fit(&facts->functions);
  for (auto& f : facts->functions) {
    for (auto& e : f.decorators) Fit(&e);
  }
  Fit(&facts->assignments);
  for (auto& a : facts->assignments) Fit(&a.value);
  Fit(&facts->calls);
  for (auto& c : facts->calls) Fit(&c.call);
  Fit(&facts->attribute_refs);
  Fit(&facts->blocks);
  Fit(&facts->dunder_all);
  Fit(&facts->suppressions);
  Fit(&facts->diagnostics);
}

}  // namespace seams
