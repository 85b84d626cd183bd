#include "store/row_kinds.h"

#include <fmt/format.h>

#include <algorithm>
#include <iterator>
#include <set>

namespace plantrack::store {
namespace {

constexpr CodeSpec kCodes[] = {
    {CodeKind::kPlan, "plan", "code", "SELECT code, id FROM plan",
     "SELECT 1 FROM plan WHERE code = :code", "SELECT code, '', '' FROM plan ORDER BY code"},
    {CodeKind::kArea, "area", "code", "SELECT code, id FROM task_area",
     "SELECT 1 FROM task_area WHERE code = :code",
     "SELECT code, '', '' FROM task_area ORDER BY code"},
    {CodeKind::kUnit, "unit", "slug", "SELECT slug, id FROM unit",
     "SELECT 1 FROM unit WHERE slug = :code",
     "SELECT slug, name_en, name_zh FROM unit ORDER BY slug"},
    {CodeKind::kAction, "action", "code", "SELECT code, id FROM action",
     "SELECT 1 FROM action WHERE code = :code", "SELECT code, '', '' FROM action ORDER BY code"},
    {CodeKind::kMilestone, "milestone", "code", "SELECT code, id FROM milestone",
     "SELECT 1 FROM milestone WHERE code = :code",
     "SELECT code, '', '' FROM milestone ORDER BY code"},
    {CodeKind::kIndicator, "indicator", "code", "SELECT code, id FROM indicator",
     "SELECT 1 FROM indicator WHERE code = :code",
     "SELECT code, '', '' FROM indicator ORDER BY code"},
};

constexpr bool InKindOrder() {
  for (size_t i = 0; i < std::size(kCodes); ++i) {
    if (static_cast<size_t>(kCodes[i].kind) != i) return false;
  }
  return true;
}
static_assert(InKindOrder(), "SpecOf(CodeKind) indexes kCodes by the enum");

constexpr TextRule kLine = TextRule::kLine;

const std::vector<KindSpec>& Kinds() {
  static const std::vector<KindSpec> kKinds = {
      {RowKind::kPlan,
       "plan",
       {{"code", Field::kRequiredText, {}, kLine},
        {"title_en", Field::kRequiredText, {}, kLine},
        {"title_zh", Field::kText, {}, kLine},
        {"issued_on", Field::kDate},
        {"near_horizon", Field::kDate},
        {"far_horizon", Field::kDate},
        {"source", Field::kText, {}, kLine}},
       CodeKind::kPlan,
       1,
       R"sql(SELECT code, title_en, title_zh, issued_on, near_horizon, far_horizon, source
               FROM plan ORDER BY id)sql",
       R"sql(INSERT INTO plan (code, title_en, title_zh, issued_on, near_horizon, far_horizon, source)
             VALUES (:code, :title_en, :title_zh, :issued_on, :near_horizon, :far_horizon, :source)
             ON CONFLICT (code) DO UPDATE SET title_en = excluded.title_en,
               title_zh = excluded.title_zh, issued_on = excluded.issued_on,
               near_horizon = excluded.near_horizon, far_horizon = excluded.far_horizon,
               source = excluded.source)sql"},
      {RowKind::kTaskAreas,
       "task_areas",
       {{"code", Field::kRequiredText, {}, kLine},
        {"title_en", Field::kRequiredText, {}, kLine},
        {"title_zh", Field::kText, {}, kLine},
        {"description", Field::kText, {}, TextRule::kParagraph}},
       CodeKind::kArea,
       1,
       R"sql(SELECT code, title_en, title_zh, description FROM task_area
              ORDER BY length(code), code)sql",
       R"sql(INSERT INTO task_area (plan_id, code, title_en, title_zh, description)
             VALUES ((SELECT min(id) FROM plan), :code, :title_en, :title_zh, :description)
             ON CONFLICT (code) DO UPDATE SET title_en = excluded.title_en,
               title_zh = excluded.title_zh, description = excluded.description)sql"},
      {RowKind::kUnits,
       "units",
       {{"slug", Field::kRequiredText},
        {"name_en", Field::kRequiredText, {}, kLine},
        {"name_zh", Field::kText, {}, kLine},
        {"kind", Field::kRequiredText},
        {"parent", Field::kOptionalRef, CodeKind::kUnit},
        {"coordinator", Field::kInteger},
        {"source", Field::kText, {}, kLine}},
       CodeKind::kUnit,
       1,
       // Parents before children, so the file imports in its own order.
       R"sql(WITH RECURSIVE tree (id, path) AS (
               SELECT id, slug FROM unit WHERE parent_id IS NULL
               UNION ALL
               SELECT u.id, tree.path || '/' || u.slug FROM unit u JOIN tree ON u.parent_id = tree.id)
             SELECT u.slug, u.name_en, u.name_zh, u.kind, coalesce(p.slug, ''), u.coordinator,
                    u.source
               FROM tree JOIN unit u ON u.id = tree.id LEFT JOIN unit p ON p.id = u.parent_id
              ORDER BY tree.path)sql",
       R"sql(INSERT INTO unit (slug, name_en, name_zh, kind, parent_id, coordinator, source)
             VALUES (:slug, :name_en, :name_zh, :kind, :parent, :coordinator, :source)
             ON CONFLICT (slug) DO UPDATE SET name_en = excluded.name_en,
               name_zh = excluded.name_zh, kind = excluded.kind, parent_id = excluded.parent_id,
               coordinator = excluded.coordinator, source = excluded.source)sql"},
      {RowKind::kActions,
       "actions",
       {{"code", Field::kRequiredText},
        {"area", Field::kRef, CodeKind::kArea},
        {"title_en", Field::kRequiredText, {}, kLine},
        {"title_zh", Field::kText, {}, kLine},
        {"horizon", Field::kInteger},
        {"start_on", Field::kDate},
        {"due_on", Field::kDate},
        {"weight", Field::kNumber},
        {"source", Field::kText, {}, kLine}},
       CodeKind::kAction,
       1,
       R"sql(SELECT a.code, ta.code, a.title_en, a.title_zh, a.horizon, a.start_on, a.due_on,
                    a.weight, a.source
               FROM action a JOIN task_area ta ON ta.id = a.task_area_id ORDER BY a.code)sql",
       R"sql(INSERT INTO action (code, task_area_id, title_en, title_zh, horizon, start_on, due_on,
                                 weight, source)
             VALUES (:code, :area, :title_en, :title_zh, :horizon, :start_on, :due_on, :weight,
                     :source)
             ON CONFLICT (code) DO UPDATE SET task_area_id = excluded.task_area_id,
               title_en = excluded.title_en, title_zh = excluded.title_zh,
               horizon = excluded.horizon, start_on = excluded.start_on,
               due_on = excluded.due_on, weight = excluded.weight, source = excluded.source)sql"},
      {RowKind::kResponsibilities,
       "responsibilities",
       {{"action", Field::kRef, CodeKind::kAction},
        {"unit", Field::kRef, CodeKind::kUnit},
        {"role", Field::kRequiredText}},
       std::nullopt,
       2,
       R"sql(SELECT a.code, u.slug, r.role FROM responsibility r
               JOIN action a ON a.id = r.action_id JOIN unit u ON u.id = r.unit_id
              ORDER BY a.code, u.slug)sql",
       R"sql(INSERT INTO responsibility (action_id, unit_id, role) VALUES (:action, :unit, :role)
             ON CONFLICT (action_id, unit_id) DO UPDATE SET role = excluded.role)sql",
       R"sql(SELECT a.code || '|' || u.slug FROM responsibility r
               JOIN action a ON a.id = r.action_id JOIN unit u ON u.id = r.unit_id)sql"},
      {RowKind::kMilestones,
       "milestones",
       {{"code", Field::kRequiredText},
        {"action", Field::kRef, CodeKind::kAction},
        {"title_en", Field::kRequiredText, {}, kLine},
        {"title_zh", Field::kText, {}, kLine},
        {"due_on", Field::kDate},
        {"done_on", Field::kOptionalDate}},
       CodeKind::kMilestone,
       1,
       R"sql(SELECT m.code, a.code, m.title_en, m.title_zh, m.due_on, coalesce(m.done_on, '')
               FROM milestone m JOIN action a ON a.id = m.action_id ORDER BY m.code)sql",
       R"sql(INSERT INTO milestone (code, action_id, title_en, title_zh, due_on, done_on)
             VALUES (:code, :action, :title_en, :title_zh, :due_on, :done_on)
             ON CONFLICT (code) DO UPDATE SET action_id = excluded.action_id,
               title_en = excluded.title_en, title_zh = excluded.title_zh,
               due_on = excluded.due_on, done_on = excluded.done_on)sql"},
      {RowKind::kIndicators,
       "indicators",
       {{"code", Field::kRequiredText},
        {"name_en", Field::kRequiredText, {}, kLine},
        {"name_zh", Field::kText, {}, kLine},
        {"measure_unit", Field::kText, {}, kLine},
        {"direction", Field::kRequiredText},
        {"baseline_value", Field::kNumber},
        {"baseline_year", Field::kInteger},
        {"source", Field::kText, {}, kLine},
        {"scope", Field::kText, {}, kLine}},
       CodeKind::kIndicator,
       1,
       R"sql(SELECT code, name_en, name_zh, measure_unit, direction, baseline_value,
                    baseline_year, source, scope
               FROM indicator ORDER BY code)sql",
       R"sql(INSERT INTO indicator (code, name_en, name_zh, measure_unit, direction,
                                    baseline_value, baseline_year, source, scope)
             VALUES (:code, :name_en, :name_zh, :measure_unit, :direction, :baseline_value,
                     :baseline_year, :source, :scope)
             ON CONFLICT (code) DO UPDATE SET name_en = excluded.name_en,
               name_zh = excluded.name_zh, measure_unit = excluded.measure_unit,
               direction = excluded.direction, baseline_value = excluded.baseline_value,
               baseline_year = excluded.baseline_year, source = excluded.source,
               scope = excluded.scope)sql"},
      {RowKind::kIndicatorTargets,
       "indicator_targets",
       {{"indicator", Field::kRef, CodeKind::kIndicator},
        {"horizon", Field::kInteger},
        {"value", Field::kNumber},
        {"source", Field::kText, {}, kLine}},
       std::nullopt,
       2,
       R"sql(SELECT i.code, t.horizon, t.value, t.source FROM indicator_target t
               JOIN indicator i ON i.id = t.indicator_id ORDER BY i.code, t.horizon)sql",
       R"sql(INSERT INTO indicator_target (indicator_id, horizon, value, source)
             VALUES (:indicator, :horizon, :value, :source)
             ON CONFLICT (indicator_id, horizon) DO UPDATE SET value = excluded.value,
               source = excluded.source)sql",
       R"sql(SELECT i.code || '|' || t.horizon FROM indicator_target t
               JOIN indicator i ON i.id = t.indicator_id)sql"},
      // Appended rows: import_entries.cpp checks and writes them; only the live ones leave.
      {RowKind::kIndicatorValues,
       "indicator_values",
       {{"indicator"}, {"as_of"}, {"value"}, {"unit"}, {"source"}},
       std::nullopt,
       0,
       R"sql(SELECT i.code, v.as_of, v.value, coalesce(u.slug, ''), v.source
               FROM indicator_value v JOIN indicator i ON i.id = v.indicator_id
               LEFT JOIN unit u ON u.id = v.unit_id
              WHERE NOT EXISTS (SELECT 1 FROM indicator_value_retraction r
                                 WHERE r.indicator_value_id = v.id)
              ORDER BY i.code, v.as_of, v.id)sql"},
      {RowKind::kProgress,
       "progress",
       {{"action"},
        {"unit"},
        {"logged_on"},
        {"recorded_at"},
        {"percent"},
        {"status"},
        {"note"},
        {"source"}},
       std::nullopt,
       0,
       R"sql(SELECT a.code, u.slug, p.logged_on, p.recorded_at, p.percent, p.status, p.note,
                    p.source
               FROM progress_log p JOIN action a ON a.id = p.action_id
               JOIN unit u ON u.id = p.unit_id
              WHERE NOT EXISTS (SELECT 1 FROM retraction r WHERE r.progress_log_id = p.id)
              ORDER BY a.code, p.logged_on, p.id)sql"},
  };
  return kKinds;
}

}  // namespace

