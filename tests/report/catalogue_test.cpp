// The catalogue of sentences: matching a finished English sentence and rendering its Chinese.

#include "report/catalogue.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "report/wording.h"

using plantrack::report::CatalogueEntry;
using plantrack::report::Translate;

namespace {

// The arguments a pattern takes: "{}" and "{:04X}" in English; "{}", "{1}", "{w0}" in Chinese,
// where the largest index counts. Doubled braces are the braces themselves.
size_t Arguments(std::string_view pattern, bool indexed) {
  size_t count = 0;
  size_t sequential = 0;
  for (size_t i = 0; i < pattern.size(); ++i) {
    if (pattern[i] != '{') continue;
    if (i + 1 < pattern.size() && pattern[i + 1] == '{') {
      ++i;
      continue;
    }
    std::string spec(pattern.substr(i + 1, pattern.find('}', i) - i - 1));
    if (!spec.empty() && spec[0] == 'w') spec.erase(0, 1);
    if (!indexed || spec.empty() || spec[0] == ':') {
      count = std::max(count, ++sequential);
    } else {
      count = std::max(count, std::stoul(spec) + 1);
    }
  }
  return count;
}

}  // namespace

TEST_CASE("catalogue: English stays English without zh, and an unknown sentence stays as it is",
          "[report][zh]") {
  CHECK(Translate(false, "percent 150 is not a whole number from 0 to 100") ==
        "percent 150 is not a whole number from 0 to 100");
  CHECK(Translate(true, "something nobody wrote down") == "something nobody wrote down");
}

TEST_CASE("catalogue: a sentence is matched and its arguments carried over, reordered or as words",
          "[report][zh]") {
  CHECK(Translate(true, "percent 150 is not a whole number from 0 to 100") ==
        "完成度 150 不是 0 到 100 之间的整数");
  CHECK(Translate(true,
                  "value 2.45 of gdp-3c on 2026-06-30 is already recorded; the same value "
                  "twice is a duplicate") ==
        "gdp-3c 在 2026-06-30 的数值 2.45 已有记录；同一数值录入两次属于重复");
  CHECK(Translate(true, "logged #661: T2.03 70% on-track on 2026-11-28 by hunan-transport") ==
        "已记录 #661：T2.03 70% 正常推进，日期 2026-11-28，填报单位 hunan-transport");
  // The most specific pattern wins over a shorter one that matches too.
  CHECK(Translate(true, "unknown action 'T9.99' (did you mean T2.09?)") ==
        "未知行动 'T9.99'（是否要用 T2.09？）");
}

TEST_CASE("catalogue: a wrapped sentence and each line of several are translated", "[report][zh]") {
  CHECK(Translate(true, "q3.csv:12: percent 'abc' is not a whole number from 0 to 100") ==
        "q3.csv:12：完成度 'abc' 不是 0 到 100 之间的整数");
  CHECK(Translate(true, "undid `plantrack undo`\n  retracted #5 (T1.01 40% on 2026-01-02)") ==
        "已撤销 `plantrack undo`\n  已撤回 #5（T1.01 40%，日期 2026-01-02）");
}

TEST_CASE("catalogue: every entry's Chinese takes the arguments its English gives",
          "[report][zh]") {
  for (auto part : {&plantrack::report::CatalogueErrors, &plantrack::report::CatalogueSaid,
                    &plantrack::report::CatalogueOffices, &plantrack::report::CatalogueHelp}) {
    for (const CatalogueEntry& entry : part()) {
      INFO(entry.en << " => " << entry.zh);
      CHECK(Arguments(entry.zh, true) <= Arguments(entry.en, false));
      CHECK(entry.zh != entry.en);
      // Chinese words or at least Chinese punctuation: something beyond ASCII.
      CHECK(std::any_of(entry.zh.begin(), entry.zh.end(), [](char c) { return c & 0x80; }));
    }
  }
}

TEST_CASE("wording: a code's word depends on its column only where it must", "[report][zh]") {
  using plantrack::report::CellIn;
  CHECK(CellIn(true, "rag", "red") == "红");
  CHECK(CellIn(true, "status", "on-track") == "正常推进");
  CHECK(CellIn(true, "event", "reopened") == "节点重开");
  CHECK(CellIn(true, "state", "reopened") == "已退回");
  CHECK(CellIn(true, "title", "red") == "red");  // a title is never taken for a code
  CHECK(CellIn(false, "rag", "red") == "red");
  CHECK(CellIn(true, "detail", "T2.03-M1 done on 2023-06-28") == "T2.03-M1 于 2023-06-28 完成");
}

TEST_CASE("catalogue: a list of known sentences is translated item by item", "[report][zh]") {
  CHECK(Translate(true,
                  "warning: T2.03 is done on 2026-11-28 with 2 milestones still open: "
                  "T2.03-M2 (due 2028-05-31), T2.03-M3 (due 2030-12-31)") ==
        "警告：T2.03 于 2026-11-28 完成，但仍有 2 个节点未完成：T2.03-M2（截止 2028-05-31）、"
        "T2.03-M3（截止 2030-12-31）");
  // A list of codes is not a list of sentences: it stays as it is.
  CHECK(Translate(true,
                  "liling 2026Q3 cannot be approved before the units below it that lead "
                  "actions: a, b") == "liling 2026Q3 须在其下属牵头单位之后审核：a, b");
}

TEST_CASE("catalogue: a packet's and a record's problems inside a sentence are translated",
          "[report][zh]") {
  CHECK(Translate(true,
                  "packet bad.pkt is refused: its contents do not match the digest it was signed "
                  "with (altered)") ==
        "数据包 bad.pkt 被拒绝：其内容与签名时的摘要不符（已被改动）");
  CHECK(
      Translate(true,
                "record does not match: journal row 7 (record 0a1b, log, recorded "
                "2026-11-28T10:00:00Z): it has no seal: the journal row was added behind "
                "plantrack's back, or its seal was removed") ==
      "记录不符：操作日志第 7 行（记录 0a1b，进展记录，录入于 2026-11-28T10:00:00Z）：它没有封签："
      "该操作日志行是绕过 plantrack 添加的，或其封签被删除");
  CHECK(Translate(true,
                  "record does not match: a row outside the record: the file holds 15 records but "
                  "--head names 99: records 16 to 99 were removed from the end of the record (or "
                  "this is another file)") ==
        "记录不符：记录之外的行：本文件有 15 条记录，而 --head 指的是 99 条：第 16 到 99 "
        "条记录已从末尾删除（或这是另一个文件）");
}
