// The probe's parsers of bot replies on the shapes a bot can answer with, well-formed or not.
#include "analyzers/runtime/probe/json_reply.h"
#include "analyzers/runtime/probe/rasa_rest_adapter.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

namespace privaudit::runtime::probe {

namespace {

TEST(RasaReply, TextButtonsImageAndCustomPartsWithTheirPointers) {
    auto parts = parseRasaReply(R"([{"recipient_id": "c1", "text": "Which order?",
        "buttons": [{"title": "Order 1001", "payload": "/choose"}]},
        {"image": "https://example.com/o.png", "custom": {"queue": "billing"}}])");
    ASSERT_EQ(parts.size(), 5u);
    EXPECT_EQ(parts[0].field, "/0/text");
    EXPECT_EQ(parts[1].field, "/0/buttons/0/title");
    EXPECT_EQ(parts[2].field, "/0/buttons/0/payload");
    EXPECT_EQ(parts[3].field, "/1/image");
    EXPECT_EQ(parts[4].field, "/1/custom");
    EXPECT_EQ(parts[4].text, R"({"queue":"billing"})");
}

TEST(RasaReply, WrongShapesAreRuntimeErrors) {
    EXPECT_THROW(parseRasaReply(R"({"text": "hi"})"), std::runtime_error);
    EXPECT_THROW(parseRasaReply("[{\"text\": "), std::runtime_error);
    EXPECT_TRUE(parseRasaReply(R"([1, "two", null, {"text": 3}])").empty());
}

// Found by tests/fuzz: serializing a deeply nested `custom` payload overflowed the stack.
TEST(RasaReply, DeepNestingIsRefusedNotFollowed) {
    const int depth = 200000;
    std::string custom = std::string(depth, '[') + std::string(depth, ']');
    EXPECT_THROW(parseRasaReply("[{\"custom\": " + custom + "}]"), std::runtime_error);
    std::string shallow = std::string(32, '[') + std::string(32, ']');
    EXPECT_EQ(parseRasaReply("[{\"custom\": " + shallow + "}]").size(), 1u);
}

// The http-json and jsonl adapters read replies the same way: a deep one is refused, not walked.
TEST(JsonReply, DeepNestingIsRefusedNotWalked) {
    const int depth = 200000;
    EXPECT_THROW(parseReply(std::string(depth, '[') + std::string(depth, ']')), std::runtime_error);
    nlohmann::json reply = parseReply(R"({"messages": [{"text": "Order 1001 ships"}]})");
    auto parts = replyPartsAt(reply, {""});
    ASSERT_EQ(parts.size(), 1u);
    EXPECT_EQ(parts[0].field, "/messages/0/text");
    EXPECT_TRUE(parseReply("<html>").is_discarded());
}

} // namespace

} // namespace privaudit::runtime::probe
