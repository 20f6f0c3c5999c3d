// The token filter (analyzers/runtime/token_filter.cpp) against the finder that steps at every
// token: on every line of the runtime testdata, on generated texts built from the pieces the
// shapes react to, and on the cases each rule of the filter is about. Plus the SIMD byte
// classification against the portable one.

#include "analyzers/runtime/byte_masks.h"
#include "analyzers/runtime/candidate.h"
#include "analyzers/runtime/json_line_filter.h"
#include "analyzers/runtime/line_batch.h"
#include "analyzers/runtime/token_filter.h"
#include "analyzers/runtime/token_rules.h"
#include "tests/token_filter_oracle.h"

#include <algorithm>
#include <array>
#include <bit>
#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <random>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace {

using privaudit::runtime::availableClassifiers;
using privaudit::runtime::ByteMasks;
using privaudit::runtime::CapitalWords;
using privaudit::runtime::classifyBytesPortable;
using privaudit::runtime::tokensToMatch;
using privaudit::testing::filterDifference;
using privaudit::testing::scalarFilterDifference;

// Every mask of a window, whatever fields ByteMasks has.
auto fields(const ByteMasks& m) {
    return std::bit_cast<std::array<std::uint64_t, sizeof(ByteMasks) / sizeof(std::uint64_t)>>(m);
}

TEST(TokenFilter, SimdClassificationMatchesThePortableOne) {
    std::mt19937 random(7);
    std::array<char, 64> bytes;
    auto classifiers = availableClassifiers();
    for (int round = 0; round < 20000; ++round) {
        for (char& c : bytes) {
            c = static_cast<char>(random() & 0xff);
        }
        for (auto classify : classifiers) {
            ASSERT_EQ(fields(classify(bytes.data())), fields(classifyBytesPortable(bytes.data())));
        }
    }
}

// The rules eight windows at a time (AVX-512) against one window at a time, on texts from a few
// bytes to several blocks long with runs that cross windows and blocks.
TEST(TokenFilter, Avx512RulesMatchTheScalarOnes) {
    if (!privaudit::runtime::avx512TokenStopsAvailable()) {
        GTEST_SKIP() << "this CPU has no AVX-512 (BW, VBMI and VBMI2) or no GFNI";
    }
    using privaudit::runtime::WindowStops;
    std::mt19937 random(5);
    const std::string_view pieces[] = {" ",   "-", ".", "/", "_", ":",  "@",      "+",
                                       "(",   "%", "0", "7", "a", "B",  "straße", "://",
                                       "sk_", "1", "2", "9", "e", "\\", "\"\"",   "Z"};
    for (int round = 0; round < 3000; ++round) {
        std::string text;
        size_t length = random() % 1500;
        while (text.size() < length) {
            text += random() % 6 == 0 ? std::string(random() % 70, "a0Z"[random() % 3])
                                      : std::string(pieces[random() % std::size(pieces)]);
        }
        std::vector<WindowStops> scalar(text.size() / 64 + 1), avx512(text.size() / 64 + 1);
        bool capitalWords = round % 2 == 0;
        privaudit::runtime::tokenStopMasksScalar(text.data(), text.size(), capitalWords,
                                                 scalar.data());
        privaudit::runtime::tokenStopMasksAvx512(text.data(), text.size(), capitalWords,
                                                 avx512.data());
        for (size_t w = 0; w < scalar.size(); ++w) {
            ASSERT_EQ(std::tie(scalar[w].definite, scalar[w].toRefine, scalar[w].yearLead,
                               scalar[w].trigger, scalar[w].word),
                      std::tie(avx512[w].definite, avx512[w].toRefine, avx512[w].yearLead,
                               avx512[w].trigger, avx512[w].word))
                << "window " << w << " of " << text;
        }
    }
}

TEST(TokenFilter, PassesOverWhatNoShapeStartsWith) {
    // Prose, keys, log levels, a capitalized word, short numbers, 6-8 digit numbers, a
    // 12-digit order number without a leading 0, a number joined to a word, an 11-digit number
    // that is no Steuer-ID, a timestamp in milliseconds, a ticket number grouped by '-', a
    // recent date, a time and an amount after words that end like street suffixes.
    std::string_view inert =
        "ts level INFO service bot gateway latency_ms=3657 count=12 Where is my order "
        "1234567, 948705791407, ORD#41111111x v1.2 AGENT: Danke 98922225902 since "
        "1762161242004. Ticket 20264554-7428 am 12.03.2026 um 15:12, für 371,30 EUR";
    std::vector<size_t> positions;
    tokensToMatch(inert, positions);
    EXPECT_EQ(positions, std::vector<size_t>{});
}

