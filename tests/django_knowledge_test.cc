// Models the ecosystem defines: the bundled knowledge base, models built on
// third-party bases (tests/fixtures/ecosystem, one app per package family, the
// packages not installed), inference, config entries, and shopwise unchanged.

#include <catch2/catch.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "lib/config/config.h"
#include "lib/core/error.h"
#include "lib/django/knowledge.h"
#include "reports/analysis_report.h"
#include "reports/proposal_render.h"
#include "tests/test_support.h"

using V = std::vector<std::string>;
using S = std::set<std::string>;

namespace {

const seams::Analysis& Ecosystem() {
  static const seams::Analysis analysis = [] {
    seams::RealFileSystem fs;
    seams::AnalysisOptions options;
    options.cluster = true;
    return seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/tests/fixtures/ecosystem", options);
  }();
  return analysis;
}

// "abstract"/"concrete", and "inferred" when so, of a model of the fixture; "missing" when none.
std::string Shape(const seams::Analysis& analysis, const std::string& key) {
  const seams::ModelInfo* m = analysis.models.Find(key);
  if (!m) return "missing";
  return std::string(m->abstract ? "abstract" : "concrete") + (m->inferred ? " inferred" : "");
}

// The relations of `from` as "field kind to", with " via THROUGH", " (external)" and
// " <- DECLARER" when they apply.
S RelationsOf(const seams::Analysis& analysis, const std::string& from) {
  S out;
  for (const auto& r : analysis.models.relations) {
    if (r.from != from) continue;
    std::string text = (r.field.empty() ? "-" : r.field) + " " + r.kind + " " + (r.to.empty() ? "?" : r.to);
    if (!r.through.empty()) text += " via " + r.through;
    if (r.to_external) text += " (external)";
    if (!r.inherited_from.empty()) text += " <- " + r.inherited_from;
    out.insert(text);
  }
  return out;
}

std::vector<seams::Diagnostic> DiagnosticsOf(const seams::Analysis& analysis, const std::string& code) {
  std::vector<seams::Diagnostic> out;
  for (const auto& d : analysis.diagnostics) {
    if (d.code == code) out.push_back(d);
  }
  return out;
}

bool HasEdge(const seams::CouplingGraph& graph, const std::string& from, const std::string& to, seams::CouplingKind kind) {
  int f = graph.Find(from), t = graph.Find(to);
  return std::any_of(graph.edges.begin(), graph.edges.end(),
                     [&](const seams::CouplingEdge& e) { return e.from == f && e.to == t && e.kind == kind; });
}

}  // namespace

