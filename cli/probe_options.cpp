#include "cli/probe_options.h"

#include <charconv>

namespace privaudit::cli {

const char* const probeUsage =
    R"(usage: privaudit probe --target URL [options]

Talks to a running chatbot as several synthetic customers at once and reports where one
customer's data reaches another: each customer carries unique canaries (name, e-mail at
example.com, a phone number from a reserved range, a test IBAN and card number with valid
check digits, an order number), all tagged so that a match cannot be chance. Customers speak
in a seeded order with bursts of simultaneous messages; the same seed replays the same run.

options:
  --target URL             the bot, http:// only; a URL without a path gets Rasa's REST
                           webhook path /webhooks/rest/webhook
  --adapter NAME           how to talk to the bot: rasa-rest (the only one so far)
  --customers N            synthetic customers, 2 to 100 (default: 8)
  --rounds K               messages per customer (default: 12)
  --seed N                 the seed of customers and schedule (default: a random one, printed)
  --timeout SECONDS        per message (default: 10)
  --transcript FILE        where to write the run, one JSON line per message; findings point
                           at its lines (default: privaudit-probe.jsonl)
  --format FORMAT          text, sarif, json, html, markdown or junit (as for scan)
  -o, --output FILE        write the report to FILE (atomically); .sarif and .json names imply
                           the format; findings are also printed as text unless --quiet
  --fail-on LEVEL          exit 1 when a finding at or above LEVEL exists: error (default),
                           warning, note or none
  --config FILE            policy file (default: the nearest .privaudit.yaml above the
                           current folder)
  --source-root DIR        report paths relative to DIR (default: the enclosing git checkout,
                           else the current folder)
  -q, --quiet              print no findings on stdout when writing a report file
  -h, --help               show this help

Checks: runtime/cross-session-leak. Reports name customers by synthetic id (c1, c2, ...)
and the kind of data, never a value; the transcript holds the synthetic values.

exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage or policy error;
3 some messages got no reply (the report is still written, with notifications)
)";

namespace {

template <class Number> bool parseNumber(const std::string& text, Number& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

std::string parseProbeOptions(const std::vector<std::string>& args, ProbeOptions& options,
                              bool& help) {
    help = false;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        std::string text;
        std::string error;
        auto value = [&]() -> bool {
            if (i + 1 >= args.size()) {
                error = "option " + arg + " needs a value";
                return false;
            }
            text = args[++i];
            return true;
        };
        if (arg == "-h" || arg == "--help") {
            help = true;
        } else if (arg == "-q" || arg == "--quiet") {
            options.quiet = true;
        } else if (arg == "--target") {
            if (value()) {
                options.target = text;
            }
        } else if (arg == "--adapter") {
            if (value() && text != "rasa-rest") {
                error = text == "http-json" || text == "jsonl"
                            ? "the " + text + " adapter is not implemented yet; use rasa-rest"
                            : "--adapter must be rasa-rest, not '" + text + "'";
            }
        } else if (arg == "--customers") {
            if (value() && (!parseNumber(text, options.customers) || options.customers < 2 ||
                            options.customers > 100)) {
                error = "--customers must be a number from 2 to 100, not '" + text + "'";
            }
        } else if (arg == "--rounds") {
            if (value() && !parsePositive(text, options.rounds)) {
                error = "--rounds must be a positive number, not '" + text + "'";
            }
        } else if (arg == "--seed") {
            std::uint64_t seed = 0;
            if (value() && !parseNumber(text, seed)) {
                error = "--seed must be a number from 0 to 2^64-1, not '" + text + "'";
            }
            options.seed = seed;
        } else if (arg == "--timeout") {
            if (value() && !parsePositive(text, options.timeoutSeconds)) {
                error = "--timeout must be a positive number of seconds, not '" + text + "'";
            }
        } else if (arg == "--transcript") {
            if (value()) {
                options.transcript = text;
            }
        } else if (arg == "-o" || arg == "--output") {
            if (value()) {
                options.output = text;
            }
        } else if (arg == "--config") {
            if (value()) {
                options.policyFile = text;
            }
        } else if (arg == "--source-root") {
            if (value()) {
                options.sourceRoot = text;
            }
        } else if (arg == "--format") {
            if (value()) {
                error = parseFormatOption(text, options.format);
            }
        } else if (arg == "--fail-on") {
            if (value()) {
                auto level = core::parseLevel(text);
                if (!level) {
                    error = "--fail-on must be error, warning, note or none, not '" + text + "'";
                } else {
                    options.failOn = *level;
                }
            }
        } else {
            error = "unknown option '" + arg + "' (see: privaudit probe --help)";
        }
        if (!error.empty()) {
            return error;
        }
    }
    if (options.target.empty() && !help) {
        return "--target URL is required (e.g. --target http://127.0.0.1:5005)";
    }
    return {};
}

} // namespace privaudit::cli
