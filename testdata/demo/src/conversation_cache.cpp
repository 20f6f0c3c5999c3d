#include "support/conversation_cache.h"

#include "support/log.h"

namespace support {

ConversationCache::ConversationCache(const Config& config)
    : redis_(redisConnect(config.redis_host.c_str(), config.redis_port)) {
    if (redis_ == nullptr || redis_->err != 0) {
        spdlog::warn("conversation cache unavailable; continuing without it");
    }
}

ConversationCache::~ConversationCache() {
    if (redis_ != nullptr) {
        redisFree(redis_);
    }
}

void ConversationCache::remember(const std::string& sender_id, const std::string& utterance) {
    if (redis_ == nullptr || redis_->err != 0) {
        return;
    }
    void* reply = redisCommand(redis_, "RPUSH conversation:%s %s", sender_id.c_str(), // expect: cpp/no-retention-limit
                               utterance.c_str());
    freeReplyObject(reply);
}

} // namespace support
