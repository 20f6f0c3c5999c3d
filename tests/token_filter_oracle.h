#pragma once

#include "analyzers/runtime/token_filter.h"

#include <string>
#include <string_view>

// The candidate finder as it runs (tokensToMatch choosing where to step) against the same
// finder stepping at every token and trigger byte: a difference means the filter passed over a
// token that holds something. Shared by runtime_token_filter_test and the token_filter fuzzer.
namespace privaudit::testing {

// Empty when both finders agree on `text`; else what differs, with the values masked. With
// CapitalWords::PassOver the filtered finder is not asked for BICs, and the other's are ignored.
std::string filterDifference(std::string_view text,
                             runtime::CapitalWords capitalWords = runtime::CapitalWords::Visit);

// The same for each scalar of a JSON line that blankJsonSyntax blanks, the filter run over the
// blanked line (as scan-data runs it): the positions inside a scalar must find in it what a
// step at every token finds. Empty for a line that is not blanked or not valid JSON.
std::string scalarFilterDifference(std::string_view line);

} // namespace privaudit::testing
