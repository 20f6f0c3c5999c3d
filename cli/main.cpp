#include "cli/data_scan_command.h"
#include "cli/lsp_command.h"
#include "cli/merge_command.h"
#include "cli/probe_command.h"
#include "cli/report_command.h"
#include "cli/rules_command.h"
#include "cli/scan_command.h"
#include "core/interruption.h"

#include <exception>
#include <iostream>

namespace {

const char* const usage = R"(usage: privaudit <command> [options]

privaudit audits contact-center chatbots for privacy risk: C/C++ backends and bot
configurations (Rasa, Dialogflow, Lex/Connect, Bot Framework, LiteLLM, ...).

commands:
  scan [PATH...]   scan sources and configs; report as text, SARIF 2.1.0, JSON, HTML, ...
  scan-data [PATH...]
                   find personal data in logs, transcripts and exports (JSON, CSV, text, .gz)
  probe --target URL
                   talk to a running bot as several customers at once; report leaks
                   between their sessions
  report FILE...   render SARIF reports as an HTML audit report, Markdown or JUnit XML
  merge FILE...    join the SARIF reports of `scan --shard K/N` runs into one
  lsp              a Language Server over stdio: diagnostics in any LSP editor
  rules            print the rule catalogue

options:
  --version        print the version
  -h, --help       show this help; `privaudit COMMAND --help` shows a command's options
)";

int run(const std::vector<std::string>& arguments) {
    if (arguments.size() < 2 || arguments[1] == "-h" || arguments[1] == "--help") {
        std::cout << usage;
        return arguments.size() < 2 ? 2 : 0;
    }
    const std::string& command = arguments[1];
    std::vector<std::string> rest(arguments.begin() + 2, arguments.end());
    if (command == "--version") {
        std::cout << "privaudit " PRIVAUDIT_VERSION "\n";
        return 0;
    }
    if (command == "report") {
        return privaudit::cli::runReport(rest);
    }
    if (command == "merge") {
        return privaudit::cli::runMerge(arguments);
    }
    if (command == "lsp") {
        return privaudit::cli::runLsp(rest);
    }
    if (command == "rules") {
        return privaudit::cli::runRules(rest);
    }
    if (command == "scan") {
        privaudit::cli::ScanOptions options;
        bool help = false;
        std::string error = privaudit::cli::parseScanOptions(rest, options, help);
        if (help) {
            std::cout << privaudit::cli::scanUsage;
            return 0;
        }
        if (!error.empty()) {
            std::cerr << "privaudit scan: " << error << "\n";
            return 2;
        }
        return privaudit::cli::runScan(options, arguments);
    }
    if (command == "scan-data") {
        privaudit::cli::DataScanOptions options;
        bool help = false;
        std::string error = privaudit::cli::parseDataScanOptions(rest, options, help);
        if (help) {
            std::cout << privaudit::cli::dataScanUsage;
            return 0;
        }
        if (!error.empty()) {
            std::cerr << "privaudit scan-data: " << error << "\n";
            return 2;
        }
        return privaudit::cli::runDataScan(options, arguments);
    }
    if (command == "probe") {
        privaudit::cli::ProbeOptions options;
        bool help = false;
        std::string error = privaudit::cli::parseProbeOptions(rest, options, help);
        if (help) {
            std::cout << privaudit::cli::probeUsage;
            return 0;
        }
        if (!error.empty()) {
            std::cerr << "privaudit probe: " << error << "\n";
            return 2;
        }
        return privaudit::cli::runProbe(options, arguments);
    }
    std::cerr << "privaudit: unknown command '" << command << "'\n" << usage;
    return 2;
}

} // namespace

int main(int argc, char** argv) {
    privaudit::core::handleInterruptions();
    try {
        return run(std::vector<std::string>(argv, argv + argc));
    } catch (const std::exception& error) {
        std::cerr << "privaudit: internal error: " << error.what() << "\n";
        return 3;
    }
}
