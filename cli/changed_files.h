#pragma once

#include "core/finding.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace privaudit::cli {

// The files of the git checkout around `folder` that differ from `ref` in the working tree
// (committed since, staged, modified or untracked), as absolute canonical paths. Returns an
// error message when `folder` is not in a git checkout or `ref` is unknown.
std::string changedFilesSince(const std::string& ref, const std::string& folder,
                              std::set<std::string>& changed);

// Keeps the findings a change can have caused: those in a changed file, in a translation unit
// that includes a changed header, or whose data flow passes through a changed file.
void keepFindingsOfChangedFiles(std::vector<core::Finding>& findings,
                                const std::set<std::string>& changed,
                                const std::map<std::string, std::vector<std::string>>& includes);

} // namespace privaudit::cli
