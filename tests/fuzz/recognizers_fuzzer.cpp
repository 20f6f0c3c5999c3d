// The recognizers on one text unit, every one of them active (as --entities can make them),
// with the input's first line as the field name that gives context; the decoders on the rest
// as each kind of encoded span; the masked preview of every match.

#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/decoders.h"
#include "analyzers/runtime/masked_preview.h"
#include "analyzers/runtime/recognizers.h"
#include "analyzers/runtime/text_scanner.h"
#include "checks/runtime/recognizer_catalogue.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace {

using namespace privaudit;

runtime::ScanSettings allRecognizers() {
    runtime::ScanSettings settings;
    settings.recognizers = &checks::builtinRecognizers();
    for (const runtime::RecognizerSpec& spec : settings.recognizers->recognizers) {
        if (auto recognizer = runtime::recognizerNamed(spec.id)) {
            settings.active[static_cast<size_t>(*recognizer)] = &spec;
        }
    }
    settings.minScore = 0.0;
    return settings;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static const runtime::ScanSettings settings = allRecognizers();
    std::string_view input(reinterpret_cast<const char*>(data), size);
    size_t newline = input.find('\n');
    std::string_view field = newline == std::string_view::npos ? "" : input.substr(0, newline);
    std::string_view text = newline == std::string_view::npos ? input : input.substr(newline + 1);

    runtime::FieldContext context(runtime::fieldWords(field));
    std::vector<runtime::Match> matches;
    runtime::scanText(text, context, settings, matches);
    for (const runtime::Match& match : matches) {
        runtime::maskedPreview(match.recognizer->entity, match.value);
    }
    using Kind = runtime::EncodedSpan::Kind;
    for (Kind kind : {Kind::Base64OrHex, Kind::Percent, Kind::UnicodeEscape}) {
        runtime::decodeSpan(text, kind);
    }
    return 0;
}
