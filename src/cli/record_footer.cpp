#include "cli/record_footer.h"

#include <fmt/format.h>

#include <streambuf>

namespace plantrack::cli {
namespace {

bool Space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }
bool Closing(char c) { return c == '}' || c == ']'; }

// Passes a JSON document through to `sink` as it is written, holding back only its last closing
// bracket and the whitespace around it, so that the record can be added as the last top-level
// field once the command is done without holding a large report in memory. A document that
// starts with '[' is wrapped in {"rows": ...}, indented one level more.
class JsonRecordFilter : public std::streambuf {
 public:
  explicit JsonRecordFilter(std::streambuf* sink) : sink_(sink) {}

  // Writes what was held back, with the record added when `record` is given.
  void Finish(const store::RecordHead* record) {
    const size_t bracket = held_.find_first_of("}]");
    if (bracket == std::string::npos || held_[bracket] != (start_ == '[' ? ']' : '}')) {
      Emit(held_);  // not a document we know how to extend: left as it came
      if (start_ == '[') Raw("\n}\n");
      held_.clear();
      return;
    }
    const std::string_view before = std::string_view(held_).substr(0, bracket);
    const std::string_view after = std::string_view(held_).substr(bracket + 1);
    const std::string field =
        record ? fmt::format("\n  \"record\": {}", RecordJson(*record)) : std::string();
    if (start_ == '[') {
      Emit(before);
      Raw("]");
      if (record) Raw("," + field);
      Raw("\n}");
    } else {
      if (record) Raw((content_ ? "," : "") + field);
      Raw(before);
      Raw("}");
    }
    Raw(after);
    held_.clear();
  }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    const char ch = traits_type::to_char_type(c);
    Put(std::string_view(&ch, 1));
    return c;
  }
  std::streamsize xsputn(const char* text, std::streamsize count) override {
    Put(std::string_view(text, static_cast<size_t>(count)));
    return count;
  }
  int sync() override { return sink_->pubsync(); }

 private:
  void Put(std::string_view text) {
    size_t i = 0;
    if (start_ == 0) {
      while (i < text.size() && Space(text[i])) ++i;
      if (i == text.size()) return;  // leading whitespace is dropped
      start_ = text[i];
      if (start_ == '[') Raw("{\n  \"rows\": ");
      Emit(text.substr(i, 1));
      indent_ = start_ == '[';
      ++i;
    }
    // Everything up to the last character that is neither whitespace nor a closing bracket goes
    // out at once; the rest is judged character by character.
    size_t last = text.size();
    while (last > i && (Space(text[last - 1]) || Closing(text[last - 1]))) --last;
    if (last > i) {
      Emit(held_);
      held_.clear();
      Emit(text.substr(i, last - i));
      content_ = true;
      i = last;
    }
    for (; i < text.size(); ++i) {
      const char c = text[i];
      if (Closing(c)) {
        const size_t bracket = held_.find_first_of("}]");
        if (bracket != std::string::npos) {
          Emit(std::string_view(held_).substr(0, bracket + 1));
          held_.erase(0, bracket + 1);
          content_ = true;
        }
      }
      held_ += c;
    }
  }

  // Writes document text, one level deeper inside the {"rows": ...} wrapper.
  void Emit(std::string_view text) {
    if (!indent_) return Raw(text);
    size_t from = 0;
    for (size_t nl = text.find('\n'); nl != std::string_view::npos; nl = text.find('\n', from)) {
      Raw(text.substr(from, nl + 1 - from));
      Raw("  ");
      from = nl + 1;
    }
    Raw(text.substr(from));
  }
  void Raw(std::string_view text) {
    sink_->sputn(text.data(), static_cast<std::streamsize>(text.size()));
  }

  std::streambuf* sink_;
  char start_ = 0;        // the document's first character
  bool indent_ = false;   // inside the {"rows": ...} wrapper
  bool content_ = false;  // something after the opening bracket
  std::string held_;      // whitespace, at most one closing bracket, whitespace
};

// Puts a stream's own buffer back, whatever happens in between.
class BufferSwap {
 public:
  BufferSwap(std::ostream& stream, std::streambuf* buffer)
      : stream_(stream), original_(stream.rdbuf(buffer)) {}
  ~BufferSwap() { stream_.rdbuf(original_); }
  BufferSwap(const BufferSwap&) = delete;
  BufferSwap& operator=(const BufferSwap&) = delete;

 private:
  std::ostream& stream_;
  std::streambuf* original_;
};

}  // namespace

std::string FooterLine(const store::RecordHead& record) {
  return fmt::format("record {} · head {}…", record.count, record.head.substr(0, 12));
}

std::string RecordJson(const store::RecordHead& record) {
  return fmt::format("{{\n    \"count\": {},\n    \"head\": \"{}\"\n  }}", record.count,
                     record.head);
}

Status RunReading(const CommandSpec& command, Context& context, const po::variables_map& args) {
  return WithRecordFooter(context, [&] { return command.run(context, args); });
}

Status WithRecordFooter(Context& context, const std::function<Status()>& run) {
  store::ReadSnapshot snapshot(*context.db);
  context.record = store::HeadOf(*context.db);
  if (context.format == report::Format::kJson) {
    JsonRecordFilter filter(context.out.rdbuf());
    Status status;
    {
      BufferSwap swap(context.out, &filter);
      status = run();
    }
    const bool add = (status.ok() || status.code() == ExitCode::kFound) && !context.record_shown;
    filter.Finish(add ? &*context.record : nullptr);
    return status;
  }
  Status status = run();
  const bool reported = status.ok() || status.code() == ExitCode::kFound;
  const bool for_people =
      context.format == report::Format::kTable || context.format == report::Format::kMarkdown;
  if (reported && for_people && !context.record_shown && !context.quiet) {
    context.out << '\n' << context.Say(FooterLine(*context.record)) << '\n';
  }
  return status;
}

}  // namespace plantrack::cli
