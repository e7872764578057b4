// libFuzzer target: the config loader, as seams.toml and as pyproject.toml's
// [tool.seams]; a config that loads is then checked against a small analysis
// (assignment, depends_on walks, suppressions). Bad configs may only throw
// SeamsError.

#include <cstddef>
#include <cstdint>
#include <string>

#include "lib/check/check.h"
#include "lib/config/config.h"
#include "lib/core/error.h"
#include "lib/core/file_system.h"
#include "lib/pipeline.h"

namespace {

const seams::Analysis& Small() {
  static const seams::Analysis analysis = [] {
    seams::MemoryFileSystem files;
    files.AddFile("proj/manage.py", "import os\nos.environ.setdefault('DJANGO_SETTINGS_MODULE', 'proj.settings')\n");
    files.AddFile("proj/proj/__init__.py", "");
    files.AddFile("proj/proj/settings.py", "INSTALLED_APPS = ['orders', 'payments']\n");
    files.AddFile("proj/orders/__init__.py", "");
    files.AddFile("proj/orders/models.py",
                  "from django.db import models\nfrom payments.models import Payment\n"
                  "class Order(models.Model):\n    payment = models.ForeignKey(Payment, on_delete=models.CASCADE)\n");
    files.AddFile("proj/payments/__init__.py", "");
    files.AddFile("proj/payments/models.py",
                  "from django.db import models\nclass Payment(models.Model):\n    amount = models.IntegerField()\n");
    seams::AnalysisOptions options;
    options.parse.jobs = 1;
    return seams::Analyze(files, "proj", options);
  }();
  return analysis;
}

void Load(const std::string& text, const char* path) {
  try {
    seams::Config config = seams::ParseConfig(text, path);
    seams::Check(config, Small());
  } catch (const seams::SeamsError&) {
    // A located config error: what `seams check` prints with exit 2.
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  Load(text, "seams.toml");
  Load(text, "pyproject.toml");
  return 0;
}
