#pragma once

#include "analyzers/runtime/byte_masks.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

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
    bool goodDigit = false, badDigit = false, allDigit = false, zeroDigit = false, street = false,
         upper = false, capital = false, upperPair = false, allUpper = false, lower = false;
};

// Walks one text with the finder, 64 bytes at a time.
class TokenFilter {
public:
    explicit TokenFilter(std::string_view text);

    // The first position at or after `from` that findCandidates must visit: the start of a token
    // that is not provably inert, or a trigger byte ('+', '(', '%', '\\'); text.size() when
    // there is none. `from` is where the finder goes on after its last step, so it never goes
    // back.
    size_t next(size_t from);

private:
    void advance();
    // The first byte of the token whose terminator is at bit `terminator` of the window.
    size_t tokenStart(unsigned terminator) const;

    std::string_view text_;
    size_t base_ = 0; // the current window's first byte
    ByteMasks before_, current_, after_;
    RunCarries carries_;
    std::uint64_t stops_ = 0; // the current window's token stops, by terminator
};

} // namespace privaudit::runtime
