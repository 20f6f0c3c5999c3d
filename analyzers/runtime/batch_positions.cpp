#include "analyzers/runtime/batch_positions.h"

namespace privaudit::runtime {

void BatchPositions::filter(std::string_view run, std::span<const size_t> offsets,
                            CapitalWords capitalWords) {
    positions_.clear();
    tokensToMatch(run, positions_, capitalWords);
    // Positions are token starts and trigger bytes, so none is a separator: each lies in a text.
    first_.resize(offsets.size() + 1);
    size_t k = 0;
    for (size_t i = 0; i < offsets.size(); ++i) {
        first_[i] = k;
        const size_t end = i + 1 < offsets.size() ? offsets[i + 1] : run.size();
        for (; k < positions_.size() && positions_[k] < end; ++k) {
            positions_[k] -= offsets[i];
        }
    }
    first_[offsets.size()] = k;
}

} // namespace privaudit::runtime
