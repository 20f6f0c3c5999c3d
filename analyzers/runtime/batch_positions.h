#pragma once

#include "analyzers/runtime/token_filter.h"

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace privaudit::runtime {

// The token filter run once over many texts with spaces between them (the lines of a LineBatch,
// the fields of CSV records) instead of once per text. The filter reads a space as it reads the
// outside of a single text, so each text gets every position a filter over it alone would give
// (and perhaps a few more, which findCandidatesVisiting allows); most texts of a log get none,
// and need nothing else.
class BatchPositions {
public:
    // Filters `run`, in which text i starts at offsets[i] and ends before a space.
    void filter(std::string_view run, std::span<const size_t> offsets, CapitalWords capitalWords);
    // Where findCandidates must step in text i, relative to its start.
    std::span<const size_t> of(size_t i) const {
        return std::span<const size_t>(positions_).subspan(first_[i], first_[i + 1] - first_[i]);
    }

private:
    std::vector<size_t> positions_; // relative to their text
    std::vector<size_t> first_;     // text i's positions start at first_[i]
};

} // namespace privaudit::runtime
