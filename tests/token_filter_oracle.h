#pragma once

#include <string>
#include <string_view>

// The candidate finder as it runs (tokensToMatch choosing where to step) against the same
// finder stepping at every token and trigger byte: a difference means the filter passed over a
// token that holds something. Shared by runtime_token_filter_test and the token_filter fuzzer.
namespace privaudit::testing {

// Empty when both finders agree on `text`; else what differs, with the values masked.
std::string filterDifference(std::string_view text);

} // namespace privaudit::testing
