// The HTML report builds only the overdue items it shows (DigestOverdue): they must be the head
// of the full list BuildOverdue gives, in its order, and of each area's red items, with the
// right counts; on a generated list full of ties on days and shortfall.

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "report/overdue_report.h"

using namespace plantrack;

namespace {

std::vector<std::string> Codes(const std::vector<report::OverdueItem>& items) {
  std::vector<std::string> codes;
  for (const auto& item : items) {
    codes.push_back(fmt::format("{} {} {} {} {} {}", item.kind, item.code, item.rag, item.lead,
                                item.days_overdue, item.detail));
  }
  return codes;
}

}  // namespace

TEST_CASE("overdue digest: the items shown are the head of the full list, per area too",
          "[report]") {
  const domain::Date as_of = *domain::ParseIsoDate("2026-11-28");
  std::vector<report::AssessedAction> actions;
  const std::vector<std::string> areas{"T1", "T2", "T3"};
  for (int i = 0; i < 300; ++i) {
    report::AssessedAction item;
    item.action.code = fmt::format("A{:03}", (i * 37) % 300);
    item.action.area = areas[static_cast<size_t>(i % 3)];
    item.action.lead = i % 5 == 0 ? "" : fmt::format("unit-{}", i % 7);
    item.action.due_on = "2026-01-01";
    const int kind = i % 4;  // red overdue, red behind, amber, green
    item.assessment.rag = kind == 3   ? domain::Rag::kGreen
                          : kind == 2 ? domain::Rag::kAmber
                                      : domain::Rag::kRed;
    item.assessment.reason = kind == 0 ? domain::Reason::kOverdue : domain::Reason::kBehindPace;
    item.assessment.days_overdue = kind == 0 ? (i % 9) * 10 : 0;
    item.assessment.shortfall = kind == 0 ? 0 : static_cast<double>(i % 6) * 5;
    actions.push_back(item);
  }
  std::vector<store::OpenMilestone> milestones;
  for (int i = 0; i < 200; ++i) {
    const std::string action = fmt::format("A{:03}", (i * 11) % 300);
    milestones.push_back({fmt::format("M{:03}", (i * 53) % 200), action,
                          areas[static_cast<size_t>(i % 3)], "title", "标题",
                          fmt::format("2026-{:02}-01", 1 + i % 9), "", 2030});
  }
  for (bool zh : {false, true}) {
    const auto all = report::BuildOverdue(actions, milestones, as_of, {}, zh);
    for (size_t first : {size_t{0}, size_t{7}, size_t{50}, size_t{1000}}) {
      for (size_t per_area : {size_t{1}, size_t{10}}) {
        INFO(first << " " << per_area << " " << zh);
        const auto digest = report::DigestOverdue(actions, milestones, as_of, zh, first, per_area);
        CHECK(digest.count == all.size());
        const std::vector<report::OverdueItem> head(
            all.begin(), all.begin() + static_cast<std::ptrdiff_t>(std::min(first, all.size())));
        CHECK(Codes(digest.worst) == Codes(head));
        for (const std::string& area : areas) {
          std::vector<report::OverdueItem> red;
          size_t count = 0;
          for (const auto& item : all) {
            if (item.area != area || item.rag != "red") continue;
            if (count++ < per_area) red.push_back(item);
          }
          REQUIRE(digest.red_count_by_area.contains(area));
          CHECK(digest.red_count_by_area.at(area) == count);
          CHECK(Codes(digest.red_by_area.at(area)) == Codes(red));
        }
      }
    }
  }
}
