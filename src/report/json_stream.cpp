#include "report/json_stream.h"

namespace plantrack::report {
namespace {

constexpr size_t kFlushAt = 64 * 1024;

}  // namespace

bool PlainJsonText(std::string_view text) {
  for (char c : text) {
    if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') return false;
  }
  return true;
}

void JsonStream::Flush() {
  out_.write(text_.data(), static_cast<std::streamsize>(text_.size()));
  text_.clear();
}

void JsonStream::BeforeValue() {
  if (keyed_) {
    keyed_ = false;
    return;
  }
  if (open_.empty()) return;  // the document itself
  text_ += open_.back().empty ? "\n" : ",\n";
  Indent();
  open_.back().empty = false;
}

JsonStream& JsonStream::Object() {
  BeforeValue();
  text_ += '{';
  open_.push_back({'}'});
  return *this;
}

JsonStream& JsonStream::Array() {
  BeforeValue();
  text_ += '[';
  open_.push_back({']'});
  return *this;
}

JsonStream& JsonStream::End() {
  const Open closed = open_.back();
  open_.pop_back();
  if (!closed.empty) {
    text_ += '\n';
    Indent();
  }
  text_ += closed.close;
  if (text_.size() >= kFlushAt || open_.empty()) Flush();
  return *this;
}

JsonStream& JsonStream::Key(std::string_view key) {
  text_ += open_.back().empty ? "\n" : ",\n";
  Indent();
  Quoted(key);
  text_ += ": ";
  open_.back().empty = false;
  keyed_ = true;
  return *this;
}

void JsonStream::Quoted(std::string_view text) {
  if (PlainJsonText(text)) {
    text_ += '"';
    text_ += text;
    text_ += '"';
  } else {
    text_ += nlohmann::ordered_json(text).dump(-1, ' ', false,
                                               nlohmann::ordered_json::error_handler_t::replace);
  }
}

JsonStream& JsonStream::Value(const nlohmann::ordered_json& value) {
  return Dumped(value.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

JsonStream& JsonStream::Value(std::string_view text) {
  BeforeValue();
  Quoted(text);
  return *this;
}

JsonStream& JsonStream::Dumped(std::string_view text) {
  BeforeValue();
  while (!text.empty() && text.back() == '\n') text.remove_suffix(1);  // Render ends its line
  size_t start = 0;
  for (size_t newline; (newline = text.find('\n', start)) != std::string_view::npos;
       start = newline + 1) {
    text_.append(text.substr(start, newline + 1 - start));
    Indent();
  }
  text_.append(text.substr(start));
  if (text_.size() >= kFlushAt) Flush();
  return *this;
}

}  // namespace plantrack::report
