// Caches conversation context and contact details of the support bot in Redis.
#include "../access/support_backend.h"

#include <chrono>
#include <hiredis/hiredis.h>
#include <string>
#include <sw/redis++/redis++.h>

struct ChatContext {
    std::string sessionId;
    std::string customerEmail;
    std::string lastUtterance;
};

void cacheContact(redisContext* redis, const Customer& customer) {
    redisCommand(redis, "HSET contact:%ld email %s phone %s", customer.id, // expect: cpp/no-retention-limit, cpp/cleartext-storage
                 customer.email.c_str(), customer.phone.c_str());
}

void cacheContactWithExpiry(redisContext* redis, const Customer& customer) {
    redisCommand(redis, "HSET contact:%ld email %s", customer.id, customer.email.c_str()); // expect: cpp/cleartext-storage ok: cpp/no-retention-limit
    redisCommand(redis, "EXPIRE contact:%ld 1800", customer.id);
}

void cacheAddress(redisContext* redis, const Customer& customer) {
    redisCommand(redis, "SET address:%ld %s EX 3600", customer.id, customer.postalAddress.c_str()); // expect: cpp/cleartext-storage ok: cpp/no-retention-limit
}

void countVisit(redisContext* redis, long customerId) {
    redisCommand(redis, "INCR visits:%ld", customerId); // ok: cpp/no-retention-limit
}

void rememberContext(sw::redis::Redis& redis, const ChatContext& context) {
    redis.set("ctx:" + context.sessionId, context.customerEmail); // expect: cpp/no-retention-limit, cpp/cleartext-storage
    redis.set("ctx:" + context.sessionId, context.customerEmail, std::chrono::minutes(30)); // expect: cpp/cleartext-storage ok: cpp/no-retention-limit
}

void appendTranscript(sw::redis::Redis& redis, const ChatContext& context,
                      const std::string& transcriptLine) {
    redis.rpush("transcript:" + context.sessionId, transcriptLine); // expect: cpp/no-retention-limit, cpp/cleartext-storage
}

void appendTranscriptWithExpiry(sw::redis::Redis& redis, const ChatContext& context,
                                const std::string& transcriptLine) {
    redis.rpush("transcript:" + context.sessionId, transcriptLine); // expect: cpp/cleartext-storage ok: cpp/no-retention-limit
    redis.expire("transcript:" + context.sessionId, std::chrono::hours(24));
}

void storeFeatureFlag(sw::redis::Redis& redis, const std::string& flag) {
    redis.set("flags:" + flag, "on"); // ok: cpp/no-retention-limit
}