TEST_CASE("the bundled knowledge base reads cleanly and every entry cites its package and version", "[knowledge]") {
  CHECK(seams::BundledKnowledgeErrors().empty());
  const seams::Knowledge& k = seams::BundledKnowledge();
  CHECK(k.models().size() > 100);
  const std::regex cite(R"(^[a-z][a-z0-9-]* \d+(\.\d+)+$)");
  // Django's own models a third-party relation may point at.
  const S contrib = {"auth.Group", "auth.Permission", "contenttypes.ContentType", "sites.Site"};
  for (const auto& m : k.models()) {
    INFO(m.qualname << " (line " << m.line << ")");
    CHECK(std::regex_match(m.package, cite));
    for (const auto& base : m.bases) CHECK(k.Model(base) != nullptr);  // bases name entries
    for (const auto& r : m.relations) {
      if (r.to.empty() || r.to == "self" || r.to == "AUTH_USER_MODEL" || contrib.count(r.to)) continue;
      const seams::KnownModel* target = k.ModelByKey(r.to);
      CHECK(target != nullptr);
      if (target) CHECK_FALSE(target->abstract);  // Django refuses a relation to an abstract model
    }
  }
  for (const auto& f : k.fields()) {
    INFO(f.qualname);
    CHECK(std::regex_match(f.package, cite));
  }
  // The packages Django projects use most, by the names they are imported with.
  for (const char* name :
       {"django_extensions.db.models.TimeStampedModel", "model_utils.models.TimeStampedModel",
        "polymorphic.models.PolymorphicModel", "mptt.models.MPTTModel", "treebeard.mp_tree.MP_Node",
        "treebeard.ns_tree.NS_Node", "treebeard.al_tree.AL_Node", "taggit.models.TagBase", "taggit.models.TaggedItemBase",
        "taggit.models.GenericTaggedItemBase", "taggit.models.Tag", "taggit.models.TaggedItem",
        "modelcluster.models.ClusterableModel", "wagtail.models.Page", "wagtail.core.models.Page",
        "wagtail.models.Orderable", "wagtail.images.models.AbstractImage", "wagtail.images.models.AbstractRendition",
        "wagtail.images.models.Image", "wagtail.documents.models.AbstractDocument", "wagtail.documents.models.Document",
        "guardian.models.UserObjectPermissionBase", "guardian.models.GroupObjectPermissionBase",
        "oauth2_provider.models.AbstractApplication", "oauth2_provider.models.AbstractAccessToken",
        "allauth.account.models.EmailAddress", "allauth.socialaccount.models.SocialAccount",
        "rest_framework_api_key.models.AbstractAPIKey", "django_celery_beat.models.PeriodicTask",
        "django_celery_beat.models.CrontabSchedule", "django_celery_beat.models.IntervalSchedule",
        "organizations.abstract.AbstractOrganization", "organizations.base.OrganizationBase",
        "ordered_model.models.OrderedModel", "django_softdelete.models.SoftDeleteModel",
        "safedelete.models.SafeDeleteModel", "djstripe.models.StripeModel", "djstripe.models.Customer"}) {
    INFO(name);
    CHECK(k.Model(name) != nullptr);
  }
  for (const char* name : {"taggit.managers.TaggableManager", "modelcluster.fields.ParentalKey",
                           "modelcluster.fields.ParentalManyToManyField", "mptt.fields.TreeForeignKey",
                           "simple_history.models.HistoricalRecords"}) {
    INFO(name);
    CHECK(k.Field(name) != nullptr);
  }
  // What an entry says, on a few that matter.
  const seams::KnownModel* page = k.Model("wagtail.core.models.Page");  // the pre-3.0 path is the same class
  REQUIRE(page);
  CHECK(page->qualname == "wagtail.models.Page");
  CHECK(page->Key() == "wagtailcore.Page");
  CHECK_FALSE(page->abstract);
  S page_relations;
  for (const auto& [r, by] : k.InheritedRelations(*page)) page_relations.insert(r.field + " " + r.kind + " " + r.to + " <- " + by);
  CHECK(page_relations == S{"alias_of fk self <- wagtailcore.Page",
                            "content_type fk contenttypes.ContentType <- wagtailcore.Page",
                            "latest_revision fk wagtailcore.Revision <- wagtailcore.RevisionMixin",
                            "live_revision fk wagtailcore.Revision <- wagtailcore.DraftStateMixin",
                            "locale fk wagtailcore.Locale <- wagtailcore.TranslatableMixin",
                            "locked_by fk AUTH_USER_MODEL <- wagtailcore.LockableMixin",
                            "owner fk AUTH_USER_MODEL <- wagtailcore.Page"});
  const seams::KnownModel* mp_node = k.Model("treebeard.mp_tree.MP_Node");
  REQUIRE(mp_node);
  CHECK(mp_node->abstract);
  CHECK(k.InheritedRelations(*mp_node).empty());
  const seams::KnownField* tags = k.Field("taggit.managers.TaggableManager");
  REQUIRE(tags);
  CHECK(tags->kind == "m2m");
  CHECK(tags->target_arg == -1);  // its first positional argument is verbose_name
  CHECK(tags->default_target == "taggit.Tag");
  CHECK(tags->default_through == "taggit.TaggedItem");
  const seams::KnownField* parental = k.Field("modelcluster.fields.ParentalKey");
  REQUIRE(parental);
  CHECK(parental->kind == "fk");
  CHECK(parental->target_arg == 0);
  CHECK(parental->target_keyword == "to");
  // An abstract base deriving from a concrete model keeps that model's table as its parent.
  const seams::KnownModel* email_form = k.Model("wagtail.contrib.forms.models.AbstractEmailForm");
  REQUIRE(email_form);
  CHECK(k.ConcreteAncestor(*email_form) == "wagtailcore.Page");
}

