#include "analyzers/runtime/csv_records.h"

#include <algorithm>

namespace privaudit::runtime {

namespace {

constexpr size_t maxRecord = 1 << 20;

char sniffDelimiter(const std::string& header) {
    char best = ',';
    long bestCount = 0;
    for (char candidate : {',', ';', '\t'}) {
        long count = std::count(header.begin(), header.end(), candidate);
        if (count > bestCount) {
            best = candidate;
            bestCount = count;
        }
    }
    return best;
}

} // namespace

bool CsvReader::next(CsvRecord& record) {
    record.fields.clear();
    if (!lines_.next(line_)) {
        return false;
    }
    if (delimiter_ == 0) {
        delimiter_ = sniffDelimiter(line_);
    }
    int line = lines_.lineNumber();
    size_t lineStart = 0; // offset in line_ where the current physical line starts
    CsvField field{{}, line, 0};
    bool quoted = false;
    bool fieldStarted = false;
    for (size_t i = 0;; ++i) {
        if (i == line_.size()) {
            if (quoted && line_.size() < maxRecord) {
                std::string more;
                if (lines_.next(more)) {
                    line_ += '\n';
                    lineStart = line_.size();
                    ++line;
                    line_ += more;
                    field.text += '\n';
                    if (i + 1 > line_.size()) {
                        break;
                    }
                    continue;
                }
            }
            break;
        }
        char c = line_[i];
        if (quoted) {
            if (c == '"' && i + 1 < line_.size() && line_[i + 1] == '"') {
                field.text += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else if (c != '\n') {
                field.text += c;
            }
        } else if (c == delimiter_) {
            record.fields.push_back(std::move(field));
            field = CsvField{{}, line, i + 1 - lineStart};
            fieldStarted = false;
        } else if (c == '"' && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            field.line = line;
            field.column = i + 1 - lineStart;
        } else {
            fieldStarted = true;
            field.text += c;
        }
    }
    record.fields.push_back(std::move(field));
    return true;
}

} // namespace privaudit::runtime
