#include "analyzers/runtime/text_scanner.h"

#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/char_classes.h"
#include "analyzers/runtime/decoders.h"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>

namespace privaudit::runtime {

namespace {

constexpr size_t contextBefore = 48;
constexpr size_t contextAfter = 16;
constexpr size_t identifierWindow = 24;
constexpr double contextBoost = 0.35;
constexpr double structureBoost = 0.15;

// A lower-cased copy of a context window, on the stack: scoring runs for every candidate.
template <size_t Capacity> class LowerWindow {
public:
    LowerWindow(std::string_view text, size_t begin, size_t end) : size_(end - begin) {
        for (size_t i = 0; i < size_; ++i) {
            bytes_[i] = toLowerAscii(text[begin + i]);
        }
    }
    std::string_view view() const { return {bytes_.data(), size_}; }

private:
    std::array<char, Capacity> bytes_;
    size_t size_;
};

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
    LowerWindow<contextBefore> beforeWindow(text, from, candidate.begin);
    LowerWindow<contextAfter> afterWindow(text, candidate.end, to);
    std::string_view before = beforeWindow.view(), after = afterWindow.view();
    bool seenBefore = anyPhrase(before, spec.context);
    bool contextField =
        !field.empty() && (anyPhrase(field, spec.context) || anyPhrase(field, spec.fields));
    bool context = seenBefore || contextField || anyPhrase(after, spec.context);
    if (spec.yieldsToIdentifierContext && !seenBefore && !contextField) {
        // "order 4111...", {"trace_id": ...}: the number names something else, whatever
        // follows it.
        std::string_view near =
            before.substr(before.size() > identifierWindow ? before.size() - identifierWindow : 0);
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

// The vectors of one decoding depth, kept per thread: scanText runs for every JSON value and
// log line, and most of them hold a candidate or two.
struct Scratch {
    std::vector<Candidate> candidates;
    std::vector<EncodedSpan> encoded;
    std::vector<Match> matches;
    std::vector<Match> kept;
};

// `positions`: where the candidate finder steps in `text`, when the caller has them already.
void scanAtDepth(std::string_view text, const std::span<const size_t>* positions,
                 FieldContext& field, const ScanSettings& settings,
                 std::vector<Scratch>& scratchByDepth, int depth, const std::string& chain,
                 std::vector<Match>& out) {
    Scratch& scratch = scratchByDepth[static_cast<size_t>(depth)];
    std::vector<Candidate>& candidates = scratch.candidates;
    std::vector<EncodedSpan>& encoded = scratch.encoded;
    candidates.clear();
    encoded.clear();
    if (positions) {
        findCandidatesVisiting(text, *positions, candidates, encoded);
    } else {
        findCandidates(text, candidates, encoded);
    }
    if (candidates.empty() && encoded.empty()) {
        return;
    }
    std::vector<Match>& matches = scratch.matches;
    matches.clear();
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
            scanAtDepth(decoded->text, nullptr, field, settings, scratchByDepth, depth + 1,
                        innerChain, inner);
            for (Match& match : inner) {
                match.begin = span.begin;
                match.end = span.end;
                matches.push_back(std::move(match));
            }
        }
    }
    std::ranges::stable_sort(matches,
                             [](const Match& a, const Match& b) { return a.begin < b.begin; });
    std::vector<Match>& kept = scratch.kept;
    kept.clear();
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

void scanWith(std::string_view text, const std::span<const size_t>* positions, FieldContext& field,
              const ScanSettings& settings, std::vector<Match>& out) {
    // Sized before the recursion starts, so references to one depth's vectors stay valid.
    thread_local std::vector<Scratch> scratchByDepth;
    size_t depths = static_cast<size_t>(std::max(settings.maxDecodeDepth, 0)) + 1;
    if (scratchByDepth.size() < depths) {
        scratchByDepth.resize(depths);
    }
    scanAtDepth(text, positions, field, settings, scratchByDepth, 0, {}, out);
}

} // namespace

void scanText(std::string_view text, FieldContext& field, const ScanSettings& settings,
              std::vector<Match>& out) {
    scanWith(text, nullptr, field, settings, out);
}

void scanTextVisiting(std::string_view text, std::span<const size_t> positions, FieldContext& field,
                      const ScanSettings& settings, std::vector<Match>& out) {
    scanWith(text, &positions, field, settings, out);
}

} // namespace privaudit::runtime
