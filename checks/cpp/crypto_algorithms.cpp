#include "checks/cpp/crypto_algorithms.h"

#include "core/identifier_words.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace privaudit::checks {

namespace {

// "EVP_des_ede3_cbc" -> des ede 3 cbc; "BCRYPT_MD5_ALGORITHM" -> md 5; "SHA2-256" -> sha 2 256.
std::vector<std::string> algorithmWords(std::string_view name) {
    std::vector<std::string> words = core::identifierWords(name);
    if (!words.empty() &&
        (words.front() == "evp" || words.front() == "calg" || words.front() == "bcrypt")) {
        words.erase(words.begin());
    }
    if (!words.empty() && words.back() == "algorithm") {
        words.pop_back();
    }
    return words;
}

std::string joined(const std::vector<std::string>& words) {
    std::string text;
    for (const std::string& word : words) {
        text += word;
    }
    return text;
}

struct DigestName {
    std::string_view prefix; // of the joined words
    std::string_view display;
    bool broken;
};

// Longer prefixes first where one is the start of another ("sha224" before "sha2").
constexpr std::array digestNames{
    DigestName{"md4", "MD4", true},          DigestName{"md5", "MD5", true},
    DigestName{"sha1", "SHA-1", true},       DigestName{"sha224", "SHA-224", false},
    DigestName{"sha256", "SHA-256", false},  DigestName{"sha384", "SHA-384", false},
    DigestName{"sha512", "SHA-512", false},  DigestName{"sha2224", "SHA-224", false},
    DigestName{"sha2256", "SHA-256", false}, DigestName{"sha2384", "SHA-384", false},
    DigestName{"sha2512", "SHA-512", false}, DigestName{"sha3", "SHA-3", false},
    DigestName{"blake2", "BLAKE2", false},
};

} // namespace

std::optional<WeakCipher> weakCipherNamed(std::string_view name) {
    std::vector<std::string> words = algorithmWords(name);
    std::string all = joined(words);
    if (all.starts_with("3des") || all.starts_with("des3") || all.starts_with("tripledes") ||
        all.starts_with("desede")) {
        return WeakCipher{"3DES", "its 64-bit blocks repeat after a few GB (Sweet32) and it is "
                                  "withdrawn by NIST"};
    }
    if (all.starts_with("des")) {
        return WeakCipher{"DES", "its 56-bit key is found by brute force within a day"};
    }
    if (all.starts_with("rc4")) {
        return WeakCipher{"RC4", "its keystream is biased and leaks the plaintext"};
    }
    if (all.starts_with("rc2")) {
        return WeakCipher{"RC2", "it is a broken 64-bit block cipher"};
    }
    if (std::ranges::find(words, "ecb") != words.end()) {
        return WeakCipher{"ECB mode", "equal plaintext blocks give equal ciphertext blocks, so "
                                      "the structure of the data shows through"};
    }
    return std::nullopt;
}

std::optional<Digest> digestNamed(std::string_view name) {
    std::string all = joined(algorithmWords(name));
    if (all == "sha") {
        return Digest{"SHA-1", true}; // CALG_SHA
    }
    for (const DigestName& digest : digestNames) {
        if (all.starts_with(digest.prefix)) {
            return Digest{std::string(digest.display), digest.broken};
        }
    }
    return std::nullopt;
}

std::vector<std::string> algorithmNamesIn(std::string_view text) {
    std::vector<std::string> names;
    for (size_t i = 0; i < text.size();) {
        char c = text[i];
        if (c == '"') {
            size_t end = text.find('"', i + 1);
            if (end == std::string_view::npos) {
                break;
            }
            names.emplace_back(text.substr(i + 1, end - i - 1));
            i = end + 1;
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            size_t end = i;
            while (end < text.size() &&
                   (std::isalnum(static_cast<unsigned char>(text[end])) || text[end] == '_')) {
                ++end;
            }
            std::string_view identifier = text.substr(i, end - i);
            for (std::string_view prefix : {"EVP_", "CALG_", "BCRYPT_"}) {
                if (identifier.starts_with(prefix)) {
                    names.emplace_back(identifier);
                }
            }
            i = end;
        } else {
            ++i;
        }
    }
    return names;
}

} // namespace privaudit::checks
