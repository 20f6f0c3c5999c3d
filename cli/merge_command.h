#pragma once

#include <string>
#include <vector>

namespace privaudit::cli {

// `privaudit merge SHARD.sarif... -o all.sarif`: joins the reports of `scan --shard K/N` runs
// into the report one whole scan would have written.
int runMerge(const std::vector<std::string>& arguments);

} // namespace privaudit::cli
