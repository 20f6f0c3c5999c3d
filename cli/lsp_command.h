#pragma once

#include <string>
#include <vector>

namespace privaudit::cli {

// `privaudit lsp`: a Language Server over stdio. On didOpen and didSave of a C/C++ source or a
// bot configuration it scans the document's text (`scan --stdin-filename` in a child process,
// with the workspace's compilation database) and publishes the findings as diagnostics.
int runLsp(const std::vector<std::string>& arguments);

} // namespace privaudit::cli
