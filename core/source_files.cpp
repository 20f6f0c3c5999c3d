#include "core/source_files.h"

#include <fstream>
#include <sstream>

namespace privaudit::core {

std::vector<std::string> SourceFiles::splitLines(std::istream& in) {
    std::vector<std::string> lines;
    std::string text;
    while (std::getline(in, text)) {
        if (!text.empty() && text.back() == '\r') {
            text.pop_back();
        }
        lines.push_back(text);
    }
    return lines;
}

const std::vector<std::string>& SourceFiles::lines(const std::string& file) {
    auto [position, inserted] = files_.try_emplace(file);
    if (inserted) {
        std::ifstream in(file, std::ios::binary);
        position->second = splitLines(in);
    }
    return position->second;
}

void SourceFiles::provide(const std::string& file, std::string_view text) {
    std::istringstream in{std::string(text)};
    files_[file] = splitLines(in);
}

std::string_view SourceFiles::line(const std::string& file, int line) {
    const auto& fileLines = lines(file);
    if (line < 1 || line > static_cast<int>(fileLines.size())) {
        return {};
    }
    return fileLines[line - 1];
}

} // namespace privaudit::core
