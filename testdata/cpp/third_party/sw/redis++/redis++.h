// Stand-in for redis-plus-plus (declarations only): set() takes an optional time to live.
#pragma once
#include <chrono>
#include <optional>
#include <string>
#include <utility>

namespace sw::redis {

enum class UpdateType { ALWAYS, EXIST, NOT_EXIST };
using OptionalString = std::optional<std::string>;

class Redis {
public:
    explicit Redis(const std::string& uri);
    bool set(const std::string& key, const std::string& value,
             const std::chrono::milliseconds& ttl = std::chrono::milliseconds(0),
             UpdateType type = UpdateType::ALWAYS);
    void setex(const std::string& key, long long ttl, const std::string& value);
    OptionalString get(const std::string& key);
    long long hset(const std::string& key, const std::string& field, const std::string& value);
    long long lpush(const std::string& key, const std::string& value);
    long long rpush(const std::string& key, const std::string& value);
    bool expire(const std::string& key, const std::chrono::seconds& timeout);
    long long del(const std::string& key);
};

} // namespace sw::redis
