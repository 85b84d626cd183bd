// The HTML report as a file: self-contained, escaped, with its charts and sections.

#include <fmt/format.h>

#include <catch2/catch.hpp>

#include "small_plan.h"
#include "test_support.h"

using plantrack::testing::ReadFile;
using plantrack::testing::RunCli;
using plantrack::testing::SmallPlan;

namespace {

size_t Count(const std::string& text, const std::string& needle) {
  size_t count = 0;
  for (size_t at = text.find(needle); at != std::string::npos; at = text.find(needle, at + 1)) {
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("report --html: one self-contained file with charts and every section", "[cli][html]") {
  SmallPlan plan;
  const std::string file = plan.dir.File("report.html");
  auto result = RunCli({"--db", plan.db, "--as-of", "2026-11-28", "report", "--html", file});
  REQUIRE(result.code == 0);
  CHECK_THAT(result.out, Catch::Contains("wrote"));
  const std::string html = ReadFile(file);
  CHECK(html.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK_THAT(html, Catch::Contains("<meta charset=\"utf-8\">"));
  CHECK(Count(html, "<script") == 0);
  CHECK(Count(html, "src=") == 0);
  CHECK(Count(html, "<link") == 0);
  CHECK(Count(html, "class=\"chart burnup\"") == 1);
  CHECK(Count(html, "<polyline class=\"series\"") == 2 + 2);  // two areas, two indicators
  CHECK(Count(html, "class=\"marker\"") == 2);                // 2025, as-of (2035 is off the chart)
  CHECK(Count(html, "class=\"target\"") == 3);                // gdp 2025 and 2035, cost 2025
  CHECK_THAT(html, Catch::Contains("T2.01-M1"));              // overdue table
  CHECK_THAT(html, Catch::Contains("stale"));                 // audit findings
  CHECK_THAT(html, Catch::Contains("2026Q3"));                // reporting completeness
  CHECK_THAT(html, Catch::Contains("Noto Sans CJK SC"));      // CJK font fallbacks
  // The trend as stacked bands (done, green, amber, red), and the 2025 horizon looked back at.
  CHECK(Count(html, "class=\"chart stacked\"") == 1);
  CHECK(Count(html, "<polygon class=\"band\"") == 4);
  CHECK_THAT(html,
             Catch::Contains(
                 R"(Evaluation of the 2025 horizon (ended <span class="nb">2025-12-31</span>))"));
  CHECK_THAT(html, Catch::Contains("By city (with its counties and districts)"));
  CHECK_THAT(html, Catch::Contains(">T2.01</td>"));  // not done, listed first
  CHECK(html.find(">T2.01</td>") < html.find(">T1.01</td><td>Done early"));
  CHECK_THAT(html, Catch::Contains("<span class=\"rag red\">missed</span>"));  // gdp 2025
  CHECK_FALSE(std::filesystem::exists(file + ".partial"));
}

TEST_CASE("report --html: titles and notes are escaped, and --lang zh labels in Chinese",
          "[cli][html]") {
  SmallPlan plan;
  {
    SQLite::Database raw(plan.db, SQLite::OPEN_READWRITE);
    raw.exec(
        "UPDATE action SET title_en = '<script>alert(\"x\")</script> & ''co''' "
        "WHERE code = 'T2.01'");
  }
  const std::string file = plan.dir.File("r.html");
  REQUIRE(RunCli({"--db", plan.db, "--as-of", "2026-11-28", "report", "--html", file}).code == 0);
  const std::string html = ReadFile(file);
  CHECK(Count(html, "<script") == 0);
  CHECK_THAT(html, Catch::Contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; "
                                   "&#39;co&#39;"));
  REQUIRE(
      RunCli({"--db", plan.db, "--as-of", "2026-11-28", "--lang", "zh", "report", "--html", file})
          .code == 0);
  const std::string zh = ReadFile(file);
  CHECK_THAT(zh, Catch::Contains("lang=\"zh-CN\""));
  CHECK_THAT(zh, Catch::Contains("审计发现"));
  CHECK_THAT(zh, Catch::Contains("空间布局"));
}

TEST_CASE("report --html: a path that cannot be written exits 73 and names it", "[cli][html]") {
  SmallPlan plan;
  auto result = RunCli({"--db", plan.db, "report", "--html", plan.dir.File("no/such/dir.html")});
  CHECK(result.code == 73);
  CHECK_THAT(result.err, Catch::Contains("no/such/dir.html"));
  CHECK(RunCli({"--db", plan.db, "report"}).code == 64);  // --html is required
}

TEST_CASE("report --html: long lists show the worst and say how many more", "[cli][html]") {
  SmallPlan plan;
  {
    // 120 more overdue milestones on the overdue action T2.01 (area T2).
    SQLite::Database raw(plan.db, SQLite::OPEN_READWRITE);
    raw.exec(R"sql(
      WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 120)
      INSERT INTO milestone (action_id, code, title_en, due_on)
      SELECT 3, printf('T2.01-M%d', i + 10), 'Late', date('2025-01-01', '+' || i || ' days') FROM n;
    )sql");
  }
  const std::string file = plan.dir.File("report.html");
  REQUIRE(RunCli({"--db", plan.db, "--as-of", "2026-11-28", "report", "--html", file}).code == 0);
  const std::string html = ReadFile(file);
  // The overview table shows the worst 50, area T2 its worst 10 red items.
  const size_t all = plan.Json({"overdue"})["items"].size();
  const size_t t2_red = plan.Json({"overdue", "--area", "T2", "--rag", "red"})["items"].size();
  REQUIRE(t2_red > 120);
  CHECK_THAT(html, Catch::Contains(
                       fmt::format("… and {} more: <code>plantrack overdue</code>", all - 50)));
  CHECK_THAT(html, Catch::Contains(fmt::format(
                       "… and {} more: <code>plantrack overdue --rag red</code>", t2_red - 10)));
  CHECK(Count(html, "<td>Late</td>") == 10 + 50);
  auto zh =
      RunCli({"--db", plan.db, "--as-of", "2026-11-28", "--lang", "zh", "report", "--html", file});
  REQUIRE(zh.code == 0);
  CHECK_THAT(ReadFile(file),
             Catch::Contains(
                 fmt::format("……另有{}项，完整列表见 <code>plantrack overdue</code>", all - 50)));
}

TEST_CASE("report --html: what the page shows people (issue 17)", "[cli][html]") {
  SmallPlan plan;
  const std::string file = plan.dir.File("report.html");
  REQUIRE(RunCli({"--db", plan.db, "--as-of", "2026-11-28", "report", "--html", file}).code == 0);
  const std::string html = ReadFile(file);
  const auto section = [&](const std::string& from, const std::string& to) {
    const size_t start = html.find(from);
    REQUIRE(start != std::string::npos);
    return html.substr(start, html.find(to, start) - start);
  };
  SECTION("task-area bars are split by RAG, not one green bar") {
    // T2: T2.01 overdue and T2.02 blocked (red), T2.03 never logged (amber).
    const std::string t2 = section("<h3>T2 ", "</section>");
    CHECK_THAT(t2,
               Catch::Contains(R"(<div class="bar"><span class="amber" style="width:33.3%">)"
                               R"(</span><span class="red" style="width:66.7%"></span></div>)"));
    CHECK_THAT(t2, !Catch::Contains(R"(<span class="green")"));
    CHECK_THAT(html, !Catch::Contains("background: #27ae60; border-radius"));
  }
  SECTION("the heat map shows percent complete with red and amber as marks") {
    const std::string heat = section(R"(<table class="heat">)", "</table>");
    CHECK_THAT(heat, Catch::Contains(R"(<i class="mark red">)"));
    CHECK_THAT(heat, Catch::Contains("%"));
    CHECK_THAT(heat, !Catch::Contains(R"(<td class="red">)"));  // no cell painted by its worst
    CHECK_THAT(heat, Catch::Contains(R"(title="2 actions: 2 red, 0 amber, 0 green, 0 done")"));
  }
  SECTION("indicator panels carry a value axis, their targets and each target's pace or outcome") {
    const std::string panels = section(R"(<div class="panels">)", "</div></div>");
    CHECK(Count(panels, "class=\"axis\"") == 3 * 2);
    CHECK_THAT(panels, Catch::Contains(">2035 4</text>"));
    CHECK_THAT(panels, Catch::Contains(R"(2025 target: <span class="nb">missed</span>)"));
    CHECK_THAT(panels, Catch::Contains("2035 target: <span class=\"nb\">"));
    CHECK(panels.find("e+") == std::string::npos);
  }
  SECTION("the burn-up shows expected progress and ends the year after as-of") {
    const std::string burnup = section(R"(class="chart burnup")", "</svg>");
    CHECK(Count(burnup, "class=\"expected\"") == 2);  // one per task area
    CHECK_THAT(burnup, Catch::Contains(">2027</text>"));
    CHECK_THAT(burnup, !Catch::Contains(">2030</text>"));
  }
  SECTION("dates and codes do not break at the hyphen, and colours print") {
    CHECK_THAT(html, Catch::Contains(R"(As of <span class="nb">2026-11-28</span>)"));
    CHECK_THAT(html, Catch::Contains(R"(<td><span class="nb">T2.01-M1</span></td>)"));
    CHECK_THAT(html, Catch::Contains(".nb { white-space: nowrap; }"));
    CHECK_THAT(html, Catch::Contains("print-color-adjust: exact;"));
    CHECK_THAT(html, !Catch::Contains("<title><span"));  // the head is left as it is
  }
}
