// A source file's inline suppressions (privaudit-ignore[rule, ...]: reason), as findings on each
// of its lines look them up. Every suppression found must come from a marker on the line or the
// line above, and name the rule asked for.

#include "core/suppressions.h"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

using namespace privaudit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    const std::string file = "/repo/src/customer_store.cpp";
    core::SourceFiles sources;
    sources.provide(file, text);
    int lines = 2;
    for (char c : text) {
        lines += c == '\n';
    }
    for (int line = 0; line <= lines; ++line) {
        for (std::string_view rule : {"cpp/pii-to-log", "config/no-retention-limit", ""}) {
            auto suppression = core::findInlineSuppression(sources, {file, line, 1}, rule);
            if (!suppression) {
                continue;
            }
            bool marked = false;
            for (int at : {line, line - 1}) {
                std::string_view source = sources.line(file, at);
                marked = marked || (source.find("privaudit-ignore[") != std::string_view::npos &&
                                    source.find(rule) != std::string_view::npos);
            }
            if (!marked || suppression->kind != core::Suppression::Kind::InSource) {
                std::abort();
            }
        }
    }
    return 0;
}
