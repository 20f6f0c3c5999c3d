#include "cli/probe_options.h"

#include "analyzers/runtime/probe/http_json_adapter.h"
#include "analyzers/runtime/probe/mock_llm.h"
#include "cli/option_parser.h"

#include <charconv>
#include <functional>
#include <nlohmann/json.hpp>

namespace privaudit::cli {

const char* const probeUsage =
    R"(usage: privaudit probe --target URL [options]
       privaudit probe --command CMD [options]

Talks to a running chatbot as several synthetic customers at once and reports where one
customer's data reaches another: each customer carries unique canaries (name, e-mail at
example.com, a phone number from a reserved range, a test IBAN and card number with valid
check digits, an order number, a birth date, a postal address in a street that does not
exist), all tagged so that a match cannot be chance. Customers follow a scenario (identify,
give address and payment details, ask for their own data and for the last customer's, ask
whether the bot is a human, ask for a human) in a seeded order with bursts of simultaneous
messages; the same seed replays the same run. Afterwards a second client sends one message
in every customer's session, reusing the session id.

options:
  --target URL             the bot, http:// or https://; for rasa-rest a URL without a path
                           gets Rasa's REST webhook path /webhooks/rest/webhook
  --command CMD            the bot as a child process speaking JSON lines (implies --adapter
                           jsonl): started with /bin/sh -c CMD, stopped at the end
  --adapter NAME           how to talk to the bot:
                             rasa-rest  POST {"sender","message"}, a list of messages back
                             http-json  POST the --request-template, text at --reply-pointer
                             jsonl      one line {"session","message"} to the child's stdin,
                                        one JSON line back on its stdout
  --request-template JSON  http-json: the request body; {sender}, {session} and {message}
                           are replaced inside its strings (default:
                           {"sender": "{sender}", "message": "{message}"})
  --reply-pointer PTR      http-json, jsonl: a JSON pointer to the bot's text; every string
                           under it counts (repeatable; default: the whole reply)
  --session-pointer PTR    http-json: where the bot returns its conversation id; {session}
                           is then "" on a customer's first message and the returned id after
                           (default: {session} is the customer's sender id)
  --header "NAME: VALUE"   an extra HTTP header on every request (repeatable)
  --second-client-header "NAME: VALUE"
                           the second client's own header in place of --header's of that
                           name, e.g. its own token (repeatable; default: the same headers)
  --ca-cert FILE           https: trust the CA certificates in FILE (PEM) instead of the
                           system's
  --scenario FILE          the conversation, a YAML file (see the README), or builtin:en /
                           builtin:de (default: builtin:en)
  --language en|de         the built-in scenario in that language; same as --scenario
                           builtin:LANGUAGE (the checks understand replies in both languages)
  --customers N            synthetic customers, 2 to 100 (default: 8)
  --rounds K               messages per customer (default: 12)
  --max-burst N            the most customers whose messages are sent at the same moment,
                           1 (one at a time) to 64 (default: 4)
  --seed N                 the seed of customers and schedule (default: a random one, printed)
  --timeout SECONDS        per message, for connecting, sending and reading each (default:
                           10); after 3 steps in a row without any reply the probe stops
  --transcript FILE        where to write the run, one JSON line per message; findings point
                           at its lines (default: privaudit-probe.jsonl)
  --watch DIR              a folder the bot writes to (repeatable): files created or changed
                           during the run (for appended files, the new bytes; gzip read
                           through) are searched for the canaries and scanned with scan-data's
                           recognizers
  --log FILE               a file the bot logs to (repeatable): the bytes appended during the
                           run are searched likewise
  --mock-llm HOST:PORT     serve an OpenAI-compatible LLM API (POST /v1/chat/completions and
                           /v1/completions, GET /v1/models) on loopback for the bot to use as
                           its provider; answers with a canned completion and records every
                           request next to the transcript (NAME.upstream.jsonl). HOST must be
                           127.0.0.1, localhost or [::1]; port 0 picks a free port (printed).
                           A --command bot gets its base URL in PRIVAUDIT_MOCK_LLM_URL and
                           OPENAI_BASE_URL
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

Checks: runtime/cross-session-leak, runtime/session-id-reuse, runtime/over-echo,
runtime/no-human-handoff, runtime/no-ai-disclosure; with --watch or --log
runtime/pii-at-rest, runtime/reversible-encoding-at-rest and runtime/pii-in-artifact; with
--mock-llm runtime/unredacted-upstream. Reports name customers by synthetic id (c1, c2, ...)
and the kind of data, never a value; the transcript holds the synthetic values.

exit codes: 0 no finding at or above --fail-on; 1 such findings; 2 usage or policy error;
3 some messages got no reply: the target failed, hung, crashed or answered garbage (the
report is still written, with a notification naming the transcript line of the first failure)
)";

