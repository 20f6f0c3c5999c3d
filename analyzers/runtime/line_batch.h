#pragma once

#include "analyzers/runtime/byte_source.h"
#include "analyzers/runtime/token_filter.h"

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime {

// One line (or piece of a long line) of a batch.
struct BatchLine {
    std::string_view text; // as read, a UTF-8 byte order mark blanked; valid until the next read
    int lineNumber = 0;
    size_t column = 0;
    bool jsonObject = false; // a whole line of a JSON-lines file that opens with '{' or '['
    bool blanked = false;    // a JSON object whose syntax blankJsonSyntax could blank
};

// Lines read together, so the token filter runs once over all of them: the filter text of each
// line (the blanked text of a JSON object, else the line) joined by spaces, which the filter
// reads as it reads the outside of a single line, so each line gets every position a filter over
// it alone would give (and perhaps a few more, which findCandidatesVisiting allows). Most lines
// of a log get none, and need nothing else.
class LineBatch {
public:
    // Reads the next lines, about `budget` bytes; false when there are none.
    bool read(LineReader& reader, bool jsonLines, CapitalWords capitalWords);

    size_t size() const { return count_; }
    const BatchLine& line(size_t i) const { return lines_[i]; }
    // What the filter read for line i, and where findCandidates must step in it.
    std::string_view filterText(size_t i) const;
    std::span<const size_t> positions(size_t i) const;

private:
    static constexpr size_t budget = 1 << 18;
    // Lines are added while the batch holds less than the budget, the last one a piece of at
    // most LineReader::maxPiece bytes and its separator.
    static constexpr size_t capacity = budget + LineReader::maxPiece + 1;

    // Appends a piece to a buffer; returns where it now is.
    static std::span<char> append(std::string_view piece, char* buffer, size_t& size);

    std::vector<BatchLine> lines_;
    size_t count_ = 0;
    // Fixed buffers, as a std::string zero-fills what it grows by, a pass over every byte for
    // nothing. A whole line of a JSON-lines file is read into raw_ and its blanked text (a copy
    // when it cannot be blanked) goes to joined_; any other line is read into joined_ only, as
    // it is its own filter text.
    std::unique_ptr<char[]> raw_ = std::make_unique_for_overwrite<char[]>(capacity);
    size_t rawSize_ = 0;
    std::unique_ptr<char[]> joined_ = std::make_unique_for_overwrite<char[]>(capacity);
    size_t joinedSize_ = 0;
    std::vector<size_t> offsets_;       // line i's filter text starts at offsets_[i] in joined_
    std::vector<size_t> positions_;     // relative to their line
    std::vector<size_t> firstPosition_; // line i's positions start at firstPosition_[i]
};

} // namespace privaudit::runtime
