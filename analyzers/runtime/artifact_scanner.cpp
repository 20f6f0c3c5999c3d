#include "analyzers/runtime/artifact_scanner.h"

#include "analyzers/runtime/batch_positions.h"
#include "analyzers/runtime/byte_source.h"
#include "analyzers/runtime/csv_records.h"
#include "analyzers/runtime/json_line_filter.h"
#include "analyzers/runtime/json_values.h"
#include "analyzers/runtime/line_batch.h"
#include "analyzers/runtime/masked_preview.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace privaudit::runtime {

namespace {

// JSON documents are parsed in memory; larger ones are scanned as text lines.
constexpr size_t maxJsonDocument = 256u << 20;
// About as many bytes of CSV fields as a LineBatch holds of lines.
constexpr size_t csvBatchBudget = 1 << 18;

std::string formatScore(double score) {
    char buffer[32];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, score, std::chars_format::fixed, 2);
    return std::string(buffer, end.ptr);
}

// The last two named keys of a path, as field-name context: {"customer":{"email":...}} and
// {"contact":{"value":...}} both tell something.
std::string fieldContext(const JsonPath& path) {
    std::string words;
    int named = 0;
    for (size_t i = path.size(); i-- > 0 && named < 2;) {
        const std::string& segment = path[i];
        if (segment.empty() || segment.find_first_not_of("0123456789") == std::string::npos) {
            continue;
        }
        words = fieldWords(segment) + (words.empty() ? "" : " " + words);
        ++named;
    }
    return words;
}

bool mayHoldValue(std::string_view key) {
    for (char c : key) {
        if ((c >= '0' && c <= '9') || c == '@' || c == '%' || c == '\\') {
            return true;
        }
    }
    return false;
}

bool looksBinary(std::string_view head) {
    size_t zeros = 0, control = 0;
    for (unsigned char c : head) {
        zeros += c == 0;
        control += c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b;
    }
    return !head.empty() &&
           ((zeros >= 4 && zeros * 100 >= head.size()) || control * 10 >= head.size());
}

class ArtifactScanner {
public:
    ArtifactScanner(const std::string& path, const ScanSettings& settings, size_t maxFindings)
        : path_(path), settings_(settings), maxFindings_(maxFindings) {}

    ArtifactScan run() {
        ByteSource source;
        if (std::string error = source.open(path_); !error.empty()) {
            notify(core::Level::Error, 0, "cannot read: " + error);
            return std::move(result_);
        }
        LineReader reader(source);
        std::string_view head = reader.peek(8192);
        if (head.starts_with("\xff\xfe") || head.starts_with("\xfe\xff")) {
            notify(core::Level::Warning, 0, "UTF-16 text is not supported, not scanned");
            return std::move(result_);
        }
        if (looksBinary(head)) {
            notify(core::Level::Warning, 0, "binary file, not scanned");
            return std::move(result_);
        }
        ArtifactFormat format = formatByName(path_);
        if (format == ArtifactFormat::Text &&
            (reader.peek(1) == "{" || reader.peek(4) == std::string(utf8ByteOrderMark) + "{")) {
            format = ArtifactFormat::JsonLines;
        }
        switch (format) {
        case ArtifactFormat::JsonDocument:
            scanJsonDocument(reader);
            break;
        case ArtifactFormat::Csv:
            scanCsv(reader);
            break;
        default:
            scanLines(reader, format == ArtifactFormat::JsonLines);
        }
        result_.bytes = reader.bytesRead();
        if (!source.error().empty()) {
            notify(core::Level::Error, reader.lineNumber(),
                   source.error() + "; scanned up to here");
        }
        if (result_.unlisted > 0) {
            notify(core::Level::Note, 0,
                   std::to_string(result_.unlisted) + " more finding(s) beyond the limit of " +
                       std::to_string(maxFindings_) + " per file are not listed");
        }
        return std::move(result_);
    }

private:
    void notify(core::Level level, int line, std::string message) {
        core::Notification::Kind kind = level == core::Level::Error
                                            ? core::Notification::Kind::InputUnreadable
                                            : core::Notification::Kind::ParseError;
        result_.notifications.push_back({kind, level, std::move(message), {path_, line}});
    }

