#pragma once

#include <algorithm>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::core {

// Checks register themselves by rule id, clang-tidy style: a check's .cpp defines
//     static core::CheckRegistration<CppCheck, HardcodedSecretCheck> registration;
// and the analyzer asks the registry for its checks. `Base` is the analyzer's check
// interface, with a virtual destructor and `ruleId()`.
template <class Base> class CheckRegistry {
public:
    using Factory = std::function<std::unique_ptr<Base>()>;

    static void add(Factory factory) { factories().push_back(std::move(factory)); }

    // One instance of every registered check, sorted by rule id.
    static std::vector<std::unique_ptr<Base>> createAll() {
        std::vector<std::unique_ptr<Base>> checks;
        for (const Factory& factory : factories()) {
            checks.push_back(factory());
        }
        std::sort(checks.begin(), checks.end(),
                  [](const auto& a, const auto& b) { return a->ruleId() < b->ruleId(); });
        return checks;
    }

private:
    static std::vector<Factory>& factories() {
        static std::vector<Factory> registered;
        return registered;
    }
};

template <class Base, class Check> struct CheckRegistration {
    CheckRegistration() {
        CheckRegistry<Base>::add([] { return std::make_unique<Check>(); });
    }
};

} // namespace privaudit::core
