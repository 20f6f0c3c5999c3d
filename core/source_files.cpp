#include "core/source_files.h"

#include <fstream>

namespace privaudit::core {

const std::vector<std::string>& SourceFiles::lines(const std::string& file) {
    auto [position, inserted] = files_.try_emplace(file);
    if (inserted) {
        std::ifstream in(file, std::ios::binary);
        std::string text;
        while (std::getline(in, text)) {
            if (!text.empty() && text.back() == '\r') {
                text.pop_back();
            }
            position->second.push_back(text);
        }
    }
    return position->second;
}

std::string_view SourceFiles::line(const std::string& file, int line) {
    const auto& fileLines = lines(file);
    if (line < 1 || line > static_cast<int>(fileLines.size())) {
        return {};
    }
    return fileLines[line - 1];
}

} // namespace privaudit::core
