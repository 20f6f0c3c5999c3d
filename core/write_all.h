#pragma once

#include <string_view>

namespace privaudit::core {

// Writes all of `data` to the file descriptor, retrying short and interrupted writes.
// Returns false (with errno set) when the descriptor fails.
bool writeAll(int fd, std::string_view data);

} // namespace privaudit::core
