#include "checks/embedded_data.h"

namespace privaudit::checks {

std::string_view embeddedFile(std::string_view path) {
    for (const EmbeddedFile& file : embeddedFiles()) {
        if (file.path == path) {
            return file.text;
        }
    }
    return {};
}

} // namespace privaudit::checks
