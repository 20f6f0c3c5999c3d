#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime::probe {

// Where a masked value shows through: `prefix` characters before a run of mask characters and
// `suffix` characters after it are the value's own first and last characters ("4111 11** ****
// 1234": prefix 6, suffix 4). Counted in folded text (foldForMatching).
struct VisibleFragment {
    size_t prefix = 0;
    size_t suffix = 0;
};

// The runs of three or more mask characters (*, #, x, and the bullets • and ●, which are
// rewritten to *) in `text`, already folded: what a masked display leaves between the visible
// characters. Returns the folded text with bullets rewritten and the runs as [begin, end).
struct MaskRuns {
    std::string folded;
    std::vector<std::pair<size_t, size_t>> runs;
};
MaskRuns findMaskRuns(std::string_view text);

// How much of `value` (folded) shows around the mask run [begin, end) of `masked.folded`: the
// longest prefix of value that ends right before the run and the longest suffix that starts
// right after it, together shorter than the value.
VisibleFragment visibleAround(const MaskRuns& masked, size_t run, std::string_view value);

} // namespace privaudit::runtime::probe