TEST_CASE("a knowledge file's problems are located", "[knowledge]") {
  std::vector<std::string> errors;
  seams::ParseKnowledge(R"([[models]]
class = "pkg.models.Base"
abstract = "yes"

[[models]]
class = "NotQualified"
abstract = true

[[models]]
class = "pkg.models.Other"
abstract = false
relations = [{ field = "owner", kind = "foreign", to = "users" }]
colour = "red"

[[fields]]
class = "pkg.fields.Ref"
kind = "fk"
target_arg = "first"
)",
                        "kb.toml", &errors);
  std::string all;
  for (const auto& e : errors) all += e + "\n";
  INFO(all);
  CHECK(all.find("kb.toml:3:12: 'abstract' must be true or false") != std::string::npos);
  CHECK(all.find("kb.toml:6:9: 'NotQualified' is not a qualified class name") != std::string::npos);
  CHECK(all.find("kb.toml:12:40: unknown relation kind 'foreign'") != std::string::npos);
  CHECK(all.find("kb.toml:12:56: 'to' must name a model as \"app_label.Model\"") != std::string::npos);
  CHECK(all.find("kb.toml:13:1: unknown key 'colour' in [[models]]") != std::string::npos);
  CHECK(all.find("kb.toml:18:14: 'target_arg' must be the target's positional index") != std::string::npos);
  CHECK(errors.size() == 6);
}

TEST_CASE("ecosystem: django-extensions and django-model-utils bases", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(Shape(a, "stamps.Article") == "concrete");
  CHECK(Shape(a, "stamps.Note") == "concrete");
  CHECK(Shape(a, "stamps.Draft") == "concrete");  // no field of its own: a model through its base alone
  CHECK(a.models.Find("stamps.Article")->bases == V{"django_extensions.TimeStampedModel"});
  CHECK(a.models.Find("stamps.Note")->bases == V{"model_utils.TimeStampedModel"});
  CHECK(RelationsOf(a, "stamps.Article") == S{"author fk accounts.User"});
  CHECK(RelationsOf(a, "stamps.Note") == S{"article fk stamps.Article"});
  CHECK(RelationsOf(a, "stamps.Draft").empty());
}

TEST_CASE("ecosystem: django-mptt and django-treebeard trees", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  for (const char* key : {"trees.Category", "trees.Place", "trees.Region", "trees.Folder"}) {
    INFO(key);
    CHECK(Shape(a, key) == "concrete");
  }
  CHECK(RelationsOf(a, "trees.Category") == S{"parent fk trees.Category"});  // TreeForeignKey('self')
  CHECK(RelationsOf(a, "trees.Place").empty());                              // treebeard declares no relation
  CHECK(RelationsOf(a, "trees.Region").empty());
  CHECK(RelationsOf(a, "trees.Folder") == S{"parent fk trees.Folder"});
}

TEST_CASE("ecosystem: django-polymorphic", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(Shape(a, "shapes.Shape") == "concrete");
  CHECK(RelationsOf(a, "shapes.Shape") ==
        S{"polymorphic_ctype fk contenttypes.ContentType (external) <- polymorphic.PolymorphicModel"});
  // A concrete child keeps the field on its parent's table.
  CHECK(RelationsOf(a, "shapes.Circle") == S{"- inherits shapes.Shape"});
}

TEST_CASE("ecosystem: django-taggit models and TaggableManager", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(Shape(a, "tagging.Label") == "concrete");
  CHECK(Shape(a, "tagging.LabelledItem") == "concrete");
  CHECK(Shape(a, "tagging.TaggedPhoto") == "concrete");
  CHECK(RelationsOf(a, "tagging.Photo") ==
        S{"tags m2m taggit.Tag via taggit.TaggedItem (external)",  // the defaults
          "labels m2m tagging.Label via tagging.LabelledItem"});  // what the through model's `tag` points at
  CHECK(RelationsOf(a, "tagging.LabelledItem") ==
        S{"tag fk tagging.Label", "content_type fk contenttypes.ContentType (external) <- taggit.CommonGenericTaggedItemBase",
          "content_object generic_fk ? <- taggit.CommonGenericTaggedItemBase"});
  CHECK(RelationsOf(a, "tagging.TaggedPhoto") ==
        S{"content_object fk tagging.Photo", "tag fk taggit.Tag (external) <- taggit.TaggedItemBase"});
}

