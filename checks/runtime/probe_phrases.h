#pragma once

#include <memory>
#include <string_view>

namespace re2 {
class RE2;
}

namespace privaudit::checks {

// One list of the probe's phrase patterns (checks/probe/*.yaml): a key holding an RE2 pattern
// or a list of them, matched case-insensitively anywhere in the text. The files are built in
// and tested, so a bad one is a defect: the constructor throws std::logic_error naming
// file:line.
class PhraseList {
public:
    PhraseList(std::string_view file, std::string_view key);
    ~PhraseList();
    PhraseList(const PhraseList&) = delete;
    PhraseList& operator=(const PhraseList&) = delete;

    bool foundIn(std::string_view text) const;

private:
    std::unique_ptr<re2::RE2> pattern_;
};

} // namespace privaudit::checks
