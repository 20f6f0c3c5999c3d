#include "core/shard.h"

#include "core/fnv1a.h"

#include <charconv>

namespace privaudit::core {

bool Shard::includes(std::string_view relativePath) const {
    Fnv1a hash;
    hash.add(relativePath);
    return static_cast<int>(hash.value() % static_cast<std::uint64_t>(count)) == index - 1;
}

std::optional<Shard> parseShard(std::string_view text) {
    auto slash = text.find('/');
    if (slash == std::string_view::npos) {
        return std::nullopt;
    }
    Shard shard;
    auto parse = [](std::string_view part, int& value) {
        auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), value);
        return ec == std::errc() && end == part.data() + part.size();
    };
    if (!parse(text.substr(0, slash), shard.index) || !parse(text.substr(slash + 1), shard.count) ||
        shard.count < 1 || shard.index < 1 || shard.index > shard.count) {
        return std::nullopt;
    }
    return shard;
}

} // namespace privaudit::core
