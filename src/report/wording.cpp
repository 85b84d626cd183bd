#include "report/wording.h"

#include <array>
#include <utility>

namespace plantrack::report {
namespace {

// Terms as the plan and provincial reporting use them: 任务领域 for a task area, 牵头 and
// 配合 for the lead and supporting units, 红/黄/绿 for the RAG ratings.
constexpr std::array<std::pair<std::string_view, std::string_view>, 78> kHeaders{{
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
    {"LATEST", "最新值"},
    {"LEAD", "牵头"},
    {"LEADS", "牵头数"},
    {"MILESTONE", "节点"},
    {"MILESTONES", "节点数"},
    {"MS LATE", "节点逾期完成"},
    {"MS NOT DONE", "节点未完成"},
    {"MS ON TIME", "节点按时"},
    {"NAME", "名称"},
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
    {"RAG", "评级"},
    {"REASON", "原因"},
    {"RECEIVED", "收到时间"},
    {"RECORDED", "录入时间"},
    {"RED", "红"},
    {"RETRACTED", "已撤回"},
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
}};

}  // namespace

std::string_view HeaderIn(bool zh, std::string_view header) {
  if (!zh) return header;
  for (const auto& [en, cn] : kHeaders) {
    if (en == header) return cn;
  }
  return header;
}

}  // namespace plantrack::report
