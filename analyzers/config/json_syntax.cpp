#include "analyzers/config/json_syntax.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace privaudit::config {

namespace {

// Accepts every value and records the first error; no document is built.
class SyntaxChecker : public nlohmann::json::json_sax_t {
public:
    bool null() override { return true; }
    bool boolean(bool) override { return true; }
    bool number_integer(number_integer_t) override { return true; }
    bool number_unsigned(number_unsigned_t) override { return true; }
    bool number_float(number_float_t, const string_t&) override { return true; }
    bool string(string_t&) override { return true; }
    bool binary(binary_t&) override { return true; }
    bool start_object(std::size_t) override { return true; }
    bool key(string_t&) override { return true; }
    bool end_object() override { return true; }
    bool start_array(std::size_t) override { return true; }
    bool end_array() override { return true; }

    bool parse_error(std::size_t position, const std::string&,
                     const nlohmann::json::exception& error) override {
        position_ = position;
        message_ = error.what();
        return false;
    }

    std::size_t position() const { return position_; }

    // "[json.exception.parse_error.101] parse error at line 4, column 1: syntax error while
    // parsing value - unexpected '}'; ..." -> "syntax error while parsing value - ..."
    std::string message() const {
        size_t detail = message_.find(": ", message_.find("parse error"));
        return detail == std::string::npos ? message_ : message_.substr(detail + 2);
    }

private:
    std::size_t position_ = 0;
    std::string message_;
};

} // namespace

std::optional<LoadError> jsonSyntaxError(std::string_view json) {
    SyntaxChecker checker;
    if (nlohmann::json::sax_parse(json, &checker)) {
        return std::nullopt;
    }
    // `position` counts the characters read, the offending one included.
    size_t offset = std::min(checker.position(), json.size());
    offset = offset > 0 ? offset - 1 : 0;
    std::string_view before = json.substr(0, offset);
    size_t lineStart = before.rfind('\n');
    lineStart = lineStart == std::string_view::npos ? 0 : lineStart + 1;
    int line = 1 + static_cast<int>(std::ranges::count(before, '\n'));
    return LoadError{line, static_cast<int>(offset - lineStart) + 1, checker.message()};
}

} // namespace privaudit::config
