// Recent turns of each conversation in Redis, so a restarted action server can pick up where
// the bot left off.
#pragma once
#include "support/config.h"

#include "../../third_party/hiredis.h"
#include <string>

namespace support {

class ConversationCache {
public:
    explicit ConversationCache(const Config& config);
    ~ConversationCache();
    ConversationCache(const ConversationCache&) = delete;
    ConversationCache& operator=(const ConversationCache&) = delete;

    void remember(const std::string& sender_id, const std::string& utterance);

private:
    redisContext* redis_;
};

} // namespace support
