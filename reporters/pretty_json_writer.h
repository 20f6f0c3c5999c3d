#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace privaudit::reporters {

// Writes JSON laid out exactly as nlohmann's dump(2) lays it out, value by value as a report
// is walked, so a report's long arrays (findings, results) are never built as one tree in
// memory: building the whole report first and dumping it cost about 85,000 instructions and
// several KiB per finding, and a scan of a gigabyte of logs has a hundred thousand findings.
// Strings that are not UTF-8 are written as dump's error_handler_t::replace writes them.
class PrettyJsonWriter {
public:
    using Json = nlohmann::ordered_json;

    explicit PrettyJsonWriter(std::ostream& out) : out_(out) {}
    PrettyJsonWriter(const PrettyJsonWriter&) = delete;
    PrettyJsonWriter& operator=(const PrettyJsonWriter&) = delete;
    ~PrettyJsonWriter() { flush(); }

    void beginObject() { open('{'); }
    void endObject() { close('}'); }
    void beginArray() { open('['); }
    void endArray() { close(']'); }

    void key(std::string_view name);
    void value(std::string_view text);
    void value(int number);
    void value(bool flag);
    void value(double number);
    // A small tree (one SARIF result, the tool description) laid out at the current depth.
    void tree(const Json& tree);
    void newline() { buffer_ += '\n'; }
    template <typename T> void field(std::string_view name, const T& v) {
        key(name);
        value(v);
    }

private:
    void separate();
    void open(char bracket);
    void close(char bracket);
    void flush();
    void string(std::string_view text);

    static constexpr size_t flushSize = 1 << 16;
    static constexpr size_t maxRememberedNumbers = 1024;
    std::ostream& out_;
    std::string buffer_;
    std::unordered_map<std::uint64_t, std::string> numbers_; // value(double)'s text by bits
    std::vector<size_t> counts_; // the values written so far in each open container
    bool afterKey_ = false;
};

} // namespace privaudit::reporters
