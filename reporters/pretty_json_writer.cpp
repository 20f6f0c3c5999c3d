#include "reporters/pretty_json_writer.h"

#include <array>
#include <bit>

namespace privaudit::reporters {

namespace {

using Json = PrettyJsonWriter::Json;

std::string dumped(const Json& value, int indent) {
    return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

} // namespace

void PrettyJsonWriter::key(std::string_view name) {
    separate();
    string(name);
    buffer_ += ": ";
    afterKey_ = true;
}

void PrettyJsonWriter::value(std::string_view text) {
    separate();
    string(text);
}

void PrettyJsonWriter::value(int number) {
    separate();
    buffer_ += std::to_string(number);
}

void PrettyJsonWriter::value(bool flag) {
    separate();
    buffer_ += flag ? "true" : "false";
}

// nlohmann's shortest round-trip form, "1.0" for 1. A report repeats few numbers (scores,
// severities), so the first thousand distinct ones are formatted once each. They are told apart
// by their bits: 0.0 and -0.0 are equal but written differently.
void PrettyJsonWriter::value(double number) {
    separate();
    auto bits = std::bit_cast<std::uint64_t>(number);
    if (auto known = numbers_.find(bits); known != numbers_.end()) {
        buffer_ += known->second;
        return;
    }
    std::string text = Json(number).dump();
    buffer_ += text;
    if (numbers_.size() < maxRememberedNumbers) {
        numbers_.emplace(bits, std::move(text));
    }
}

// dump(2) lays a tree out as if it stood alone; all its line breaks are structural (a string's
// own are escaped), so indenting each one by the current depth places the tree here.
void PrettyJsonWriter::tree(const Json& tree) {
    separate();
    std::string text = dumped(tree, 2);
    size_t start = 0;
    for (size_t newline = text.find('\n'); newline != std::string::npos;
         newline = text.find('\n', start)) {
        buffer_.append(text, start, newline + 1 - start);
        buffer_.append(2 * counts_.size(), ' ');
        start = newline + 1;
    }
    buffer_.append(text, start);
}

// Before a value: the comma and line break of its container, unless it follows its key.
void PrettyJsonWriter::separate() {
    if (afterKey_) {
        afterKey_ = false;
        return;
    }
    if (!counts_.empty()) {
        buffer_ += counts_.back()++ > 0 ? ",\n" : "\n";
        buffer_.append(2 * counts_.size(), ' ');
    }
    if (buffer_.size() >= flushSize) {
        flush();
    }
}

void PrettyJsonWriter::open(char bracket) {
    separate();
    buffer_ += bracket;
    counts_.push_back(0);
}

void PrettyJsonWriter::close(char bracket) {
    size_t count = counts_.back();
    counts_.pop_back();
    if (count > 0) {
        buffer_ += '\n';
        buffer_.append(2 * counts_.size(), ' ');
    }
    buffer_ += bracket;
}

void PrettyJsonWriter::flush() {
    out_.write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
}

// Printable ASCII without quotes or backslashes is written as it is; anything else is escaped
// by nlohmann (invalid UTF-8 replaced by U+FFFD). The test is a table lookup per byte: a report
// of a hundred thousand findings writes a few million strings.
void PrettyJsonWriter::string(std::string_view text) {
    static constexpr auto plain = [] {
        std::array<bool, 256> table{};
        for (int c = 0x20; c <= 0x7e; ++c) {
            table[c] = c != '"' && c != '\\';
        }
        return table;
    }();
    for (char c : text) {
        if (!plain[static_cast<unsigned char>(c)]) {
            buffer_ += dumped(Json(text), -1);
            return;
        }
    }
    buffer_ += '"';
    buffer_ += text;
    buffer_ += '"';
}

} // namespace privaudit::reporters