TEST(TokenFilter, StopsWhereAShapeCanStart) {
    auto stop = [](std::string_view text) {
        std::vector<size_t> positions;
        tokensToMatch(text, positions);
        return positions.empty() ? text.size() : positions.front();
    };
    EXPECT_EQ(stop("order=49 max@example.com"), 9u);    // the word before '@'
    EXPECT_EQ(stop("call 030 1234567"), 5u);            // a grouped number
    EXPECT_EQ(stop("id 86095742719 ok"), 3u);           // a Steuer-ID
    EXPECT_EQ(stop("phone 015112345678"), 6u);          // 12 digits with a leading 0
    EXPECT_EQ(stop("see https://user:pw@host"), 4u);    // a scheme
    EXPECT_EQ(stop("key sk_live_abc"), 4u);             // an API-key prefix
    EXPECT_EQ(stop("Musterstr. 12 Berlin"), 11u);       // a house number
    EXPECT_EQ(stop("NINO AB 12 34 56 C"), 5u);          // two capitals and a space
    EXPECT_EQ(stop("iban DE89370400440532013000"), 5u); // a long token
    EXPECT_EQ(stop("ip 2001:db8::1"), 3u);              // an IPv6 group
    EXPECT_EQ(stop("tel +49 30 1234567"), 4u);          // a trigger
    EXPECT_EQ(stop("a.b=100%20"), 7u);                  // percent-encoding
}

TEST(TokenFilter, ListsEveryTokenToVisitInOrder) {
    std::string_view text = "ticket 12345 and 67890, max@example.com (030) 1234567";
    std::vector<size_t> positions;
    tokensToMatch(text, positions);
    EXPECT_EQ(positions, (std::vector<size_t>{7, 17, 24, 40})); // "(030)" starts at its trigger
}

TEST(TokenFilter, AgreesWithTheUnfilteredFinderOnTheRuntimeTestdata) {
    size_t lines = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(
             std::filesystem::path(PRIVAUDIT_SOURCE_DIR) / "testdata")) {
        if (!entry.is_regular_file() || entry.path().extension() == ".gz") {
            continue;
        }
        std::ifstream in(entry.path(), std::ios::binary);
        std::string line;
        while (std::getline(in, line)) {
            ++lines;
            ASSERT_EQ(filterDifference(line), "") << entry.path() << ": line " << lines;
        }
    }
    EXPECT_GT(lines, 1000u);
}

TEST(TokenFilter, AgreesOnValuesAtTheEdgesOfItsRules) {
    // Each value is found by the finder, and each sits at the limit of one rule: a bech32 address
    // of 14 and 15 characters, the longest API-key prefix word, a JWT, an AWS key across '-', an
    // IBAN's first group, an IPv4 address and a date grouped by '.', house numbers after a
    // street name (before ':' too, and with a letter), a phone number grouped by '-' after a
    // group of 5 and 2, encoded runs of a word of 16 and 17 bytes and the base64 bytes after it,
    // an IPv6 address that opens with a letter, a date of birth five years back, an Amex card
    // number of 15 digits, a Mastercard number whose first group reads as a recent year.
    for (std::string_view text :
         {"wallet bc1qqqqq399cqn",
          "wallet bc1qpzry9r7lxu2.",
          "token github_pat_11ABCDEFG0abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123",
          "auth eyJhbGciOi.eyJzdWIiOi.dozjgNryP4",
          "AKIA-ABCDEFGHIJKLMNOPQRST x",
          "DE89 3704 0044 0532 0130 00",
          "ip 185.199.108.153",
          "geboren am 12.03.1985",
          "Hauptstr. 7, 10115 Berlin",
          "Hauptstraße 221b",
          "mobil 01511-2345678",
          "Tel. 06-12345678",
          "id 0123456789abcdef-hij",
          "id 0123456789abcdefA+/=",
          "id 0123456789abcdefg_hijk",
          "Hauptstr. 7: Hof",
          "Am Ring 12a, 10115 Berlin",
          "ip 2a01:4f8::1",
          "geboren am 3.7.2019",
          "amex 378282246310005 ok",
          "card 2223-0000-4841-0010 ok"}) {
        std::vector<privaudit::runtime::Candidate> candidates;
        std::vector<privaudit::runtime::EncodedSpan> encoded;
        privaudit::runtime::findCandidates(text, candidates, encoded);
        EXPECT_FALSE(candidates.empty() && encoded.empty()) << text;
        EXPECT_EQ(filterDifference(text), "") << text;
    }
}

