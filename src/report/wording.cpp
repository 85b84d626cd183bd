#include "report/wording.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "report/catalogue.h"

namespace plantrack::report {
namespace {

// Terms as the plan and provincial reporting use them: 任务领域 for a task area, 牵头 and
// 配合 for the lead and supporting units, 红/黄/绿 for the RAG ratings.
constexpr std::pair<std::string_view, std::string_view> kHeaders[] = {
    {"ACTION", "行动"},
    {"ACTIONS", "行动数"},
    {"ACTUAL", "实报"},
    {"AMBER", "黄"},
    {"AREA", "任务领域"},
    {"BASELINE", "基期值"},
    {"BY", "审核单位"},
    {"BY AREA (lead/support)", "按领域（牵头/配合）"},
    {"CODE", "编号"},
    {"COMPLETE", "完整率"},
    {"COORD", "统筹"},
    {"DATE", "日期"},
    {"DAYS", "天数"},
    {"DAYS LATE", "迟报天数"},
    {"DEPTH", "层级"},
    {"DETAIL", "说明"},
    {"DONE", "完成"},
    {"DONE ON", "完成日期"},
    {"DONE SHARE", "完成权重占比"},
    {"DUE", "截止"},
    {"ELAPSED", "时间进度"},
    {"END OF", "期末"},
    {"EVENT", "事件"},
    {"EXPECTED", "应报"},
    {"GAP", "差距"},
    {"GAP SHARE", "差距占比"},
    {"GREEN", "绿"},
    {"HORIZON", "目标年"},
    {"ID", "编号"},
    {"KIND", "类别"},
    {"LATE", "逾期完成"},
    {"LATE BY", "逾期天数"},
    {"LAST LOG", "最近填报"},
    {"LATEST", "最新值"},
    {"LEAD", "牵头"},
    {"LEADS", "牵头数"},
    {"MILESTONE", "节点"},
    {"MILESTONES", "节点数"},
    {"MS LATE", "节点逾期完成"},
    {"MS NOT DONE", "节点未完成"},
    {"MS ON TIME", "节点按时"},
    {"NAME", "名称"},
    {"NEXT MILESTONE", "下一节点"},
    {"NEXT MILESTONES", "下一节点"},
    {"NO PACE", "无进度"},
    {"NOT DONE", "未完成"},
    {"NOTE", "说明"},
    {"ON", "日期"},
    {"ON TIME", "按时"},
    {"OUTCOME", "结果"},
    {"OVERDUE MS", "逾期节点"},
    {"PACE", "进度评估"},
    {"PARENT", "上级"},
    {"PACKET", "数据包"},
    {"PARTIAL", "部分报送"},
    {"PERCENT", "完成度"},
    {"PERIOD", "季度"},
    {"PROJECTED", "预计完成"},
    {"QUARTER", "季度"},
    {"RAG", "评级"},
    {"REASON", "原因"},
    {"RECEIVED", "收到时间"},
    {"RECORDED", "录入时间"},
    {"RED", "红"},
    {"RETRACTED", "已撤回"},
    {"ROLE", "角色"},
    {"SIGN-OFF", "审核签发"},
    {"SLUG", "标识"},
    {"START", "开始"},
    {"STATE", "审核状态"},
    {"STATUS", "状态"},
    {"SUPPORT", "配合"},
    {"SUPPORTS", "配合数"},
    {"TARGET", "目标值"},
    {"TIMELY", "及时率"},
    {"TITLE", "名称"},
    {"UNIT", "单位"},
    {"VALUE", "数值"},
    {"VERDICT", "评价"},
    {"WEIGHT", "权重"},
    {"YEAR", "年份"},
    {"item", "项目"},
    {"value", "值"},
    // The conflicts listing's headers are in lower case.
    {"id", "编号"},
    {"kind", "类别"},
    {"packet", "数据包"},
    {"reason", "原因"},
    {"received", "接收时间"},
    {"record", "记录"},
    {"settled by", "处理单位"},
    {"state", "状态"},
    {"unit", "单位"},
    // `key list`'s headers, in lower case too.
    {"added", "登记时间"},
    {"public key", "公钥"},
};

struct Word {
  std::string_view column;  // empty: in any column
  std::string_view code;
  std::string_view zh;
};

// Codes as the cells of tables show them. Statuses and reasons follow the wording of the
// provincial progress reports (正常推进, 滞后, 受阻); an indicator's unit is written as a
// Chinese reader expects it (万亿元, 公里).
constexpr Word kWords[] = {
    {"event", "done", "节点完成"},
    {"event", "reopened", "节点重开"},
    {"event", "reopen", "退回"},
    {"kind", "entry", "进展记录"},
    {"kind", "value", "指标数值"},
    // Words inside sentences (report/catalogue.h): what only coordinators may do, what a
    // code names, how a quarter stands.
    {"", "a NUL character", "空字符（NUL）"},
    {"", "an escape character (ESC)", "转义字符（ESC）"},
    {"", "a line break or tab", "换行符或制表符"},
    {"", "a control character", "控制字符"},
    {"", "a C1 control character", "C1 控制字符"},
    {"", "a bidirectional override or isolate", "双向文本控制符"},
    {"", "area", "任务领域"},
    {"", "reason", "原因"},
    {"", "title-en", "英文名称"},
    {"", "title-zh", "中文名称"},
    {"", "as_of", "数值日期"},
    {"", "done_on", "完成日期"},
    {"", "logged_on", "填报日期"},
    {"", "note", "说明"},
    {"", "change the plan", "修改规划"},
    {"", "in the future", "尚未开始"},
    {"", "indicator", "指标"},
    {"", "publish", "发布"},
    {"", "published", "已发布"},
    {"", "sent", "已发送"},
    {"", "register keys", "登记密钥"},
    {"", "settle conflicts", "处理冲突"},
    {"", "still running", "尚未结束"},
    {"", "unit", "单位"},
    // What `info` counts.
    {"key", "path", "数据库文件"},
    {"key", "schema_version", "数据库版本"},
    {"key", "plan", "规划"},
    {"key", "task_areas", "任务领域"},
    {"key", "units", "单位"},
    {"key", "actions", "行动"},
    {"key", "responsibilities", "责任分工"},
    {"key", "milestones", "节点"},
    {"key", "indicators", "指标"},
    {"key", "indicator_targets", "指标目标"},
    {"key", "indicator_values", "指标数值"},
    {"key", "progress_log", "进展记录"},
    {"key", "progress", "进展记录"},
    {"key", "retractions", "撤回"},
    {"key", "journal", "操作日志"},
    // The scopes of the CZT indicators, which the HTML report shows beside their units.
    {"", "Xiang River, CZT section", "湘江长株潭段"},
    {"", "metropolitan area (18,900 km2)", "都市圈（1.89万平方公里）"},
    {"", "metropolitan area (18,900 km2); the 2026 target's scope is read as the metropolitan area",
     "都市圈（1.89万平方公里）；2026年目标按都市圈口径"},
    {"", "metropolitan area (implementation plan)", "都市圈（实施方案口径）"},
    {"", "three cities", "三市"},
    {"", "three whole cities", "三市全域"},
    {"", "three whole cities, January to June", "三市全域，1—6月"},
    {"", "acceleration-needed", "需加快"},
    {"", "accepted", "已接受"},
    {"", "achieved", "全面完成"},
    {"", "achieved-late", "逾期完成"},
    {"", "action", "行动"},
    {"", "add-action", "新增行动"},
    {"", "add-indicator", "新增指标"},
    {"", "add-milestone", "新增节点"},
    {"", "add-unit", "新增单位"},
    {"", "agency", "机构"},
    {"", "amber", "黄"},
    {"", "approve", "审核"},
    {"", "approved", "已审核"},
    {"", "assign", "分配责任"},
    {"", "at-risk", "有风险"},
    {"", "behind-pace", "进度落后"},
    {"", "blocked", "受阻"},
    {"", "city", "市"},
    {"", "conflict", "冲突"},
    {"", "settled-on-master", "主库处理的冲突"},
    {"", "clusters", "个"},
    {"", "county", "县（市）"},
    {"", "delayed", "滞后"},
    {"", "department", "部门"},
    {"", "deteriorating", "趋于恶化"},
    {"", "district", "区"},
    {"", "done", "已完成"},
    {"", "done-late", "逾期完成"},
    {"", "done-on-time", "按时完成"},
    {"", "down", "越低越好"},
    {"", "enterprises", "家"},
    {"", "green", "绿"},
    {"", "import", "导入"},
    {"", "in-progress", "推进中"},
    {"", "index", "指数"},
    {"", "indicator-unreported", "指标未报"},
    {"", "key-add", "登记密钥"},
    {"", "km", "公里"},
    {"", "lead", "牵头"},
    {"", "limited-progress", "进展有限"},
    {"", "log", "进展记录"},
    {"", "measure", "指标数值"},
    {"", "met", "已实现"},
    {"", "milestone", "节点"},
    {"", "million", "百万人"},
    {"", "missed", "未实现"},
    {"", "n/a", "无"},
    {"", "never", "无法预计"},
    {"", "never-reported", "从未报送"},
    {"", "no", "否"},
    {"", "no-actions", "无行动"},
    {"", "no-data", "无数据"},
    {"", "no-lead", "无牵头单位"},
    {"", "no-target", "无目标"},
    {"", "none", "无"},
    {"", "not-achieved", "未完成"},
    {"", "not-done", "未完成"},
    {"", "not-submitted", "未报送"},
    {"", "on-pace", "进度正常"},
    {"", "on-track", "正常推进"},
    {"", "open", "待处理"},
    {"", "overdue", "逾期"},
    {"", "partly-achieved", "部分完成"},
    {"", "projected-late", "预计逾期"},
    {"", "province", "省"},
    {"", "red", "红"},
    {"", "rejected", "已拒绝"},
    {"", "reopened", "已退回"},
    {"", "retract", "撤回"},
    {"", "retraction", "撤回"},
    {"", "several-leads", "多个牵头单位"},
    {"", "silent-overdue", "逾期未报"},
    {"", "stale", "久未更新"},
    {"", "submit", "报送"},
    {"", "submitted", "已报送"},
    {"", "support", "配合"},
    {"", "supports-only", "仅配合"},
    {"", "trillion yuan", "万亿元"},
    {"", "trillion yuan (January-June)", "万亿元（1—6月）"},
    {"", "unassign", "取消责任"},
    {"", "undo", "撤销"},
    {"", "up", "越高越好"},
    {"", "value-retraction", "数值撤回"},
    {"", "yes", "是"},
};

// The JSON keys of columns whose cells are codes, and of those holding the program's sentences.
constexpr std::string_view kWordColumns[] = {
    "approval",  "completeness", "timeliness", "direction", "event",         "key",    "kind",
    "outcome",   "pace",         "projected",  "partial",   "quarter_entry", "rag",    "reason",
    "retracted", "role",         "state",      "status",    "unit",          "verdict"};
constexpr std::string_view kSentenceColumns[] = {"detail", "reason"};

}  // namespace

std::string_view HeaderIn(bool zh, std::string_view header) {
  if (!zh) return header;
  for (const auto& [en, cn] : kHeaders) {
    if (en == header) return cn;
  }
  return header;
}

std::string_view WordIn(bool zh, std::string_view code, std::string_view column) {
  if (!zh) return code;
  const Word* general = nullptr;
  for (const Word& word : kWords) {
    if (word.code != code) continue;
    if (word.column == column) return word.zh;
    if (word.column.empty()) general = &word;
  }
  return general ? general->zh : code;
}

std::string CellIn(bool zh, std::string_view column, std::string text) {
  if (!zh) return text;  // moved: English tables pay nothing
  auto in = [&](const auto& columns) {
    return std::find(std::begin(columns), std::end(columns), column) != std::end(columns);
  };
  if (in(kWordColumns)) {
    const std::string_view word = WordIn(zh, text, column);
    if (word != text) return std::string(word);
  }
  return in(kSentenceColumns) ? Translate(zh, text) : text;
}

}  // namespace plantrack::report