const CodeSpec& SpecOf(CodeKind kind) { return kCodes[static_cast<size_t>(kind)]; }

std::span<const KindSpec> KindSpecs() { return Kinds(); }

const KindSpec& SpecOf(RowKind kind) {
  return *std::find_if(Kinds().begin(), Kinds().end(),
                       [&](const KindSpec& spec) { return spec.kind == kind; });
}

std::optional<RowKind> KindNamed(std::string_view name) {
  for (const KindSpec& spec : KindSpecs()) {
    if (spec.name == name) return spec.kind;
  }
  return std::nullopt;
}

std::optional<RowKind> KindOfHeader(const std::vector<std::string>& header) {
  std::set<std::string_view> given(header.begin(), header.end());
  for (const KindSpec& spec : KindSpecs()) {
    std::set<std::string_view> columns;
    for (const Column& column : spec.columns) columns.insert(column.name);
    if (columns == given) return spec.kind;
  }
  return std::nullopt;
}

Result<std::vector<size_t>> ColumnPositions(const KindSpec& spec,
                                            const std::vector<std::string>& header) {
  std::vector<size_t> positions;
  for (const Column& column : spec.columns) {
    auto found = std::find(header.begin(), header.end(), column.name);
    if (found == header.end()) {
      return Status::BadData(fmt::format("missing column '{}'", column.name));
    }
    positions.push_back(static_cast<size_t>(found - header.begin()));
  }
  for (const std::string& name : header) {
    if (std::none_of(spec.columns.begin(), spec.columns.end(),
                     [&](const Column& column) { return column.name == name; })) {
      return Status::BadData(fmt::format("unexpected column '{}' in a {} file", name, spec.name));
    }
  }
  return positions;
}

}  // namespace plantrack::store
