#include "cli/scan_options.h"

#include "cli/option_parser.h"

#include <charconv>

namespace privaudit::cli {

const char* const scanUsage =
    R"(usage: privaudit scan [PATH...] [options]

Scans C/C++ sources and bot configurations under PATH (default: the current folder) for
privacy defects.

options:
  -p BUILD_DIR|FILE      compile_commands.json (or the folder holding it) that says how each
                         translation unit is compiled; without it, sources found under PATH are
                         compiled with -std=c++20 and the paths' include folders
  --format FORMAT        text (compiler-style), sarif (SARIF 2.1.0), json, html (audit
                         report), markdown (pull-request comment) or junit (JUnit XML)
  -o, --output FILE      write the report to FILE (atomically); the name's extension implies
                         the format: .sarif, .json, .html, .md, .xml (junit). Findings are also
                         printed as text on stdout unless --quiet
  --config FILE          policy file (default: the nearest .privaudit.yaml above PATH)
  --source-root DIR      report paths relative to DIR (default: the enclosing git checkout,
                         else the current folder)
  --jobs N               translation units analyzed in parallel (default: one per core)
  --fail-on LEVEL        exit 1 when a finding at or above LEVEL exists: error (default),
                         warning, note or none
  --tu-timeout SECONDS   stop analyzing a translation unit after this long (default: 300)
  --omit-suppressed      leave suppressed findings out of the SARIF report (for GitHub code
                         scanning, which ignores SARIF suppressions)
  --baseline FILE        a previous SARIF report: findings it holds are marked unchanged, the
                         others new, its findings not found any more absent; only new
                         findings fail the run
  --write-baseline FILE  also write this scan's full SARIF report to FILE, for later
                         --baseline runs
  --shard K/N            scan only part K of N of the translation units and config files
                         (split by path, the same on every machine); join the parts' SARIF
                         reports with `privaudit merge`, which also resolves the data flows
                         that cross parts
  --changed-since REF    report only findings a change since the git revision REF can have
                         caused: in files changed since REF (committed, staged, modified or
                         new), in translation units that include a changed header, or with a
                         data flow through a changed file
  --stdin-filename FILE  scan the text on stdin as the content of FILE (a C/C++ source
                         compiled with FILE's flags from -p, or a bot configuration): for
                         editors, which pass their unsaved buffer
  --cache DIR            keep each translation unit's result in DIR and reuse it while the
                         unit, the headers it includes, its flags, the policy and the rules
                         are unchanged
  -q, --quiet            print no findings on stdout when writing a report file
  -h, --help             show this help

exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage or policy error;
3 some input could not be analyzed (the report is still written, with notifications)
)";

bool parsePositive(const std::string& text, int& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size() && value > 0;
}

ReportFormat reportFormatFor(const std::optional<ReportFormat>& format,
                             const std::optional<std::string>& output) {
    if (format) {
        return *format;
    }
    return output ? formatOfFileName(*output).value_or(ReportFormat::Text) : ReportFormat::Text;
}

ReportFormat ScanOptions::reportFormat() const {
    return reportFormatFor(format, output);
}

void addJobsOption(OptionParser& parser, unsigned& jobs) {
    parser.checked({"--jobs", "-j"}, "a positive number", [&jobs](const std::string& text) {
        int given = 0;
        if (!parsePositive(text, given)) {
            return false;
        }
        jobs = static_cast<unsigned>(given);
        return true;
    });
}

std::string parseScanOptions(const std::vector<std::string>& args, ScanOptions& options,
                             bool& help) {
    help = false;
    OptionParser parser("scan");
    addReportOptions(parser, help, options.format, options.output, options.failOn);
    parser.flag({"-q", "--quiet"}, [&options] { options.quiet = true; });
    parser.flag({"--omit-suppressed"}, [&options] { options.omitSuppressed = true; });
    parser.text({"-p"}, options.compileDatabase);
    parser.text({"--baseline"}, options.baseline);
    parser.text({"--write-baseline"}, options.writeBaseline);
    parser.checked({"--shard"}, "K/N with 1 <= K <= N", [&options](const std::string& text) {
        std::optional<core::Shard> shard = core::parseShard(text);
        if (shard) {
            options.shard = *shard;
        }
        return shard.has_value();
    });
    parser.text({"--changed-since"}, options.changedSince);
    parser.text({"--stdin-filename"}, options.stdinFilename);
    parser.text({"--cache"}, options.cacheFolder);
    parser.text({"--config"}, options.policyFile);
    parser.text({"--source-root"}, options.sourceRoot);
    addJobsOption(parser, options.jobs);
    parser.checked({"--tu-timeout"}, "a positive number of seconds",
                   [&options](const std::string& text) {
                       return parsePositive(text, options.tuTimeoutSeconds);
                   });
    if (std::string error = parser.parse(args, options.paths); !error.empty()) {
        return error;
    }
    if (options.stdinFilename) {
        if (!options.paths.empty()) {
            return "--stdin-filename scans one file: name no other paths";
        }
        options.paths.push_back(*options.stdinFilename);
    }
    if (options.paths.empty()) {
        options.paths.push_back(".");
    }
    return {};
}

} // namespace privaudit::cli
