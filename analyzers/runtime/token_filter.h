#pragma once

#include <cstddef>
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

// Words of eight and more capital letters ("CUSTOMER:" in a transcript) can only be a BIC: when
// that recognizer does not run (it is off by default), the filter may pass over them too.
enum class CapitalWords { Visit, PassOver };

// Appends, in order, every position of `text` findCandidates must visit: the start of each token
// that is not provably inert, and each trigger byte ('+', '(', '%', '\\').
void tokensToMatch(std::string_view text, std::vector<size_t>& positions,
                   CapitalWords capitalWords = CapitalWords::Visit);

} // namespace privaudit::runtime