TEST_CASE("ecosystem: wagtail and django-modelcluster", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  for (const char* key : {"cms.BlogPage", "cms.BlogAuthor", "cms.CustomImage", "cms.CustomRendition",
                          "cms.CustomDocument", "cms.ContactPage", "cms.ContactField", "cms.Library", "cms.LegacyPage"}) {
    INFO(key);
    CHECK(Shape(a, key) == "concrete");
  }
  // A page is a multi-table child of wagtailcore.Page: Page's own fields stay on its table.
  CHECK(RelationsOf(a, "cms.BlogPage") == S{"- inherits wagtailcore.Page (external)",
                                            "hero fk wagtailimages.Image (external)",
                                            "categories m2m cms.BlogCategory"});  // ParentalManyToManyField
  CHECK(RelationsOf(a, "cms.LegacyPage") == S{"- inherits wagtailcore.Page (external)"});  // wagtail.core.models
  CHECK(RelationsOf(a, "cms.ContactPage") == S{"- inherits wagtailcore.Page (external)"});  // through AbstractEmailForm
  CHECK(RelationsOf(a, "cms.BlogAuthor") == S{"page fk cms.BlogPage", "author fk accounts.User"});  // ParentalKey
  CHECK(RelationsOf(a, "cms.ContactField") == S{"page fk cms.ContactPage"});
  CHECK(RelationsOf(a, "cms.Link") == S{"page fk wagtailcore.Page (external)"});
  // Abstract bases' fields are copied in; AUTH_USER_MODEL is the project's user.
  CHECK(RelationsOf(a, "cms.CustomImage") ==
        S{"collection fk wagtailcore.Collection (external) <- wagtailcore.CollectionMember",
          "uploaded_by_user fk accounts.User <- wagtailimages.AbstractImage",
          "tags m2m taggit.Tag via taggit.TaggedItem (external) <- wagtailimages.AbstractImage"});
  CHECK(RelationsOf(a, "cms.CustomDocument") ==
        S{"collection fk wagtailcore.Collection (external) <- wagtailcore.CollectionMember",
          "uploaded_by_user fk accounts.User <- wagtaildocs.AbstractDocument",
          "tags m2m taggit.Tag via taggit.TaggedItem (external) <- wagtaildocs.AbstractDocument"});
  CHECK(RelationsOf(a, "cms.CustomRendition") == S{"image fk cms.CustomImage"});
  CHECK(RelationsOf(a, "cms.Library").empty());
}

TEST_CASE("ecosystem: django-simple-history's HistoricalRecords is no relation", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(Shape(a, "history.Project") == "concrete");
  CHECK(RelationsOf(a, "history.Project").empty());
  CHECK(DiagnosticsOf(a, "unresolved-relation").size() == 1);  // only legacy's, below
}

TEST_CASE("ecosystem: django-guardian direct object permissions", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(RelationsOf(a, "perms.BoardUserObjectPermission") ==
        S{"content_object fk perms.Board", "user fk accounts.User <- guardian.UserObjectPermissionBase",
          "permission fk auth.Permission (external) <- guardian.BaseObjectPermission"});
  CHECK(RelationsOf(a, "perms.BoardGroupObjectPermission") ==
        S{"content_object fk perms.Board", "group fk auth.Group (external) <- guardian.GroupObjectPermissionBase",
          "permission fk auth.Permission (external) <- guardian.BaseObjectPermission"});
}

TEST_CASE("ecosystem: django-oauth-toolkit abstract models", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(Shape(a, "oauth.ClientApplication") == "concrete");
  CHECK(RelationsOf(a, "oauth.ClientApplication") == S{"user fk accounts.User <- oauth2_provider.AbstractApplication"});
  CHECK(RelationsOf(a, "oauth.ClientToken") ==
        S{"user fk accounts.User <- oauth2_provider.AbstractAccessToken",
          "application fk oauth2_provider.Application (external) <- oauth2_provider.AbstractAccessToken",
          "id_token o2o oauth2_provider.IDToken (external) <- oauth2_provider.AbstractAccessToken",
          "source_refresh_token o2o oauth2_provider.RefreshToken (external) <- oauth2_provider.AbstractAccessToken"});
}

TEST_CASE("ecosystem: django-allauth models as targets", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(RelationsOf(a, "social.Profile") ==
        S{"primary_email o2o account.EmailAddress (external)", "github fk socialaccount.SocialAccount (external)"});
}

TEST_CASE("ecosystem: djangorestframework-api-key", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(Shape(a, "apikeys.TeamAPIKey") == "concrete");
  CHECK(RelationsOf(a, "apikeys.TeamAPIKey") == S{"team fk orgs.Team"});
}