    void report(const Match& match, int line, size_t columnBase, size_t columnEnd,
                const std::string& logical) {
        if (maxFindings_ && result_.findings.size() >= maxFindings_) {
            ++result_.unlisted;
            return;
        }
        const RecognizerSpec& spec = *match.recognizer;
        std::string preview = maskedPreview(spec.entity, match.value);
        core::Finding finding;
        finding.ruleId = piiInArtifactRule;
        finding.message = spec.label + " " + preview + " (" + spec.entity + ", score " +
                          formatScore(match.score) + ")";
        if (!logical.empty()) {
            finding.message += " in " + logical;
        }
        if (!match.decodeChain.empty()) {
            finding.message += ", decoded from " + match.decodeChain;
        }
        finding.location = {path_, line, static_cast<int>(columnBase + 1), line,
                            static_cast<int>(columnEnd + 1)};
        if (!logical.empty()) {
            finding.logicalLocation = core::LogicalLocation{logical, "property"};
        }
        finding.categories = {spec.category};
        finding.properties = {{"entity", spec.entity},
                              {"preview", preview},
                              {"recognizer", spec.id},
                              {"score", std::round(match.score * 100) / 100}};
        if (!match.decodeChain.empty()) {
            finding.properties["decodeChain"] = match.decodeChain;
        }
        result_.findings.push_back(std::move(finding));
    }

    // The JSON pointer of a finding, with every key on the way that is itself personal data (a
    // map keyed by e-mail address) masked like a value: the logical location must not print
    // what the finding masks. `keyMatch` is the finding's own match when it is the last key.
    std::string maskedPointer(JsonPath path, const Match* keyMatch) const {
        size_t ancestors = path.size() - (keyMatch ? 1 : 0);
        for (size_t i = 0; i < ancestors; ++i) {
            maskValuesIn(path[i]);
        }
        if (keyMatch) {
            path.back() = maskedPreview(keyMatch->recognizer->entity, keyMatch->value);
        }
        return jsonPointer(path);
    }

    // Every value the recognizers find in `key`, at any score, replaced by its masked preview.
    void maskValuesIn(std::string& key) const {
        if (!mayHoldValue(key)) {
            return;
        }
        ScanSettings anyScore = settings_;
        anyScore.minScore = 0;
        std::vector<Match> found;
        FieldContext none;
        scanText(key, none, anyScore, found);
        size_t maskedFrom = key.size();
        for (auto match = found.rbegin(); match != found.rend(); ++match) {
            if (match->end <= maskedFrom) {
                key.replace(match->begin, match->end - match->begin,
                            maskedPreview(match->recognizer->entity, match->value));
                maskedFrom = match->begin;
            }
        }
    }

    void scanTextLine(std::string_view text, int line, size_t column,
                      const std::span<const size_t>* positions = nullptr) {
        matches_.clear();
        FieldContext none;
        if (positions) {
            scanTextVisiting(text, *positions, none, settings_, matches_);
        } else {
            scanText(text, none, settings_, matches_);
        }
        for (const Match& match : matches_) {
            report(match, line, column + match.begin, column + match.end, {});
        }
    }

    void scanLines(LineReader& reader, bool jsonLines) {
        LineBatch batch;
        size_t invalidJson = 0;
        int firstInvalid = 0;
        while (batch.read(reader, jsonLines, capitalWords())) {
            for (size_t i = 0; i < batch.size(); ++i) {
                const BatchLine& line = batch.line(i);
                if (line.jsonObject) {
                    const std::span<const size_t> positions = batch.positions(i);
                    if (line.blanked &&
                        !blankedLineNeedsScan(batch.filterText(i), positions, settings_)) {
                        continue;
                    }
                    auto position = [&](size_t offset) {
                        return std::pair(line.lineNumber, offset);
                    };
                    if (scanJson(line.text, position, line.blanked ? &positions : nullptr)) {
                        continue;
                    }
                    if (invalidJson++ == 0) {
                        firstInvalid = line.lineNumber;
                    }
                    scanTextLine(line.text, line.lineNumber, line.column);
                    continue;
                }
                // Positions the filter gave for the line itself (not its blanked text).
                std::span<const size_t> positions = batch.positions(i);
                if (!positions.empty()) {
                    scanTextLine(line.text, line.lineNumber, line.column, &positions);
                }
            }
        }
        if (invalidJson > 0) {
            notify(core::Level::Warning, firstInvalid,
                   std::to_string(invalidJson) + " line(s) are not valid JSON; scanned as text");
        }
    }

