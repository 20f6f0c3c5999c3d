#pragma once

#include "analyzers/runtime/text_scanner.h"

#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime {

// The raw bytes of one JSON line with the JSON syntax blanked out: quotes and the structural
// characters outside strings ('{', '}', '[', ']', ':', ',') become spaces, everything else
// stays where it was, written to the line.size() bytes at `out`. Every key and value then reads as
// it does on its own, bounded by spaces (the scanner treats the outside of a text unit as a space),
// so findCandidates over the whole line finds a candidate when any scalar holds one, without
// parsing the line into scalars and key paths. Only lines with a candidate pay for that.
//
// False when the line cannot be blanked that way: it has a backslash (an escape changes the
// bytes a scalar holds), a string is not closed or it does not end in '}' or ']' (a truncated
// line: it goes to the parser, which says it is not JSON). Lines that pass are not checked
// further: one that is not JSON in some other way and holds no candidate is skipped unnoticed.
bool blankJsonSyntax(std::string_view line, char* out);
// Every way this machine can blank a line (one byte at a time first; SSE2 and AVX-512 where the
// CPU has them): blankJsonSyntax takes the fastest, the tests compare them all.
std::vector<bool (*)(std::string_view, char*)> availableJsonBlankers();

// False when no key or value of a line, blanked by blankJsonSyntax, holds a candidate of a
// recognizer that runs or an encoded span that decodes to text, so parsing it would report
// nothing; true when it must be parsed and scanned value by value. `positions` are where the
// candidate finder steps (findCandidatesVisiting).
bool blankedLineNeedsScan(std::string_view blanked, std::span<const size_t> positions,
                          const ScanSettings& settings);

} // namespace privaudit::runtime
