#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime {

// A string (key or value) or number in a JSON text.
struct JsonScalar {
    size_t offset = 0;     // byte offset in the input of the first byte inside the quotes
    std::string_view text; // after unescaping: into the input, or into `unescaped`
    std::string unescaped;
    // For a string with escapes: the input offset (relative to `offset`) of each byte of
    // `text`; empty when text and input are the same bytes.
    std::vector<std::uint32_t> rawOffsets;
    bool isKey = false;
    bool isNumber = false;

    size_t inputOffset(size_t textOffset) const {
        if (rawOffsets.empty()) {
            return offset + textOffset;
        }
        return offset +
               (textOffset < rawOffsets.size() ? rawOffsets[textOffset] : rawOffsets.back() + 1);
    }
};

struct JsonError {
    size_t offset = 0;
    std::string message;
};

// The path of keys and array indices from the top value to a scalar.
using JsonPath = std::vector<std::string>;

// Calls `visit` for every key, string and number in `input`: one JSON value, or several after
// one another (JSON lines, concatenated documents). Nesting deeper than `maxDepth` is an
// error, so hostile input cannot exhaust the stack.
std::optional<JsonError>
visitJsonScalars(std::string_view input,
                 const std::function<void(const JsonScalar&, const JsonPath&)>& visit,
                 int maxDepth = 256);

// RFC 6901 pointer of a path: "/messages/3/text".
std::string jsonPointer(const JsonPath& path);

} // namespace privaudit::runtime