TEST_CASE("ecosystem: django-celery-beat", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(RelationsOf(a, "schedules.Job") ==
        S{"- inherits django_celery_beat.PeriodicTask (external)", "owner fk accounts.User"});
  CHECK(RelationsOf(a, "schedules.MaintenanceWindow") ==
        S{"crontab fk django_celery_beat.CrontabSchedule (external)",
          "interval fk django_celery_beat.IntervalSchedule (external)"});
}

TEST_CASE("ecosystem: django-organizations", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(Shape(a, "orgs.Team") == "concrete");
  CHECK(RelationsOf(a, "orgs.TeamUser") == S{"user fk accounts.User <- organizations.OrganizationUserBase"});
  CHECK(RelationsOf(a, "orgs.TeamInvitation") ==
        S{"invited_by fk accounts.User <- organizations.OrganizationInvitationBase",
          "invitee fk accounts.User <- organizations.OrganizationInvitationBase"});
}

TEST_CASE("ecosystem: django-ordered-model and soft-delete bases", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(Shape(a, "lists.Item") == "concrete");
  CHECK(RelationsOf(a, "lists.Item") == S{"todo_list fk lists.TodoList"});
  CHECK(Shape(a, "trash.Invoice") == "concrete");
  CHECK(Shape(a, "trash.Receipt") == "concrete");
  CHECK(Shape(a, "trash.Memo") == "concrete");
  CHECK(RelationsOf(a, "trash.Receipt") == S{"invoice fk trash.Invoice"});
}

TEST_CASE("ecosystem: dj-stripe", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  CHECK(RelationsOf(a, "billing.Subscriber") ==
        S{"customer o2o djstripe.Customer (external)",
          "subscription fk djstripe.Subscription (external)"});  // djstripe.Subscription through `from djstripe import models as djstripe`
  CHECK(RelationsOf(a, "billing.UsageReport") ==
        S{"subscriber fk billing.Subscriber", "djstripe_owner_account fk djstripe.Account (external) <- djstripe.StripeModel"});
}

TEST_CASE("ecosystem: a class on an unknown third-party base is inferred from its body, with a note", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  const seams::ModelInfo* payment = a.models.Find("legacy.Payment");
  REQUIRE(payment);
  CHECK(payment->inferred);
  CHECK(payment->inferred_from == "payments_sdk.orm.Record");
  CHECK(Shape(a, "legacy.Report") == "concrete inferred");  // from its Meta's db_table
  CHECK(a.models.Find("legacy.Report")->db_table == "legacy_report");
  CHECK(Shape(a, "legacy.Refund") == "concrete");  // a model through the inferred one, not inferred itself
  CHECK(a.models.Find("legacy.PaymentSerializer") == nullptr);  // a Meta with `model` is no model's
  CHECK(a.models.Find("legacy.Formatter") == nullptr);          // no field, no Meta
  CHECK(RelationsOf(a, "legacy.Payment") == S{"payer fk accounts.User"});
  CHECK(RelationsOf(a, "legacy.Refund") == S{"- inherits legacy.Payment"});
  V inferred;
  for (const auto& d : DiagnosticsOf(a, "inferred-model")) {
    inferred.push_back(d.path + ":" + std::to_string(d.line));
    CHECK(d.severity == seams::Severity::kWarning);
  }
  CHECK(inferred == V{"legacy/models.py:10", "legacy/models.py:15"});
  auto notes = DiagnosticsOf(a, "inferred-model");
  REQUIRE(notes.size() == 2);
  CHECK(notes[0].message.find("legacy.Payment") != std::string::npos);
  CHECK(notes[0].message.find("'payments_sdk.orm.Record'") != std::string::npos);
  CHECK(notes[0].message.find("model field 'amount' (line 11)") != std::string::npos);
  CHECK(notes[0].message.find("[[tool.seams.django.models]]") != std::string::npos);
  CHECK(notes[1].message.find("'reporting_kit.models.ReportBase'") != std::string::npos);
  CHECK(notes[1].message.find("Meta with the model option 'db_table'") != std::string::npos);
  // A target that is nowhere stays an unresolved relation with its line.
  auto unresolved = DiagnosticsOf(a, "unresolved-relation");
  REQUIRE(unresolved.size() == 1);
  CHECK(unresolved[0].path == "legacy/models.py");
  CHECK(unresolved[0].line == 21);
  CHECK(unresolved[0].message.find("legacy.Refund.payment") != std::string::npos);
}