    // Scans the scalars of a JSON text; `position` turns an input offset into line and column.
    // False (and nothing reported) when the text is not valid JSON. `positions`, when given, are
    // where the token filter stopped in the text blanked by blankJsonSyntax: each scalar lies
    // there between spaces, as on its own, so the positions inside it are the ones a filter over
    // the scalar would give (or a few more), and the scalar is scanned at those. Without them, a
    // first pass runs the filter over all the scalars at once (filterScalars).
    template <typename Position>
    bool scanJson(std::string_view json, Position position,
                  const std::span<const size_t>* positions = nullptr) {
        if (!positions && !filterScalars(json)) {
            return false;
        }
        size_t scalarIndex = 0;
        std::vector<size_t> inScalar;
        std::vector<std::pair<Match, std::pair<std::string, std::pair<size_t, size_t>>>> found;
        auto error = visitJsonScalars(json, [&](const JsonScalar& scalar, const JsonPath& path) {
            if (!scanned(scalar)) {
                return;
            }
            std::span<const size_t> at;
            if (positions) {
                // Blanked text has no escapes: the scalar's text is its input.
                const auto first = std::ranges::lower_bound(*positions, scalar.offset);
                const auto last =
                    std::lower_bound(first, positions->end(), scalar.offset + scalar.text.size());
                inScalar.clear();
                for (auto p = first; p != last; ++p) {
                    inScalar.push_back(*p - scalar.offset);
                }
                at = inScalar;
            } else {
                at = scalarPositions_.of(scalarIndex++);
            }
            if (at.empty()) {
                return;
            }
            matches_.clear();
            FieldContext field([&] {
                return scalar.isKey ? fieldContext(JsonPath(path.begin(), path.end() - 1))
                                    : fieldContext(path);
            });
            scanTextVisiting(scalar.text, at, field, settings_, matches_);
            for (Match& match : matches_) {
                std::string pointer = maskedPointer(path, scalar.isKey ? &match : nullptr);
                found.push_back(
                    {std::move(match),
                     {pointer, {scalar.inputOffset(match.begin), scalar.inputOffset(match.end)}}});
            }
        });
        if (error) {
            lastJsonError_ = *error;
            return false;
        }
        for (auto& [match, where] : found) {
            auto [line, column] = position(where.second.first);
            size_t endColumn = column + (where.second.second - where.second.first);
            report(match, line, column, endColumn, where.first);
        }
        return true;
    }

    // Keys are names; a key that holds data (a map by e-mail) has a digit or '@'.
    static bool scanned(const JsonScalar& scalar) {
        return !scalar.isKey || mayHoldValue(scalar.text);
    }

    // The token filter over the scalars of a JSON text that could not be blanked (an escape, a
    // document of many lines), joined by spaces: BatchPositions then has each scalar's positions,
    // in the order scanJson visits them. False when the text is not valid JSON.
    bool filterScalars(std::string_view json) {
        scalarRun_.clear();
        scalarOffsets_.clear();
        auto error = visitJsonScalars(json, [&](const JsonScalar& scalar, const JsonPath&) {
            if (scanned(scalar)) {
                scalarOffsets_.push_back(scalarRun_.size());
                scalarRun_ += scalar.text;
                scalarRun_ += ' ';
            }
        });
        if (error) {
            lastJsonError_ = *error;
            return false;
        }
        scalarPositions_.filter(scalarRun_, scalarOffsets_, capitalWords());
        return true;
    }

    void scanJsonDocument(LineReader& reader) {
        std::string document;
        std::string line;
        bool tooLarge = false;
        std::vector<size_t> lineStarts;
        while (reader.next(line)) {
            reader.blankByteOrderMark(line);
            if (reader.column() == 0) {
                lineStarts.push_back(document.size());
            }
            document += line;
            if (!reader.continues()) {
                document += '\n';
            }
            if (document.size() > maxJsonDocument) {
                tooLarge = true;
                break;
            }
        }
        auto position = [&](size_t offset) {
            auto next = std::upper_bound(lineStarts.begin(), lineStarts.end(), offset);
            size_t index = static_cast<size_t>(next - lineStarts.begin()) - 1;
            return std::pair(static_cast<int>(index + 1), offset - lineStarts[index]);
        };
        if (!tooLarge && scanJson(document, position)) {
            return;
        }
        if (tooLarge) {
            notify(core::Level::Warning, 0, "JSON document larger than 256 MiB; scanned as text");
        } else {
            auto [errorLine, errorColumn] =
                position(std::min(lastJsonError_.offset, document.size() - 1));
            result_.notifications.push_back(
                {core::Notification::Kind::ParseError,
                 core::Level::Warning,
                 "invalid JSON: " + lastJsonError_.message + "; scanned as text",
                 {path_, errorLine, static_cast<int>(errorColumn + 1)}});
        }
        for (size_t i = 0; i < lineStarts.size(); ++i) {
            size_t end = i + 1 < lineStarts.size() ? lineStarts[i + 1] - 1 : document.size();
            scanTextLine(std::string_view(document).substr(lineStarts[i], end - lineStarts[i]),
                         static_cast<int>(i + 1), 0);
        }
        if (tooLarge) {
            scanLines(reader, false);
        }
    }

