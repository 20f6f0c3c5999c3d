// Fixture credentials for the local sandbox, suppressed with a reason.
#include <string>

namespace sandbox {

// privaudit-ignore[cpp/hardcoded-secret]: local sandbox account, not valid in any deployment
const std::string kSandboxPassword = "sandbox-Passw0rd-1"; // ok: cpp/hardcoded-secret

const std::string kSandboxToken = "sbx-44f0c1d2e3"; // privaudit-ignore[cpp/hardcoded-secret]: sandbox only // ok: cpp/hardcoded-secret

// A suppression for another rule does not hide this one.
// privaudit-ignore[config/secret-in-plaintext]: wrong rule
const std::string kStagingPassword = "staging-Passw0rd-7"; // expect: cpp/hardcoded-secret

} // namespace sandbox
