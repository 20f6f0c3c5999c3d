// Blanking the JSON syntax of a line (analyzers/runtime/json_line_filter.cpp): what it blanks,
// what it refuses, and every SIMD version against the one-byte-at-a-time one.

#include "analyzers/runtime/json_line_filter.h"

#include <filesystem>
#include <fstream>
#include <gtest/gtest.h>
#include <optional>
#include <random>
#include <string>

namespace {

using privaudit::runtime::availableJsonBlankers;
using privaudit::runtime::blankJsonSyntax;

// The blanked line, or nothing when blankJsonSyntax refuses it.
std::optional<std::string> blanked(std::string_view line) {
    std::string out(line.size(), '\0');
    return blankJsonSyntax(line, out.data()) ? std::optional(out) : std::nullopt;
}

TEST(JsonLineFilter, BlanksQuotesAndTheSyntaxOutsideStrings) {
    EXPECT_EQ(blanked(R"({"a":[1,2],"b":"x: {y}, z"})"), R"(  a   1 2   b   x: {y}, z  )");
}

TEST(JsonLineFilter, RefusesEscapesOpenStringsAndTruncatedLines) {
    EXPECT_FALSE(blanked(R"({"a":"\u0041"})"));
    EXPECT_FALSE(blanked(R"({"a":"open})"));
    EXPECT_FALSE(blanked(R"({"a":1,"b":)"));
}

// The blankers must agree on the result and on every byte they write, at every length (the
// SIMD blocks and the masked last block) and with strings that span blocks.
TEST(JsonLineFilter, EveryBlankerAgreesWithTheBytewiseOne) {
    auto blankers = availableJsonBlankers();
    ASSERT_GE(blankers.size(), 1u);
    std::mt19937 random(11);
    const std::string alphabet = "\"{}[]:, ab1\\";
    std::vector<std::string> lines;
    for (int round = 0; round < 20000; ++round) {
        std::string line = "{";
        size_t length = random() % 300;
        for (size_t i = 0; i < length; ++i) {
            line += alphabet[random() % (round % 4 == 0 ? alphabet.size() : alphabet.size() - 1)];
        }
        lines.push_back(line + "}");
    }
    std::ifstream jsonl(std::filesystem::path(PRIVAUDIT_SOURCE_DIR) / "testdata/runtime" /
                        "json-lines-syntax.jsonl");
    for (std::string line; std::getline(jsonl, line);) {
        lines.push_back(line);
    }
    for (const std::string& line : lines) {
        std::string expected(line.size(), '\0');
        bool expectedOk = blankers[0](line, expected.data());
        for (size_t i = 1; i < blankers.size(); ++i) {
            std::string out(line.size(), '\0');
            ASSERT_EQ(blankers[i](line, out.data()), expectedOk) << "blanker " << i << ": " << line;
            if (expectedOk) {
                ASSERT_EQ(out, expected) << "blanker " << i << ": " << line;
            }
        }
    }
}

} // namespace
