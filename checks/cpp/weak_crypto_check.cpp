// cpp/weak-crypto, ciphers and modes: DES, 3DES, RC4, RC2 and ECB mode are reported wherever
// they are chosen, whatever they protect. Digests are judged by what they hash, in
// weak_hash_check.cpp. See docs/rules/cpp-weak-crypto.md.
#include "analyzers/cpp/cpp_check.h"
#include "checks/cpp/ast_queries.h"
#include "checks/cpp/crypto_algorithms.h"
#include "core/check_registry.h"

#include <clang/ASTMatchers/ASTMatchers.h>

namespace privaudit::checks {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

// Functions that are a weak cipher or mode by their name (OpenSSL's EVP cipher getters and
// its low-level encryption routines).
constexpr llvm::StringRef weakCipherFunctions[] = {"EVP_des_ecb",
                                                   "EVP_des_cbc",
                                                   "EVP_des_cfb",
                                                   "EVP_des_cfb1",
                                                   "EVP_des_cfb8",
                                                   "EVP_des_cfb64",
                                                   "EVP_des_ofb",
                                                   "EVP_des_ede",
                                                   "EVP_des_ede_ecb",
                                                   "EVP_des_ede_cbc",
                                                   "EVP_des_ede_cfb64",
                                                   "EVP_des_ede_ofb",
                                                   "EVP_des_ede3",
                                                   "EVP_des_ede3_ecb",
                                                   "EVP_des_ede3_cbc",
                                                   "EVP_des_ede3_cfb",
                                                   "EVP_des_ede3_cfb1",
                                                   "EVP_des_ede3_cfb8",
                                                   "EVP_des_ede3_cfb64",
                                                   "EVP_des_ede3_ofb",
                                                   "EVP_des_ede3_wrap",
                                                   "EVP_desx_cbc",
                                                   "EVP_rc4",
                                                   "EVP_rc4_40",
                                                   "EVP_rc4_hmac_md5",
                                                   "EVP_rc2_ecb",
                                                   "EVP_rc2_cbc",
                                                   "EVP_rc2_40_cbc",
                                                   "EVP_rc2_64_cbc",
                                                   "EVP_rc2_cfb64",
                                                   "EVP_rc2_ofb",
                                                   "EVP_aes_128_ecb",
                                                   "EVP_aes_192_ecb",
                                                   "EVP_aes_256_ecb",
                                                   "EVP_aria_128_ecb",
                                                   "EVP_aria_192_ecb",
                                                   "EVP_aria_256_ecb",
                                                   "EVP_camellia_128_ecb",
                                                   "EVP_camellia_192_ecb",
                                                   "EVP_camellia_256_ecb",
                                                   "EVP_bf_ecb",
                                                   "EVP_cast5_ecb",
                                                   "EVP_idea_ecb",
                                                   "EVP_seed_ecb",
                                                   "EVP_sm4_ecb",
                                                   "DES_ecb_encrypt",
                                                   "DES_ecb3_encrypt",
                                                   "DES_cbc_encrypt",
                                                   "DES_ncbc_encrypt",
                                                   "DES_ede3_cbc_encrypt",
                                                   "DES_ede3_cfb64_encrypt",
                                                   "DES_ede3_ofb64_encrypt",
                                                   "DES_cfb64_encrypt",
                                                   "DES_ofb64_encrypt",
                                                   "RC4",
                                                   "RC2_ecb_encrypt",
                                                   "RC2_cbc_encrypt",
                                                   "AES_ecb_encrypt",
                                                   "BF_ecb_encrypt"};

// Functions that take the cipher or mode by name or constant, and which argument names it.
struct CipherChoice {
    llvm::StringRef function;
    unsigned argument;
};
constexpr CipherChoice cipherChoices[] = {
    {"EVP_CIPHER_fetch", 1},            // OpenSSL 3: "DES-EDE3-CBC"
    {"EVP_get_cipherbyname", 0},        // "des-ede3-cbc"
    {"CryptGenKey", 1},                 // CryptoAPI: CALG_3DES
    {"CryptDeriveKey", 1},              // CALG_RC4
    {"BCryptOpenAlgorithmProvider", 1}, // CNG: BCRYPT_DES_ALGORITHM
    {"BCryptSetProperty", 2},           // BCRYPT_CHAINING_MODE, BCRYPT_CHAIN_MODE_ECB
};

std::string message(const WeakCipher& cipher, std::string_view writtenAs) {
    std::string advice = cipher.name == "ECB mode"
                             ? "use an authenticated mode such as AES-GCM instead"
                             : "encrypt with AES-256-GCM or ChaCha20-Poly1305 instead";
    return cipher.name + " (" + std::string(writtenAs) +
           ") does not protect the data: " + cipher.problem + "; " + advice;
}

class WeakCipherCheck : public cpp::CppCheck {
public:
    std::string_view ruleId() const override { return "cpp/weak-crypto"; }

    void registerMatchers(MatchFinder& finder) override {
        finder.addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                                   callee(functionDecl(hasAnyName(weakCipherFunctions))))
                              .bind("cipherCall"),
                          this);
        std::vector<llvm::StringRef> choosers;
        for (const CipherChoice& choice : cipherChoices) {
            choosers.push_back(choice.function);
        }
        finder.addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                                   callee(functionDecl(hasAnyName(choosers))))
                              .bind("choiceCall"),
                          this);
    }

    void run(const MatchFinder::MatchResult& result) override {
        const SourceManager& sources = *result.SourceManager;
        if (const auto* call = result.Nodes.getNodeAs<CallExpr>("cipherCall")) {
            if (auto cipher = weakCipherNamed(calleeName(*call))) {
                report(sources, call->getSourceRange(), message(*cipher, calleeName(*call)), {});
            }
            return;
        }
        const auto* call = result.Nodes.getNodeAs<CallExpr>("choiceCall");
        for (const CipherChoice& choice : cipherChoices) {
            if (choice.function == calleeName(*call) && choice.argument < call->getNumArgs()) {
                reportChosenCipher(sources, *call->getArg(choice.argument), *result.Context);
            }
        }
    }

private:
    // The argument as written ("CALG_3DES", "\"DES-EDE3-CBC\"") or, for a variable, its
    // initializer.
    void reportChosenCipher(const SourceManager& sources, const Expr& argument,
                            const ASTContext& context) {
        const Expr* initializer = initializerOfNamedVariable(&argument);
        for (const Expr* named : {&argument, initializer}) {
            if (!named) {
                continue;
            }
            for (const std::string& name : algorithmNamesIn(writtenText(*named, context))) {
                if (auto cipher = weakCipherNamed(name)) {
                    report(sources, argument.getSourceRange(), message(*cipher, name), {});
                    return;
                }
            }
        }
    }
};

core::CheckRegistration<cpp::CppCheck, WeakCipherCheck> registration;

} // namespace

} // namespace privaudit::checks
