#include "checks/runtime/probe_check.h"

namespace privaudit::checks {

core::SourceLocation transcriptLocation(const ProbeEvidence& evidence, size_t index) {
    int line = static_cast<int>(index + 1);
    int width = static_cast<int>(
        runtime::probe::transcriptLine(evidence.run, evidence.run.turns[index]).size());
    return {evidence.transcriptPath, line, 1, line, width + 1};
}

} // namespace privaudit::checks
