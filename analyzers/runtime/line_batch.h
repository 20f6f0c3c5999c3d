#pragma once

#include "analyzers/runtime/batch_positions.h"
#include "analyzers/runtime/byte_source.h"

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

// Lines read together, so the token filter runs once over all of them (BatchPositions): the
// filter text of each line (the blanked text of a JSON object, else the line) with spaces
// between.
//
// A batch is the lines the reader holds, up to a budget, and they stay in the reader's buffer:
// nothing is copied for a text file, whose line breaks become the spaces in place, and only the
// blanked text of each JSON line is written for a JSON-lines file.
class LineBatch {
public:
    // Reads the next lines; false when there are none.
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
    // So a piece cut from a longer line ends its batch: the next piece, which follows it in the
    // reader's buffer with no line break, is never in place beside it.
    static_assert(budget <= LineReader::maxPiece);

    // Adds the next line the reader holds; false when it holds none.
    bool add(LineReader& reader, bool jsonLines);
    // The filter text of a text file: its lines where the reader holds them, the bytes between
    // them (line breaks) made spaces.
    std::string_view linesInPlace();

    std::vector<BatchLine> lines_;
    size_t count_ = 0;
    char* held_ = nullptr; // where the first line is in the reader's buffer
    // The blanked text of the JSON lines, a copy of each other line, with a space after each. A
    // fixed buffer, as a std::string zero-fills what it grows by, a pass over every byte for
    // nothing.
    std::unique_ptr<char[]> joined_ = std::make_unique_for_overwrite<char[]>(capacity);
    size_t joinedSize_ = 0;
    std::string_view filtered_;   // what the filter read: joined_ or linesInPlace()
    std::vector<size_t> offsets_; // line i's filter text starts at offsets_[i] in filtered_
    BatchPositions positions_;
};

} // namespace privaudit::runtime
