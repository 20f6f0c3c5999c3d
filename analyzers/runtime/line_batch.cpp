#include "analyzers/runtime/line_batch.h"

#include "analyzers/runtime/json_line_filter.h"

#include <algorithm>
#include <cstring>

namespace privaudit::runtime {

bool LineBatch::add(LineReader& reader, bool jsonLines) {
    // The lines of the batch must stay where they are: only its first line may make the reader
    // read more input (moving what it holds).
    const auto refill = count_ == 0 ? LineReader::Refill::Allowed : LineReader::Refill::Never;
    std::span<char> text;
    if (!reader.next(text, refill)) {
        return false;
    }
    reader.blankByteOrderMark(text);
    if (count_ == lines_.size()) {
        lines_.emplace_back();
    }
    if (count_ == 0) {
        held_ = text.data();
    }
    BatchLine& line = lines_[count_++];
    line.text = std::string_view(text.data(), text.size());
    line.lineNumber = reader.lineNumber();
    line.column = reader.column();
    line.jsonObject = false;
    line.blanked = false;
    if (!jsonLines) {
        return true;
    }
    offsets_.push_back(joinedSize_);
    char* filterText = joined_.get() + joinedSize_;
    if (line.column == 0 && !reader.continues()) {
        size_t first = line.text.find_first_not_of(" \t");
        line.jsonObject =
            first != std::string::npos && (line.text[first] == '{' || line.text[first] == '[');
        line.blanked = line.jsonObject && blankJsonSyntax(line.text, filterText);
    }
    if (!line.blanked) {
        std::memcpy(filterText, text.data(), text.size());
    }
    joinedSize_ += text.size();
    joined_[joinedSize_++] = ' ';
    return true;
}

std::string_view LineBatch::linesInPlace() {
    for (size_t i = 0; i < count_; ++i) {
        offsets_.push_back(static_cast<size_t>(lines_[i].text.data() - held_));
        if (i > 0) {
            // The line break before the line, which the reader no longer needs.
            std::fill(held_ + offsets_[i - 1] + lines_[i - 1].text.size(), held_ + offsets_[i],
                      ' ');
        }
    }
    return std::string_view(held_, offsets_.back() + lines_[count_ - 1].text.size());
}

bool LineBatch::read(LineReader& reader, bool jsonLines, CapitalWords capitalWords) {
    count_ = 0;
    joinedSize_ = 0;
    offsets_.clear();
    size_t bytes = 0;
    while (bytes < budget && add(reader, jsonLines)) {
        bytes += lines_[count_ - 1].text.size() + 1;
    }
    if (count_ == 0) {
        return false;
    }
    filtered_ = jsonLines ? std::string_view(joined_.get(), joinedSize_) : linesInPlace();
    positions_.filter(filtered_, offsets_, capitalWords);
    return true;
}

std::string_view LineBatch::filterText(size_t i) const {
    return filtered_.substr(offsets_[i], lines_[i].text.size());
}

std::span<const size_t> LineBatch::positions(size_t i) const {
    return positions_.of(i);
}

} // namespace privaudit::runtime