namespace {

template <class Number> bool parseNumber(const std::string& text, Number& value) {
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}

bool isJsonPointer(const std::string& text) {
    try {
        nlohmann::json::json_pointer pointer(text);
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

// The options that say how to reach the bot fit together.
std::string checkTransport(ProbeOptions& options) {
    if (!options.command.empty() && options.adapter == "rasa-rest") {
        options.adapter = "jsonl";
    }
    bool jsonl = options.adapter == "jsonl";
    if (jsonl && (options.command.empty() || !options.target.empty())) {
        return "the jsonl adapter needs --command CMD and no --target";
    }
    if (!jsonl && !options.command.empty()) {
        return "--command is for the jsonl adapter; the " + options.adapter +
               " adapter needs --target URL";
    }
    if (!jsonl && options.target.empty()) {
        return "--target URL or --command CMD is required (e.g. --target "
               "http://127.0.0.1:5005)";
    }
    bool httpJson = options.adapter == "http-json";
    if (!httpJson && (options.requestTemplate || !options.sessionPointer.empty())) {
        return "--request-template and --session-pointer are for the http-json adapter";
    }
    if (options.adapter == "rasa-rest" && !options.replyPointers.empty()) {
        return "--reply-pointer is for the http-json and jsonl adapters";
    }
    if (jsonl && (!options.headers.empty() || !options.secondClientHeaders.empty() ||
                  !options.caFile.empty())) {
        return "--header, --second-client-header and --ca-cert are for the HTTP adapters";
    }
    if (httpJson && options.requestTemplate) {
        if (std::string problem = runtime::probe::checkRequestTemplate(*options.requestTemplate);
            !problem.empty()) {
            return "--request-template: " + problem;
        }
    }
    if (options.replyPointers.empty()) {
        options.replyPointers = {""};
    }
    return {};
}

} // namespace

std::string parseProbeOptions(const std::vector<std::string>& args, ProbeOptions& options,
                              bool& help) {
    help = false;
    OptionParser parser("probe");
    addReportOptions(parser, help, options.format, options.output, options.failOn);
    parser.flag({"-q", "--quiet"}, [&options] { options.quiet = true; });
    parser.text({"--target"}, options.target);
    parser.text({"--command"}, options.command);
    parser.checked({"--adapter"}, "rasa-rest, http-json or jsonl",
                   [&options](const std::string& text) {
                       options.adapter = text;
                       return text == "rasa-rest" || text == "http-json" || text == "jsonl";
                   });
    parser.text({"--request-template"}, options.requestTemplate);
    auto jsonPointer = [](std::string name, std::function<void(const std::string&)> keep) {
        return [name, keep](const std::string& text) {
            if (!isJsonPointer(text)) {
                return name + " must be a JSON pointer like /messages/0/text, not '" + text + "'";
            }
            keep(text);
            return std::string();
        };
    };
    parser.option({"--reply-pointer"},
                  jsonPointer("--reply-pointer", [&options](const std::string& text) {
                      options.replyPointers.push_back(text);
                  }));
    parser.option({"--session-pointer"},
                  jsonPointer("--session-pointer", [&options](const std::string& text) {
                      options.sessionPointer = text;
                  }));
    auto header = [](std::string name, std::vector<std::pair<std::string, std::string>>& into) {
        return [name, &into](const std::string& text) {
            size_t colon = text.find(':');
            if (colon == std::string::npos || colon == 0) {
                return name + " must be NAME: VALUE, not '" + text + "'";
            }
            size_t start = text.find_first_not_of(' ', colon + 1);
            into.emplace_back(text.substr(0, colon),
                              start == std::string::npos ? "" : text.substr(start));
            return std::string();
        };
    };
    parser.option({"--header"}, header("--header", options.headers));
    parser.option({"--second-client-header"},
                  header("--second-client-header", options.secondClientHeaders));
    parser.text({"--ca-cert"}, options.caFile);
    bool languageOrScenarioGiven = false;
    auto scenario = [&](bool language) {
        return [&, language](const std::string& text) {
            if (languageOrScenarioGiven) {
                return std::string("give one of --scenario and --language, not both");
            }
            if (language && text != "en" && text != "de") {
                return "--language must be en or de, not '" + text + "'";
            }
            languageOrScenarioGiven = true;
            options.scenario = language ? "builtin:" + text : text;
            return std::string();
        };
    };
    parser.option({"--scenario"}, scenario(false));
    parser.option({"--language"}, scenario(true));
    parser.checked({"--customers"}, "a number from 2 to 100", [&options](const std::string& text) {
        return parseNumber(text, options.customers) && options.customers >= 2 &&
               options.customers <= 100;
    });
    parser.checked({"--rounds"}, "a positive number", [&options](const std::string& text) {
        return parsePositive(text, options.rounds);
    });
    parser.checked({"--max-burst"}, "a number from 1 to 64", [&options](const std::string& text) {
        return parseNumber(text, options.maxBurst) && options.maxBurst >= 1 &&
               options.maxBurst <= 64;
    });
    parser.checked({"--seed"}, "a number from 0 to 2^64-1", [&options](const std::string& text) {
        std::uint64_t seed = 0;
        if (!parseNumber(text, seed)) {
            return false;
        }
        options.seed = seed;
        return true;
    });
    parser.checked({"--timeout"}, "a positive number of seconds",
                   [&options](const std::string& text) {
                       return parsePositive(text, options.timeoutSeconds);
                   });
    parser.text({"--transcript"}, options.transcript);
    parser.option({"--watch"}, [&options](const std::string& text) {
        options.watchFolders.push_back(text);
        return std::string();
    });
    parser.option({"--log"}, [&options](const std::string& text) {
        options.logFiles.push_back(text);
        return std::string();
    });
    parser.option({"--mock-llm"}, [&options](const std::string& text) {
        options.mockLlm = text;
        return runtime::probe::mockLlmAddressError(text);
    });
    parser.text({"--config"}, options.policyFile);
    parser.text({"--source-root"}, options.sourceRoot);
    std::vector<std::string> positional;
    if (std::string error = parser.parse(args, positional); !error.empty()) {
        return error;
    }
    if (!positional.empty()) {
        return "unknown option '" + positional.front() + "' (see: privaudit probe --help)";
    }
    return help ? std::string() : checkTransport(options);
}

} // namespace privaudit::cli
