#pragma once

#include "analyzers/runtime/recognizers.h"

namespace privaudit::checks {

// The runtime recognizers built from the embedded checks/recognizers/*.yaml, in file-name
// order (which also breaks score ties between recognizers of the same shape).
const runtime::RecognizerSet& builtinRecognizers();

} // namespace privaudit::checks
