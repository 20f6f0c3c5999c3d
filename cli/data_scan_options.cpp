#include "cli/data_scan_options.h"

#include "cli/option_parser.h"
#include "cli/report_render.h"

#include <charconv>
#include <sstream>

namespace privaudit::cli {

const char* const dataScanUsage =
    R"(usage: privaudit scan-data [PATH...] [options]

Scans runtime artifacts under PATH (default: the current folder) for personal data and
secrets: application logs, chat transcripts, tracker-store dumps, conversation exports. JSON
lines (.jsonl, .ndjson, or lines that start with '{'), JSON documents (.json) and CSV/TSV
are parsed so that keys and column names count as context and findings name the JSON pointer
or column; other files are scanned as text, line by line. .gz files are decompressed on the
fly. Values hidden in base64, hex, percent-encoding or \u escapes are decoded.

options:
  --format FORMAT          text (with per-file and per-entity summaries), sarif, json, html,
                           markdown or junit (as for scan)
  -o, --output FILE        write the report to FILE (atomically); the name's extension implies
                           the format; findings are also printed as text unless --quiet
  --min-score SCORE        report matches scoring at least SCORE, 0..1 (default: 0.5)
  --entities LIST          only these entities, comma-separated (e.g. CREDIT_CARD,IBAN_CODE);
                           naming an entity that is off by default turns it on
  --jobs N                 files scanned in parallel (default: one per core)
  --max-decode-depth N     decoding layers to look through, 0 to turn decoding off (default: 2)
  --max-findings-per-file N  list at most N findings per file, 0 for all (default: 10000)
  --fail-on LEVEL          exit 1 when a finding at or above LEVEL exists: error (default),
                           warning, note or none
  --config FILE            policy file (default: the nearest .privaudit.yaml above PATH)
  --source-root DIR        report paths relative to DIR (default: the enclosing git checkout,
                           else the current folder)
  -q, --quiet              print no findings on stdout when writing a report file
  -h, --help               show this help

Reports show masked previews only: a card's last 4 digits, an IBAN's country and last 4, an
e-mail's first letter and domain.

exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage or policy error;
3 some input could not be read completely (the report is still written, with notifications)
)";

namespace {

bool parseScore(const std::string& text, double& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value >= 0.0 && value <= 1.0;
}

bool parseCount(const std::string& text, int& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value >= 0;
}

std::vector<std::string> splitList(const std::string& text) {
    std::vector<std::string> items;
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        if (!item.empty()) {
            items.push_back(item);
        }
    }
    return items;
}

} // namespace

std::string parseDataScanOptions(const std::vector<std::string>& args, DataScanOptions& options,
                                 bool& help) {
    help = false;
    OptionParser parser("scan-data");
    addReportOptions(parser, help, options.format, options.output, options.failOn);
    parser.flag({"-q", "--quiet"}, [&options] { options.quiet = true; });
    parser.text({"--config"}, options.policyFile);
    parser.text({"--source-root"}, options.sourceRoot);
    addJobsOption(parser, options.jobs);
    parser.checked({"--min-score"}, "a number from 0 to 1", [&options](const std::string& text) {
        return parseScore(text, options.minScore);
    });
    parser.option({"--entities"}, [&options](const std::string& text) {
        options.entities = splitList(text);
        return std::string();
    });
    parser.checked({"--max-decode-depth"}, "0 or more", [&options](const std::string& text) {
        return parseCount(text, options.maxDecodeDepth);
    });
    parser.checked({"--max-findings-per-file"}, "0 or more", [&options](const std::string& text) {
        return parseCount(text, options.maxFindingsPerFile);
    });
    std::string error = parser.parse(args, options.paths);
    if (options.paths.empty()) {
        options.paths.push_back(".");
    }
    return error;
}

} // namespace privaudit::cli