// Texts assembled from the pieces the shapes and the filter's rules turn on: digit runs of every
// length, the separators and joiners between them, letters that begin prefixes, triggers.
std::string generatedText(std::mt19937& random) {
    static constexpr std::array<std::string_view, 48> pieces = {
        " ",   " ",    " ",      "-",      ".",      "/",   "_",    ":",    "@",    "#",
        "+",   "(",    ")",      "%",      "\\",     ",",   "\"",   "://",  "sk",   "rk",
        "ghp", "xoxb", "github", "glpat",  "bc1",    "eyJ", "AKIA", "ASIA", "AIza", "DE",
        "GB",  "AB",   "str.",   "straße", "Street", "weg", "e",    "b",    "x",    "Z",
        "Q",   "ä",    "\\u00",  "%4",     "0",      "00",  "2001", "INFO"};
    std::string text;
    size_t parts = random() % 24;
    for (size_t i = 0; i < parts; ++i) {
        if (random() % 3 == 0) {
            size_t digits = 1 + random() % 20;
            for (size_t d = 0; d < digits; ++d) {
                text += static_cast<char>('0' + random() % 10);
            }
        } else if (random() % 4 == 0) {
            size_t letters = 1 + random() % 18;
            std::string_view set = random() % 2 ? "abcdefxyz" : "ABCDEKSZ";
            for (size_t d = 0; d < letters; ++d) {
                text += set[random() % set.size()];
            }
        } else {
            text += pieces[random() % pieces.size()];
        }
    }
    return text;
}

TEST(TokenFilter, AgreesWithTheUnfilteredFinderOnGeneratedTexts) {
    std::mt19937 random(20261202);
    for (int round = 0; round < 300000; ++round) {
        std::string text = generatedText(random);
        ASSERT_EQ(filterDifference(text), "") << "text: " << text;
        ASSERT_EQ(filterDifference(text, CapitalWords::PassOver), "") << "text: " << text;
    }
}

// JSON lines of generated keys and values, strings, numbers, literals and arrays, with every
// kind of whitespace JSON allows between them.
std::string generatedJsonLine(std::mt19937& random) {
    static constexpr std::array<std::string_view, 6> gaps = {"", "", " ", "\t", "  ", " \r"};
    auto gap = [&] {
        return std::string(gaps[random() % gaps.size()]);
    };
    auto value = [&]() -> std::string {
        switch (random() % 6) {
        case 0:
            return std::to_string(random() % 100000) + std::to_string(random());
        case 1:
            return std::array{"true", "false", "null"}[random() % 3];
        case 2:
            return "[" + std::to_string(random() % 1000) + "," + gap() + "\"" +
                   std::to_string(random()) + "\"]";
        default: {
            std::string text = generatedText(random);
            std::erase_if(text, [](char c) { return c == '"' || c == '\\'; });
            return "\"" + text + "\"";
        }
        }
    };
    std::string line = "{";
    size_t members = 1 + random() % 5;
    for (size_t i = 0; i < members; ++i) {
        std::string key = generatedText(random);
        std::erase_if(key, [](char c) { return c == '"' || c == '\\'; });
        line +=
            (i > 0 ? "," : "") + gap() + "\"" + key + "\"" + gap() + ":" + gap() + value() + gap();
    }
    return line + "}";
}

TEST(TokenFilter, AgreesOnEachScalarOfABlankedJsonLine) {
    std::mt19937 random(20261203);
    for (int round = 0; round < 100000; ++round) {
        std::string line = generatedJsonLine(random);
        ASSERT_EQ(scalarFilterDifference(line), "") << "line: " << line;
    }
    for (std::string_view line : {R"({"street":"Hauptstr.","no":12})", R"({"a":[true,12]})",
                                  R"({"phone":"030 1234567","card":"4111 1111 1111 1111"})",
                                  "{\"n\":2026-11,\t\"d\":\"12.03.1985\"}"}) {
        EXPECT_EQ(scalarFilterDifference(line), "") << line;
    }
}

