// Stand-in for JsonCpp's Json::Value (declarations only).
#pragma once
#include <string>

namespace Json {
class Value {
public:
    Value();
    Value(const std::string& value);
    Value(const char* value);
    Value(long value);
    Value& operator[](const std::string& key);
    Value& append(const Value& value);
    std::string asString() const;
    long asInt64() const;
};
} // namespace Json
