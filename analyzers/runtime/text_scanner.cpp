#include "analyzers/runtime/text_scanner.h"

#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/decoders.h"

#include <algorithm>
#include <iterator>
#include <optional>

namespace privaudit::runtime {

namespace {

constexpr size_t contextBefore = 48;
constexpr size_t contextAfter = 16;
constexpr size_t identifierWindow = 24;
constexpr double contextBoost = 0.35;
constexpr double structureBoost = 0.15;

std::string lowerWindow(std::string_view text, size_t begin, size_t end) {
    std::string window(text.substr(begin, end - begin));
    for (char& c : window) {
        c = toLowerAscii(c);
    }
    return window;
}

bool anyPhrase(std::string_view lowerText, const std::vector<std::string>& phrases) {
    return std::ranges::any_of(phrases,
                               [&](const std::string& p) { return containsPhrase(lowerText, p); });
}

std::optional<double> scoreCandidate(const Candidate& candidate, const RecognizerSpec& spec,
                                     std::string_view text, FieldContext& fieldContext,
                                     const RecognizerSet& set) {
    std::string_view field = fieldContext.words();
    size_t from = candidate.begin > contextBefore ? candidate.begin - contextBefore : 0;
    size_t to = std::min(text.size(), candidate.end + contextAfter);
    std::string before = lowerWindow(text, from, candidate.begin);
    std::string after = lowerWindow(text, candidate.end, to);
    bool seenBefore = anyPhrase(before, spec.context);
    bool contextField =
        !field.empty() && (anyPhrase(field, spec.context) || anyPhrase(field, spec.fields));
    bool context = seenBefore || contextField || anyPhrase(after, spec.context);
    if (spec.yieldsToIdentifierContext && !seenBefore && !contextField) {
        // "order 4111...", {"trace_id": ...}: the number names something else, whatever
        // follows it.
        std::string_view near = std::string_view(before).substr(
            before.size() > identifierWindow ? before.size() - identifierWindow : 0);
        if (anyPhrase(near, set.identifierWords) ||
            (!field.empty() && anyPhrase(field, set.identifierFields))) {
            return std::nullopt;
        }
    }
    if (!context && (spec.requiresContext || candidate.structure == Structure::Weak)) {
        return std::nullopt;
    }
    double score = spec.score;
    if (candidate.structure == Structure::Strong) {
        score += structureBoost;
    }
    if (context) {
        score = std::max(score + contextBoost, 0.4);
    }
    return std::min(score, 1.0);
}

void scanAtDepth(std::string_view text, FieldContext& field, const ScanSettings& settings,
                 int depth, const std::string& chain, std::vector<Match>& out) {
    std::vector<Candidate> candidates;
    std::vector<EncodedSpan> encoded;
    findCandidates(text, candidates, encoded);
    if (candidates.empty() && encoded.empty()) {
        return;
    }
    std::vector<Match> matches;
    for (const Candidate& candidate : candidates) {
        const RecognizerSpec* spec = settings.active[static_cast<size_t>(candidate.recognizer)];
        if (!spec) {
            continue;
        }
        auto score = scoreCandidate(candidate, *spec, text, field, *settings.recognizers);
        if (score && *score + 1e-9 >= settings.minScore) {
            matches.push_back(
                {candidate.begin, candidate.end, spec, *score, candidate.value, chain});
        }
    }
    if (depth < settings.maxDecodeDepth) {
        for (const EncodedSpan& span : encoded) {
            auto decoded = decodeSpan(text.substr(span.begin, span.end - span.begin), span.kind);
            if (!decoded) {
                continue;
            }
            std::string innerChain = chain.empty() ? std::string(decoded->encoding)
                                                   : chain + ">" + std::string(decoded->encoding);
            std::vector<Match> inner;
            scanAtDepth(decoded->text, field, settings, depth + 1, innerChain, inner);
            for (Match& match : inner) {
                match.begin = span.begin;
                match.end = span.end;
                matches.push_back(std::move(match));
            }
        }
    }
    std::ranges::stable_sort(matches,
                             [](const Match& a, const Match& b) { return a.begin < b.begin; });
    std::vector<Match> kept;
    for (Match& match : matches) {
        if (kept.empty() || match.begin >= kept.back().end) {
            kept.push_back(std::move(match));
        } else if (match.decodeChain.empty() != kept.back().decodeChain.empty() &&
                   match.recognizer != kept.back().recognizer) {
            kept.push_back(std::move(match)); // a token as written and what it hides
        } else if (match.score > kept.back().score) {
            kept.back() = std::move(match);
        }
    }
    std::ranges::move(kept, std::back_inserter(out));
}

} // namespace

void scanText(std::string_view text, FieldContext& field, const ScanSettings& settings,
              std::vector<Match>& out) {
    scanAtDepth(text, field, settings, 0, {}, out);
}

} // namespace privaudit::runtime
