#include "analyzers/runtime/line_batch.h"

#include "analyzers/runtime/json_line_filter.h"

#include <cstring>

namespace privaudit::runtime {

std::span<char> LineBatch::append(std::string_view piece, char* buffer, size_t& size) {
    std::span<char> copy(buffer + size, piece.size());
    std::memcpy(copy.data(), piece.data(), piece.size()); // libc's copy is wider than a loop
    size += piece.size();
    return copy;
}

bool LineBatch::read(LineReader& reader, bool jsonLines, CapitalWords capitalWords) {
    count_ = 0;
    rawSize_ = 0;
    joinedSize_ = 0;
    offsets_.clear();
    std::string_view piece;
    while (joinedSize_ < budget && reader.next(piece)) {
        if (count_ == lines_.size()) {
            lines_.emplace_back();
        }
        BatchLine& line = lines_[count_++];
        line.lineNumber = reader.lineNumber();
        line.column = reader.column();
        offsets_.push_back(joinedSize_);
        const bool mayBeObject = jsonLines && line.column == 0 && !reader.continues();
        std::span<char> text = mayBeObject ? append(piece, raw_.get(), rawSize_)
                                           : append(piece, joined_.get(), joinedSize_);
        reader.blankByteOrderMark(text);
        line.text = std::string_view(text.data(), text.size());
        size_t first = line.text.find_first_not_of(" \t");
        line.jsonObject = mayBeObject && first != std::string::npos &&
                          (line.text[first] == '{' || line.text[first] == '[');
        line.blanked = line.jsonObject && blankJsonSyntax(line.text, joined_.get() + joinedSize_);
        if (line.blanked) {
            joinedSize_ += line.text.size();
        } else if (mayBeObject) {
            append(line.text, joined_.get(), joinedSize_);
        }
        joined_[joinedSize_++] = ' ';
    }
    const std::string_view joined(joined_.get(), joinedSize_);
    positions_.clear();
    tokensToMatch(joined, positions_, capitalWords);
    // Positions are token starts and trigger bytes, so none is a separator: each lies in a line.
    firstPosition_.resize(count_ + 1);
    size_t k = 0;
    for (size_t i = 0; i < count_; ++i) {
        firstPosition_[i] = k;
        size_t end = i + 1 < count_ ? offsets_[i + 1] : joined.size();
        for (; k < positions_.size() && positions_[k] < end; ++k) {
            positions_[k] -= offsets_[i];
        }
    }
    firstPosition_[count_] = k;
    return count_ > 0;
}

std::string_view LineBatch::filterText(size_t i) const {
    size_t end = i + 1 < count_ ? offsets_[i + 1] : joinedSize_;
    return std::string_view(joined_.get(), joinedSize_).substr(offsets_[i], end - offsets_[i] - 1);
}

std::span<const size_t> LineBatch::positions(size_t i) const {
    return std::span<const size_t>(positions_)
        .subspan(firstPosition_[i], firstPosition_[i + 1] - firstPosition_[i]);
}

} // namespace privaudit::runtime
