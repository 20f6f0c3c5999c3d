#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace privaudit::core {

// A fact about one finding that reporters pass on as SARIF result.properties.
using PropertyValue = std::variant<std::string, double>;

// A finding's properties by name, in name order. They live in one sorted vector, not a node per
// property: a finding has a handful, and a scan of a gigabyte of logs builds a hundred thousand
// findings, where a std::map's allocations were a tenth of the cost of each.
class Properties {
public:
    using Entry = std::pair<std::string, PropertyValue>;
    using iterator = std::vector<Entry>::iterator;
    using const_iterator = std::vector<Entry>::const_iterator;

    Properties() = default;
    // A name given twice keeps its first value, as std::map's constructor does.
    Properties(std::initializer_list<Entry> entries);

    // The value of `name`, added (an empty string) if there is none yet.
    PropertyValue& operator[](std::string_view name);
    iterator find(std::string_view name);
    const_iterator find(std::string_view name) const;

    iterator begin() { return entries_.begin(); }
    iterator end() { return entries_.end(); }
    const_iterator begin() const { return entries_.begin(); }
    const_iterator end() const { return entries_.end(); }
    bool empty() const { return entries_.empty(); }
    size_t size() const { return entries_.size(); }

    friend bool operator==(const Properties&, const Properties&) = default;

private:
    const_iterator lowerBound(std::string_view name) const;

    std::vector<Entry> entries_;
};

} // namespace privaudit::core
