#include "store/json_rows.h"

#include <fmt/format.h>

#include <fstream>
#include <nlohmann/json.hpp>

namespace plantrack::store {
namespace {

using Json = nlohmann::json;

constexpr const char* kRecordKey = "record";

// Depth 1 is the top-level object, 2 an array of rows, 3 a row, 4 and deeper inside a field.
class RowReader : public nlohmann::json_sax<Json> {
 public:
  RowReader(const std::string& file, const std::set<std::string>& kinds,
            const std::function<void(const JsonRow&)>& on_row)
      : file_(file), kinds_(kinds), on_row_(on_row) {}

  const Status& status() const { return status_; }
  const std::vector<std::string>& keys() const { return keys_; }

  bool null() override { return Value(""); }
  bool boolean(bool value) override { return Value(value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override { return Value(std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override { return Value(std::to_string(value)); }
  bool number_float(number_float_t, const string_t& text) override { return Value(text); }
  bool string(string_t& value) override { return Value(value); }
  bool binary(binary_t&) override { return Value(""); }

  bool start_object(std::size_t) override { return Open(false); }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(true); }
  bool end_array() override { return Close(); }
  bool key(string_t& name) override {
    if (depth_ == 1 && name == kRecordKey) {
      skip_ = true;  // the export's record head: for verify --head, not rows to import
      return true;
    }
    if (depth_ == 1) {
      skip_ = false;
      for (const std::string& seen : keys_) {
        if (seen == name) return Fail(fmt::format("'{}' appears twice", name));
      }
      keys_.push_back(name);
      row_.kind = name;
      wanted_ = kinds_.contains(name);
    } else if (depth_ == 3) {
      field_ = name;
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    return Fail(fmt::format("not valid JSON ({})", e.what()));
  }

 private:
  // An object or an array begins: the export itself, a kind's rows, a row, or inside a field.
  bool Open(bool array) {
    ++depth_;
    if (skip_ && depth_ >= 2) return true;
    if (depth_ == 1 && array) return Fail("not a JSON export (an object of arrays by kind)");
    if (depth_ == 2) {
      if (!array) return Fail(fmt::format("'{}' is not an array of rows", row_.kind));
      row_.index = 0;
    }
    if (depth_ == 3) {
      StartRow();
      if (array) Problem("not an object");
    }
    if (depth_ == 4) Problem(fmt::format("field '{}' is not a single value", field_));
    return true;
  }
  bool Close() {
    if (skip_ && depth_ >= 2) {
      --depth_;
      return true;
    }
    if (depth_ == 3) EndRow();
    --depth_;
    return true;
  }
  bool Value(const std::string& text) {
    if (skip_ && depth_ >= 1) return true;
    if (depth_ == 0) return Fail("not a JSON export (an object of arrays by kind)");
    if (depth_ == 1) return Fail(fmt::format("'{}' is not an array of rows", row_.kind));
    if (depth_ == 2) {
      StartRow();
      Problem("not an object");
      EndRow();
    }
    if (depth_ == 3 && wanted_) row_.fields.emplace_back(field_, text);
    return true;
  }
  void StartRow() {
    row_.problem.clear();
    row_.fields.clear();
  }
  void Problem(std::string problem) {
    if (row_.problem.empty()) row_.problem = std::move(problem);
  }
  void EndRow() {
    if (wanted_) on_row_(row_);
    ++row_.index;
  }
  bool Fail(const std::string& message) {
    if (status_.ok()) status_ = Status::BadData(fmt::format("{}: {}", file_, message));
    return false;
  }

  const std::string& file_;
  const std::set<std::string>& kinds_;
  const std::function<void(const JsonRow&)>& on_row_;
  Status status_ = Status::Ok();
  std::vector<std::string> keys_;
  JsonRow row_;
  std::string field_;
  int depth_ = 0;
  bool wanted_ = false;
  bool skip_ = false;  // inside the top-level "record" field
};

Status Read(const std::string& file, RowReader& reader) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::NoInput(fmt::format("cannot read {}", file));
  const bool parsed = Json::sax_parse(in, &reader);
  if (!reader.status().ok()) return reader.status();
  // A read that failed (a device error) is not a file that ends too early.
  if (in.bad()) return Status::IoError(fmt::format("{}: cannot read the file", file));
  if (!parsed) return Status::BadData(fmt::format("{}: not valid JSON", file));
  return Status::Ok();
}

}  // namespace

Result<std::vector<std::string>> ScanJsonKinds(const std::string& file) {
  const std::set<std::string> none;
  const std::function<void(const JsonRow&)> ignore = [](const JsonRow&) {};
  RowReader reader(file, none, ignore);
  if (Status read = Read(file, reader); !read.ok()) return read;
  return reader.keys();
}

Status ReadJsonRows(const std::string& file, const std::set<std::string>& kinds,
                    const std::function<void(const JsonRow&)>& on_row) {
  RowReader reader(file, kinds, on_row);
  return Read(file, reader);
}

}  // namespace plantrack::store