TEST_CASE("ecosystem: report.json marks inferred models and the handout counts them", "[knowledge][ecosystem]") {
  nlohmann::json report = seams::BuildAnalysisReport(Ecosystem());
  S inferred;
  for (const auto& m : report.at("models")) {
    if (m.contains("inferred")) {
      CHECK(m.at("inferred") == true);
      inferred.insert(m.at("key").get<std::string>() + " " + m.at("inferred_from").get<std::string>());
    } else {
      CHECK_FALSE(m.contains("inferred_from"));
    }
  }
  CHECK(inferred == S{"legacy.Payment payments_sdk.orm.Record", "legacy.Report reporting_kit.models.ReportBase"});
  std::ostringstream handout;
  seams::WriteHandoutMarkdown(report, handout);
  std::string md = handout.str();
  CHECK(md.find("## Models Seams is not sure of") != std::string::npos);
  CHECK(md.find("2 models are inferred") != std::string::npos);
  CHECK(md.find("| `payments_sdk.orm.Record` | 1 |") != std::string::npos);
  CHECK(md.find("1 relation is unresolved") != std::string::npos);
}

TEST_CASE("ecosystem: known-base and inferred models join the coupling graph and the proposal", "[knowledge][ecosystem]") {
  const auto& a = Ecosystem();
  const auto& g = a.coupling;
  for (const char* key : {"legacy.Payment", "legacy.Report", "cms.BlogPage", "stamps.Article", "tagging.Photo"}) {
    INFO(key);
    REQUIRE(g.Find(key) >= 0);
    CHECK(g.nodes[static_cast<std::size_t>(g.Find(key))].kind == seams::NodeKind::kModel);
  }
  CHECK(HasEdge(g, "legacy.Payment", "accounts.User", seams::CouplingKind::kFk));
  CHECK(HasEdge(g, "legacy.Refund", "legacy.Payment", seams::CouplingKind::kInherits));
  CHECK(HasEdge(g, "legacy.views", "legacy.Payment", seams::CouplingKind::kImport));  // `from legacy.models import Payment`
  CHECK(HasEdge(g, "cms.BlogAuthor", "cms.BlogPage", seams::CouplingKind::kFk));         // ParentalKey
  CHECK(HasEdge(g, "tagging.Photo", "tagging.Label", seams::CouplingKind::kM2m));         // TaggableManager
  CHECK(HasEdge(g, "tagging.Photo", "tagging.LabelledItem", seams::CouplingKind::kM2m));  // its through model
  CHECK(HasEdge(g, "stamps.Note", "stamps.Article", seams::CouplingKind::kFk));
  REQUIRE(a.has_proposal);
  for (const char* key : {"legacy.Payment", "legacy.Report", "cms.BlogPage", "stamps.Article"}) {
    INFO(key);
    auto i = static_cast<std::size_t>(g.Find(key));
    REQUIRE(i < a.proposal.node_context.size());
    CHECK_FALSE(a.proposal.node_context[i].empty());
  }
  // Tables: an inferred model has one like any other.
  CHECK(std::any_of(a.tables.begin(), a.tables.end(), [](const seams::TableInfo& t) { return t.table == "legacy_report" && t.model == "legacy.Report"; }));
}

