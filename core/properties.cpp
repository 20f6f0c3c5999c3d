#include "core/properties.h"

#include <algorithm>
#include <functional>

namespace privaudit::core {

namespace {

std::string_view nameOf(const Properties::Entry& entry) {
    return entry.first;
}

} // namespace

Properties::Properties(std::initializer_list<Entry> entries) : entries_(entries) {
    if (!std::ranges::is_sorted(entries_, std::less<>(), nameOf)) { // sorting allocates
        std::ranges::stable_sort(entries_, std::less<>(), nameOf);
    }
    auto [first, last] = std::ranges::unique(entries_, std::equal_to<>(), nameOf);
    entries_.erase(first, last);
}

Properties::const_iterator Properties::lowerBound(std::string_view name) const {
    return std::ranges::lower_bound(entries_, name, std::less<>(), nameOf);
}

PropertyValue& Properties::operator[](std::string_view name) {
    auto at = entries_.begin() + (lowerBound(name) - entries_.cbegin());
    if (at == entries_.end() || at->first != name) {
        at = entries_.emplace(at, std::string(name), std::string());
    }
    return at->second;
}

Properties::iterator Properties::find(std::string_view name) {
    return entries_.begin() + (std::as_const(*this).find(name) - entries_.cbegin());
}

Properties::const_iterator Properties::find(std::string_view name) const {
    auto at = lowerBound(name);
    return at != entries_.end() && at->first == name ? at : entries_.end();
}

} // namespace privaudit::core
