#include "report/assessed.h"

namespace plantrack::report {
namespace {

std::optional<domain::LogPoint> Point(const std::optional<store::LogEntry>& entry) {
  if (!entry) return std::nullopt;
  return domain::LogPoint{StoredDate(entry->logged_on), entry->percent, entry->status};
}

}  // namespace

void RagCounts::Add(domain::Rag rag) {
  switch (rag) {
    case domain::Rag::kDone:
      ++done;
      break;
    case domain::Rag::kGreen:
      ++green;
      break;
    case domain::Rag::kAmber:
      ++amber;
      break;
    case domain::Rag::kRed:
      ++red;
      break;
  }
}

domain::Date StoredDate(const std::string& text) {
  return domain::ParseIsoDate(text).value_or(domain::Date{});
}

std::vector<AssessedAction> AssessActions(std::vector<store::ActionProgress> actions,
                                          const domain::Date& as_of) {
  std::vector<AssessedAction> assessed;
  assessed.reserve(actions.size());
  for (store::ActionProgress& action : actions) {
    domain::ActionFacts facts{StoredDate(action.start_on), StoredDate(action.due_on),
                              Point(action.first), Point(action.latest)};
    domain::Assessment assessment = domain::AssessAction(facts, as_of);
    assessed.push_back({std::move(action), assessment});
  }
  return assessed;
}

}  // namespace plantrack::report