TEST_CASE("config extends the knowledge base: [[django.models]] and [[django.fields]]", "[knowledge][config]") {
  seams::Config config = seams::ParseConfig(R"(
[[django.models]]
class = "payments_sdk.orm.Record"
package = "payments-sdk 2.1"
abstract = true
relations = [{ field = "created_by", kind = "fk", to = "AUTH_USER_MODEL" }]

[[django.models]]
class = "payments_sdk.orm.Ledger"
label = "payments"
abstract = false

[[django.fields]]
class = "payments_sdk.fields.LedgerKey"
kind = "fk"
target_keyword = "ledger"
target_arg = -1
default_target = "payments.Ledger"
)",
                                            "seams.toml");
  REQUIRE(config.known_models.size() == 2);
  CHECK(config.known_models[0].qualname == "payments_sdk.orm.Record");
  CHECK(config.known_models[0].line == 2);
  CHECK(config.known_models[0].source == "seams.toml");
  CHECK(config.known_models[1].Key() == "payments.Ledger");
  REQUIRE(config.known_fields.size() == 1);

  seams::MemoryFileSystem fs;
  fs.AddFile("proj/shop/__init__.py", "");
  fs.AddFile("proj/shop/models.py",
             "from django.db import models\n"
             "from payments_sdk.orm import Record, Ledger\n"
             "from payments_sdk.fields import LedgerKey\n"
             "class Payment(Record):\n"
             "    amount = models.DecimalField(max_digits=9, decimal_places=2)\n"
             "    ledger = LedgerKey()\n"
             "    backup = LedgerKey(ledger='shop.Archive')\n"
             "class Archive(Record):\n"
             "    pass\n"
             "class Entry(models.Model):\n"
             "    ledger = models.ForeignKey(Ledger, on_delete=models.CASCADE)\n");
  seams::AnalysisOptions without;
  auto before = seams::Analyze(fs, "proj", without);
  CHECK(Shape(before, "shop.Payment") == "concrete inferred");
  CHECK(before.models.Find("shop.Archive") == nullptr);  // no body to infer from
  CHECK(RelationsOf(before, "shop.Entry").empty());      // Ledger is unknown
  CHECK(DiagnosticsOf(before, "unresolved-relation").size() == 1);

  seams::AnalysisOptions with;
  with.django.known_models = config.known_models;
  with.django.known_fields = config.known_fields;
  auto after = seams::Analyze(fs, "proj", with);
  CHECK(Shape(after, "shop.Payment") == "concrete");  // certain now: no inference, no note
  CHECK(Shape(after, "shop.Archive") == "concrete");
  CHECK(DiagnosticsOf(after, "inferred-model").empty());
  CHECK(DiagnosticsOf(after, "unresolved-relation").empty());
  CHECK(RelationsOf(after, "shop.Payment") == S{"created_by fk auth.User (external) <- payments_sdk.Record",
                                                "ledger fk payments.Ledger (external)", "backup fk shop.Archive"});
  CHECK(RelationsOf(after, "shop.Entry") == S{"ledger fk payments.Ledger (external)"});
}

TEST_CASE("config entries for models and fields: errors say file, line and what is wrong", "[knowledge][config]") {
  auto error_of = [](const std::string& text, const std::string& path) -> std::string {
    try {
      seams::ParseConfig(text, path);
    } catch (const seams::SeamsError& e) {
      CHECK(e.kind() == seams::ErrorKind::kConfig);
      return e.what();
    }
    return "";
  };
  std::string e = error_of(R"([tool.seams]
root = "."

[[tool.seams.django.models]]
class = "payments_sdk.orm.Record"

[[tool.seams.django.models]]
abstract = true
relations = [{ field = "owner", kind = "fk" }]

[[tool.seams.django.fields]]
class = "payments_sdk.fields.LedgerKey"
kind = "foreign"
)",
                           "pyproject.toml");
  INFO(e);
  CHECK(e.find("pyproject.toml:4:1: 'abstract' is missing in [[tool.seams.django.models]]") != std::string::npos);
  CHECK(e.find("help: abstract = true for a base without a table") != std::string::npos);
  CHECK(e.find("pyproject.toml:7:1: 'class' is missing in [[tool.seams.django.models]]") != std::string::npos);
  CHECK(e.find("pyproject.toml:9:14: relation 'owner' has no 'to'") != std::string::npos);
  CHECK(e.find("pyproject.toml:13:8: unknown field kind 'foreign'") != std::string::npos);
  std::string shape = error_of("[django]\nmodels = \"x\"\n", "seams.toml");
  CHECK(shape.find("seams.toml:2:10: '[[django.models]]' must be an array of tables") != std::string::npos);
  std::string key = error_of("[[django.models]]\nclass = \"a.B\"\nabstract = true\nbase = \"x\"\n", "seams.toml");
  CHECK(key.find("seams.toml:4:1: unknown key 'base' in [[django.models]]") != std::string::npos);
}

TEST_CASE("shopwise's output is unchanged: nothing inferred, no new section", "[knowledge][shopwise]") {
  seams::RealFileSystem fs;
  auto shopwise = seams::Analyze(fs, std::string(SEAMS_SOURCE_DIR) + "/examples/shopwise", seams::AnalysisOptions{});
  for (const auto& m : shopwise.models.models) {
    INFO(m.key);
    CHECK_FALSE(m.inferred);
  }
  CHECK(DiagnosticsOf(shopwise, "inferred-model").empty());
  CHECK(DiagnosticsOf(shopwise, "unresolved-relation").empty());
  nlohmann::json report = seams::BuildAnalysisReport(shopwise);
  for (const auto& m : report.at("models")) CHECK_FALSE(m.contains("inferred"));
}
