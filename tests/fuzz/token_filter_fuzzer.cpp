// The candidate finder with its token filter against the finder that steps at every token, on
// the input as text and on each scalar of it as a blanked JSON line: any input on which they
// differ is a token the filter passed over that holds something. Aborts
// with both results (positions and recognizer ids, never the text).

#include "tests/token_filter_oracle.h"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    std::string difference = privaudit::testing::filterDifference(text);
    if (difference.empty()) {
        difference =
            privaudit::testing::filterDifference(text, privaudit::runtime::CapitalWords::PassOver);
    }
    if (difference.empty()) {
        difference = privaudit::testing::scalarFilterDifference(text);
    }
    if (!difference.empty()) {
        std::fprintf(stderr, "token filter differs: %s\n", difference.c_str());
        std::abort();
    }
    return 0;
}
