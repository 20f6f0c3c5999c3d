#pragma once

#include "core/scan_result.h"
#include "reporters/report_model.h"

#include <ostream>

namespace privaudit::reporters {

// Writes the audit report as one self-contained HTML page (inline style and script, no
// network fetches): summary, scorecard, data inventory, findings by category with masked
// snippets, code flows, CWE and GDPR references and remediation; filter and sort in the page.
void writeHtml(const core::ScanResult& scan, const ReportContext& context, std::ostream& out);

} // namespace privaudit::reporters
