#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

// Cryptographic algorithms as code names them: functions (EVP_des_ede3_cbc, DES_ecb_encrypt),
// constants (CALG_MD5, BCRYPT_SHA256_ALGORITHM, BCRYPT_CHAIN_MODE_ECB) and algorithm strings
// ("DES-EDE3-CBC", "SHA2-256", L"ChainingModeECB").
namespace privaudit::checks {

struct WeakCipher {
    std::string name;    // "3DES", "ECB mode"
    std::string problem; // why it does not protect the data
};

// A cipher or mode that is broken whatever it protects: DES, 3DES, RC4, RC2, ECB.
std::optional<WeakCipher> weakCipherNamed(std::string_view name);

struct Digest {
    std::string name;    // "MD5", "SHA-256"
    bool broken = false; // collisions are practical (MD4, MD5, SHA-1)
};

// An unkeyed message digest; nothing for keyed or password hashes.
std::optional<Digest> digestNamed(std::string_view name);

// The words in source text that may name an algorithm: identifiers of the libraries' own
// (EVP_..., CALG_..., BCRYPT_...) and the contents of string literals.
std::vector<std::string> algorithmNamesIn(std::string_view text);

} // namespace privaudit::checks