// A file of generated lines, each ended by "\n" or "\r\n", read in batches: the filter over a
// batch must give each line every position the filter over the line alone gives. A text file's
// batch is its lines in the reader's buffer with their line breaks made spaces, a JSON-lines
// file's the blanked lines. A byte order mark opens the file; one line is longer than a piece.
void expectBatchesCoverEachLine(bool jsonLines, std::uint32_t seed) {
    std::mt19937 random(seed);
    std::string content(privaudit::runtime::utf8ByteOrderMark);
    for (int i = 0; i < 30000; ++i) {
        std::string line =
            jsonLines && random() % 4 != 0 ? generatedJsonLine(random) : generatedText(random);
        if (i == 20000) {
            // The second piece opens with a card number, which the first must not run into.
            line =
                std::string(privaudit::runtime::LineReader::maxPiece, 'a') + "4111111111111111 x";
        }
        content += line + (random() % 3 == 0 ? "\r\n" : "\n");
    }
    const std::filesystem::path path =
        std::filesystem::temp_directory_path() / ("privaudit-batch-" + std::to_string(seed));
    std::ofstream(path, std::ios::binary) << content;

    privaudit::runtime::ByteSource source;
    ASSERT_EQ(source.open(path.string()), "");
    privaudit::runtime::LineReader reader(source);
    privaudit::runtime::LineBatch batch;
    size_t lines = 0, batches = 0;
    while (batch.read(reader, jsonLines, CapitalWords::Visit)) {
        ++batches;
        for (size_t i = 0; i < batch.size(); ++i, ++lines) {
            const privaudit::runtime::BatchLine& line = batch.line(i);
            std::string expectedFilterText(line.text);
            if (line.blanked) {
                privaudit::runtime::blankJsonSyntax(line.text, expectedFilterText.data());
            }
            ASSERT_EQ(batch.filterText(i), expectedFilterText) << "line " << line.lineNumber;
            std::vector<size_t> alone;
            tokensToMatch(expectedFilterText, alone, CapitalWords::Visit);
            const std::span<const size_t> given = batch.positions(i);
            ASSERT_TRUE(std::ranges::includes(given, alone)) << "line " << line.lineNumber;
        }
    }
    std::filesystem::remove(path);
    EXPECT_EQ(lines, 30000u + 1); // the long line in two pieces
    EXPECT_GT(batches, 10u);
}

TEST(TokenFilter, GivesEachLineOfABatchEveryPositionOfTheLineAlone) {
    expectBatchesCoverEachLine(false, 20261204);
    expectBatchesCoverEachLine(true, 20261205);
}

TEST(TokenFilter, PassesOverWordsOfCapitalsOnlyWhenBicsDoNotCount) {
    std::string_view text = "[09:14] CUSTOMER: Danke, COBADEFFXXX";
    std::vector<size_t> positions;
    tokensToMatch(text, positions, CapitalWords::Visit);
    EXPECT_EQ(positions, (std::vector<size_t>{8, 25}));
    positions.clear();
    tokensToMatch(text, positions, CapitalWords::PassOver);
    EXPECT_EQ(positions, std::vector<size_t>{});
    EXPECT_EQ(filterDifference(text, CapitalWords::PassOver), "");
}

TEST(TokenFilter, AgreesAcrossWindowBoundaries) {
    // Every offset of a token against the 64-byte windows, including the last byte.
    for (std::string_view token :
         {"98922225902", "4111111111111111", "max@example.com", "sk_live_4eC39HqLyjWDarjtT1zdp7dc",
          "DE89 3704 0044 0532 0130 00", "Musterstr. 12", "030 1234567"}) {
        for (size_t pad = 0; pad < 140; ++pad) {
            std::string text = std::string(pad, 'a') + " " + std::string(token);
            ASSERT_EQ(filterDifference(text), "") << "padding " << pad << ": " << token;
            ASSERT_EQ(filterDifference(text, CapitalWords::PassOver), "") << "padding " << pad;
            text += " tail";
            ASSERT_EQ(filterDifference(text), "") << "padding " << pad << ": " << token;
        }
    }
}

} // namespace
