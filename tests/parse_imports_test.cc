// One test per import form: what the parser records and where.

#include <catch2/catch.hpp>

#include "tests/test_support.h"

using seams::ImportFact;
using seams::test::Parse;

namespace {

std::string Describe(const ImportFact& f) {
  std::string s = std::string(static_cast<size_t>(f.level), '.') + f.module;
  if (f.is_from) s = "from " + s + " import " + f.name; else s = "import " + s;
  if (!f.alias.empty()) s += " as " + f.alias;
  s += " @" + std::to_string(f.line);
  if (f.in_function) s += " lazy";
  if (f.type_checking) s += " typing";
  if (f.guarded) s += " guarded";
  return s;
}

std::vector<std::string> Imports(const std::string& source) {
  std::vector<std::string> out;
  for (const auto& f : Parse(source).imports) out.push_back(Describe(f));
  return out;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("import a.b and import a.b as c", "[parse][imports]") {
  CHECK(Imports("import os\nimport a.b\nimport a.b as c, d\n") ==
        V{"import os @1", "import a.b @2", "import a.b as c @3", "import d @3"});
}

TEST_CASE("from a import b, c", "[parse][imports]") {
  CHECK(Imports("from a import b, c as d\n") == V{"from a import b @1", "from a import c as d @1"});
}

TEST_CASE("relative imports", "[parse][imports]") {
  CHECK(Imports("from . import x\nfrom ..x import y as z\nfrom .models import *\n") ==
        V{"from . import x @1", "from ..x import y as z @2", "from .models import * @3"});
}

TEST_CASE("wildcard import", "[parse][imports]") {
  CHECK(Imports("from a.b import *\n") == V{"from a.b import * @1"});
}

TEST_CASE("parenthesised import keeps each name's line", "[parse][imports]") {
  CHECK(Imports("from shop.models import (\n    Order,\n    Item as I,  # comment\n)\n") ==
        V{"from shop.models import Order @2", "from shop.models import Item as I @3"});
}

TEST_CASE("backslash-continued import", "[parse][imports]") {
  CHECK(Imports("from shop.models import Order, \\\n    Item\nimport a, \\\n  b\n") ==
        V{"from shop.models import Order @1", "from shop.models import Item @2", "import a @3", "import b @4"});
}

TEST_CASE("import inside a function or method is lazy", "[parse][imports]") {
  CHECK(Imports("def f():\n    import a\n\nclass C:\n    def m(self):\n        from b import c\n    import d\n") ==
        V{"import a @2 lazy", "from b import c @6 lazy", "import d @7"});
  auto facts = Parse("class C:\n    def m(self):\n        from b import c\n");
  CHECK(facts.imports.at(0).scope == "C.m");
}

TEST_CASE("imports under if TYPE_CHECKING are typing-only", "[parse][imports]") {
  CHECK(Imports("from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from a import B\nelse:\n    B = None\n"
                "if typing.TYPE_CHECKING:\n    import c\n") ==
        V{"from typing import TYPE_CHECKING @1", "from a import B @3 typing", "import c @7 typing"});
}

TEST_CASE("imports under try/except ImportError are guarded", "[parse][imports]") {
  CHECK(Imports("try:\n    import ujson as json\nexcept ImportError:\n    import json\n"
                "try:\n    import x\nexcept (ModuleNotFoundError, KeyError):\n    pass\n"
                "try:\n    import y\nexcept KeyError:\n    pass\n") ==
        V{"import ujson as json @2 guarded", "import json @4", "import x @6 guarded", "import y @10"});
}

TEST_CASE("__future__ imports are not dependencies", "[parse][imports]") {
  CHECK(Imports("from __future__ import annotations\nimport a\n") == V{"import a @2"});
}

TEST_CASE("imports in nested blocks of a function stay lazy", "[parse][imports]") {
  CHECK(Imports("def f():\n    if x:\n        try:\n            import a\n        except ImportError:\n            pass\n") ==
        V{"import a @4 lazy guarded"});
}
