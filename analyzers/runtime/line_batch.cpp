#include "analyzers/runtime/line_batch.h"

#include "analyzers/runtime/json_line_filter.h"

namespace privaudit::runtime {

bool LineBatch::read(LineReader& reader, bool jsonLines, CapitalWords capitalWords) {
    count_ = 0;
    joined_.clear();
    offsets_.clear();
    while (joined_.size() < budget) {
        if (count_ == lines_.size()) {
            lines_.emplace_back();
        }
        BatchLine& line = lines_[count_];
        if (!reader.next(line.text)) {
            break;
        }
        ++count_;
        line.lineNumber = reader.lineNumber();
        line.column = reader.column();
        reader.blankByteOrderMark(line.text);
        bool whole = line.column == 0 && !reader.continues();
        size_t first = line.text.find_first_not_of(" \t");
        line.jsonObject = jsonLines && whole && first != std::string::npos &&
                          (line.text[first] == '{' || line.text[first] == '[');
        line.blanked = line.jsonObject && blankJsonSyntax(line.text, blanked_);
        offsets_.push_back(joined_.size());
        joined_ += line.blanked ? std::string_view(blanked_) : std::string_view(line.text);
        joined_ += ' ';
    }
    positions_.clear();
    tokensToMatch(joined_, positions_, capitalWords);
    // Positions are token starts and trigger bytes, so none is a separator: each lies in a line.
    firstPosition_.resize(count_ + 1);
    size_t k = 0;
    for (size_t i = 0; i < count_; ++i) {
        firstPosition_[i] = k;
        size_t end = i + 1 < count_ ? offsets_[i + 1] : joined_.size();
        for (; k < positions_.size() && positions_[k] < end; ++k) {
            positions_[k] -= offsets_[i];
        }
    }
    firstPosition_[count_] = k;
    return count_ > 0;
}

std::string_view LineBatch::filterText(size_t i) const {
    size_t end = i + 1 < count_ ? offsets_[i + 1] : joined_.size();
    return std::string_view(joined_).substr(offsets_[i], end - offsets_[i] - 1);
}

std::span<const size_t> LineBatch::positions(size_t i) const {
    return std::span<const size_t>(positions_)
        .subspan(firstPosition_[i], firstPosition_[i + 1] - firstPosition_[i]);
}

} // namespace privaudit::runtime