    // Records are read in batches and the token filter runs once over all their fields (with
    // spaces between, BatchPositions); only a field it stops in is scanned.
    void scanCsv(LineReader& reader) {
        CsvReader csv(reader, path_.ends_with(".tsv") || path_.ends_with(".tsv.gz") ? '\t' : 0);
        CsvRecord headerRecord;
        if (!csv.next(headerRecord)) {
            return;
        }
        std::vector<std::string> header;
        for (const CsvField& field : headerRecord.fields) {
            header.push_back(field.text);
        }
        if (header[0].starts_with(utf8ByteOrderMark)) {
            header[0].erase(0, utf8ByteOrderMark.size());
        }
        std::vector<std::string> headerWords;
        for (const std::string& column : header) {
            headerWords.push_back(fieldWords(column));
        }
        std::vector<CsvRecord> records;
        std::string fields;
        std::vector<size_t> offsets;
        BatchPositions positions;
        while (true) {
            size_t count = 0;
            fields.clear();
            offsets.clear();
            for (; fields.size() < csvBatchBudget; ++count) {
                if (count == records.size()) {
                    records.emplace_back();
                }
                if (!csv.next(records[count])) {
                    break;
                }
                for (const CsvField& field : records[count].fields) {
                    offsets.push_back(fields.size());
                    fields += field.text;
                    fields += ' ';
                }
            }
            if (count == 0) {
                return;
            }
            positions.filter(fields, offsets, capitalWords());
            size_t text = 0;
            for (size_t r = 0; r < count; ++r) {
                for (size_t i = 0; i < records[r].fields.size(); ++i) {
                    const std::span<const size_t> at = positions.of(text++);
                    if (!at.empty()) {
                        scanCsvField(records[r].fields[i], at, i, header, headerWords);
                    }
                }
            }
        }
    }

    void scanCsvField(const CsvField& field, std::span<const size_t> positions, size_t i,
                      const std::vector<std::string>& header,
                      const std::vector<std::string>& headerWords) {
        const std::string column = i < header.size() ? header[i] : std::to_string(i + 1);
        matches_.clear();
        FieldContext context(i < header.size() ? headerWords[i] : fieldWords(column));
        scanTextVisiting(field.text, positions, context, settings_, matches_);
        for (const Match& match : matches_) {
            report(match, field.line, field.column + match.begin, field.column + match.end, column);
        }
    }

    // Words of eight and more capitals need the filter to stop only when BICs are looked for.
    CapitalWords capitalWords() const {
        return settings_.active[static_cast<size_t>(Recognizer::Bic)] ? CapitalWords::Visit
                                                                      : CapitalWords::PassOver;
    }

    const std::string& path_;
    const ScanSettings& settings_;
    size_t maxFindings_;
    ArtifactScan result_;
    std::vector<Match> matches_;
    JsonError lastJsonError_;
    std::string scalarRun_; // filterScalars' scalars joined by spaces
    std::vector<size_t> scalarOffsets_;
    BatchPositions scalarPositions_;
};

std::string withoutGz(const std::string& path) {
    return path.ends_with(".gz") ? path.substr(0, path.size() - 3) : path;
}

} // namespace

ArtifactFormat formatByName(const std::string& path) {
    std::string name = withoutGz(path);
    for (std::string_view ext : {".jsonl", ".ndjson", ".jsonlines"}) {
        if (name.ends_with(ext)) {
            return ArtifactFormat::JsonLines;
        }
    }
    if (name.ends_with(".json")) {
        return ArtifactFormat::JsonDocument;
    }
    if (name.ends_with(".csv") || name.ends_with(".tsv")) {
        return ArtifactFormat::Csv;
    }
    return ArtifactFormat::Text;
}

ArtifactScan scanArtifact(const std::string& path, const ScanSettings& settings,
                          size_t maxFindings) {
    return ArtifactScanner(path, settings, maxFindings).run();
}

} // namespace privaudit::runtime
