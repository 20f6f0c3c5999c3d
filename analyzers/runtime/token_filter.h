#pragma once

#include "analyzers/runtime/byte_masks.h"

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

// The tokens findCandidates may pass over unseen. Logs are dense with tokens no shape can start
// (timestamps, ids, keys, prose); visiting each one by one costs a mispredicted branch or two per
// token. This filter classifies 64 bytes at a time into bit masks and decides for every token at
// once, by mask arithmetic, whether it is provably inert; findCandidates then visits only the
// rest. Provably: a token is passed over only when the finder's step on it would add no candidate
// and no encoded span and return no further than its end (tests/runtime_token_filter_test.cpp
// and the token_filter fuzzer compare the filtered finder with the one that visits every token).
namespace privaudit::runtime {

// The runs (tokens, digit runs, capital runs) the filter follows from one window into the next:
// whether a run of each kind it tracks goes on across the boundary.
struct RunCarries {
    bool anyDigit = false, goodDigit = false, allDigit = false, street = false, upper = false,
         capital = false, allUpper = false, lower = false;
};

// Appends, in order, every position of `text` findCandidates must visit: the start of each token
// that is not provably inert, and each trigger byte ('+', '(', '%', '\\').
void tokensToMatch(std::string_view text, std::vector<size_t>& positions);

} // namespace privaudit::runtime
