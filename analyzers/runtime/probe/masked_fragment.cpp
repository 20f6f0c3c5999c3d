#include "analyzers/runtime/probe/masked_fragment.h"

#include "analyzers/runtime/probe/canary_matcher.h"

#include <algorithm>

namespace privaudit::runtime::probe {

namespace {

bool isMaskCharacter(char c) {
    return c == '*' || c == '#' || c == 'x';
}

std::string bulletsAsStars(std::string_view text) {
    static constexpr std::string_view bullets[] = {"\xE2\x80\xA2", "\xE2\x97\x8F"}; // • ●
    std::string out;
    for (size_t i = 0; i < text.size(); ++i) {
        auto bullet = std::ranges::find_if(
            bullets, [&](std::string_view b) { return text.substr(i, b.size()) == b; });
        if (bullet != std::end(bullets)) {
            out += '*';
            i += bullet->size() - 1;
        } else {
            out += text[i];
        }
    }
    return out;
}

} // namespace

MaskRuns findMaskRuns(std::string_view text) {
    MaskRuns result{foldForMatching(bulletsAsStars(text)), {}};
    const std::string& folded = result.folded;
    for (size_t i = 0; i < folded.size();) {
        if (!isMaskCharacter(folded[i])) {
            ++i;
            continue;
        }
        size_t end = i;
        while (end < folded.size() && isMaskCharacter(folded[end])) {
            ++end;
        }
        if (end - i >= 3) {
            result.runs.emplace_back(i, end);
        }
        i = end;
    }
    return result;
}

VisibleFragment visibleAround(const MaskRuns& masked, size_t run, std::string_view value) {
    std::string_view before = std::string_view(masked.folded).substr(0, masked.runs[run].first);
    std::string_view after = std::string_view(masked.folded).substr(masked.runs[run].second);
    VisibleFragment visible;
    if (value.size() < 2) {
        return visible;
    }
    for (size_t k = std::min(before.size(), value.size() - 1); k > 0; --k) {
        if (before.ends_with(value.substr(0, k))) {
            visible.prefix = k;
            break;
        }
    }
    for (size_t k = std::min(after.size(), value.size() - 1 - visible.prefix); k > 0; --k) {
        if (after.starts_with(value.substr(value.size() - k))) {
            visible.suffix = k;
            break;
        }
    }
    return visible;
}

} // namespace privaudit::runtime::probe
