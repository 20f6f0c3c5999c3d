#pragma once

#include "analyzers/runtime/recognizers.h"
#include "analyzers/runtime/text_scanner.h"

namespace privaudit::checks {

// The runtime recognizers built from the embedded checks/recognizers/*.yaml, in file-name
// order (which also breaks score ties between recognizers of the same shape).
const runtime::RecognizerSet& builtinRecognizers();

// The built-in recognizers that are enabled by default, with the default score and decoding
// depth: what `scan-data` runs without --entities.
runtime::ScanSettings defaultScanSettings();

} // namespace privaudit::checks
