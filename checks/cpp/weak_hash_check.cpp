// cpp/weak-crypto, digests: an unkeyed hash (MD5, SHA-1, plain SHA-256, std::hash) of a password
// or of personal data. Whether a value is a password or personal data is decided by the names
// in the hashed argument (and in the initializers of the variables it names). MD5 of a file for
// a cache key is not reported. See docs/rules/cpp-weak-crypto.md.
#include "analyzers/cpp/cpp_check.h"
#include "checks/cpp/ast_queries.h"
#include "checks/cpp/crypto_algorithms.h"
#include "checks/cpp/sensitive_names.h"
#include "core/check_registry.h"

#include <cctype>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <map>
#include <utility>

namespace privaudit::checks {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

// Functions that hash their data argument with a digest they name or take.
struct HashCall {
    llvm::StringRef function;
    unsigned data;
    std::string_view digest; // the digest it computes; empty: named by `digestArgument`
    int digestArgument = -1;
    int keyArgument = -1; // a keyed hash unless this argument is a null pointer
};
constexpr HashCall hashCalls[] = {
    {"MD4", 0, "MD4"},
    {"MD5", 0, "MD5"},
    {"SHA1", 0, "SHA1"},
    {"SHA224", 0, "SHA224"},
    {"SHA256", 0, "SHA256"},
    {"SHA384", 0, "SHA384"},
    {"SHA512", 0, "SHA512"},
    {"MD4_Update", 1, "MD4"},
    {"MD5_Update", 1, "MD5"},
    {"SHA1_Update", 1, "SHA1"},
    {"SHA224_Update", 1, "SHA224"},
    {"SHA256_Update", 1, "SHA256"},
    {"SHA384_Update", 1, "SHA384"},
    {"SHA512_Update", 1, "SHA512"},
    {"EVP_Digest", 0, "", 4},
    {"EVP_Q_digest", 3, "", 1},
    {"crypto_hash_sha256", 1, "SHA256"},
    {"crypto_hash_sha512", 1, "SHA512"},
    {"crypto_hash_sha256_update", 1, "SHA256"},
    {"crypto_hash_sha512_update", 1, "SHA512"},
    {"crypto_generichash", 2, "BLAKE2b", -1, 4},
};

// Updates of a context or handle whose digest an earlier call in the function chose.
struct HashUpdate {
    llvm::StringRef function;
    unsigned handle;
    unsigned data;
};
constexpr HashUpdate hashUpdates[] = {
    {"EVP_DigestUpdate", 0, 1}, // OpenSSL EVP
    {"CryptHashData", 0, 1},    // CryptoAPI
    {"BCryptHashData", 0, 1},   // CNG
};

// Calls that choose the digest of a context or handle.
struct DigestChoice {
    llvm::StringRef function;
    unsigned handle;
    unsigned digest;
    int flagsArgument = -1; // CNG: BCRYPT_ALG_HANDLE_HMAC_FLAG makes it keyed
};
constexpr DigestChoice digestChoices[] = {
    {"EVP_DigestInit", 0, 1},
    {"EVP_DigestInit_ex", 0, 1},
    {"EVP_DigestInit_ex2", 0, 1},
    {"CryptCreateHash", 4, 1},
    {"BCryptOpenAlgorithmProvider", 0, 1, 3},
};
constexpr long long bcryptHmacFlag = 0x8;

// CNG makes a hash handle from an algorithm handle; a secret makes it an HMAC.
constexpr llvm::StringRef bcryptCreateHash = "BCryptCreateHash";
constexpr unsigned bcryptCreateHashSecret = 4;

// A digest as the code chose it.
struct ChosenDigest {
    Digest digest;
    std::string writtenAs; // "EVP_md5", "CALG_SHA1"
    bool keyed = false;
};

struct HashedData {
    SensitiveData data;
    std::string name;           // the identifier that says so
    bool namesFunction = false; // normalizePhone(...): a variable or field says it better
};

bool isNullPointer(const Expr* expr, ASTContext& context) {
    return expr->isNullPointerConstant(context, Expr::NPC_ValueDependentIsNotNull) !=
           Expr::NPCK_NotNull;
}

// Which sensitive data matters most when an argument names several.
int rank(SensitiveData::Kind kind) {
    switch (kind) {
    case SensitiveData::Kind::Password:
        return 3;
    case SensitiveData::Kind::Identifying:
        return 2;
    case SensitiveData::Kind::Secret:
        return 1;
    case SensitiveData::Kind::Content:
        return 0;
    }
    return 0;
}

void collectHashedData(const Stmt* stmt, int depth, const cpp::TaintKnowledge& knowledge,
                       std::optional<HashedData>& best) {
    if (!stmt) {
        return;
    }
    auto consider = [&](const NamedDecl* decl, bool inPersonRecord) {
        if (!decl->getIdentifier() || isa<EnumConstantDecl>(decl)) {
            return;
        }
        auto found = sensitiveDataNamed(decl->getName(), knowledge, inPersonRecord);
        if (!found) {
            return;
        }
        HashedData candidate{*found, decl->getNameAsString(), isa<FunctionDecl>(decl)};
        auto weight = [](const HashedData& data) {
            return std::pair(rank(data.data.kind), !data.namesFunction);
        };
        if (!best || weight(candidate) > weight(*best)) {
            best = std::move(candidate);
        }
    };
    if (const auto* ref = dyn_cast<DeclRefExpr>(stmt)) {
        consider(ref->getDecl(), false);
        const auto* variable = dyn_cast<VarDecl>(ref->getDecl());
        if (variable && variable->isLocalVarDecl() && depth < 2) {
            // std::string key = normalize(customer.email); SHA256(key.data(), ...)
            collectHashedData(variable->getInit(), depth + 1, knowledge, best);
        }
    } else if (const auto* member = dyn_cast<MemberExpr>(stmt)) {
        const auto* field = dyn_cast<FieldDecl>(member->getMemberDecl());
        const RecordDecl* record = field ? field->getParent() : nullptr;
        consider(member->getMemberDecl(), record && record->getIdentifier() &&
                                              knowledge.namesDataSubject(record->getName()));
    }
    for (const Stmt* child : stmt->children()) {
        collectHashedData(child, depth, knowledge, best);
    }
}

std::optional<HashedData> hashedData(const Expr* argument, const cpp::TaintKnowledge& knowledge) {
    std::optional<HashedData> best;
    collectHashedData(argument, 0, knowledge, best);
    return best;
}

// The digest an argument names, directly or through the variable it reads.
std::optional<ChosenDigest> digestNamedBy(const Expr* argument, const ASTContext& context) {
    for (const Expr* named : {argument, initializerOfNamedVariable(argument)}) {
        if (!named) {
            continue;
        }
        for (const std::string& name : algorithmNamesIn(writtenText(*named, context))) {
            if (auto digest = digestNamed(name)) {
                return ChosenDigest{*digest, name};
            }
        }
    }
    return std::nullopt;
}

// "sha256" for "SHA-256" and "SHA256".
std::string letters(std::string_view name) {
    std::string text;
    for (char c : name) {
        if (std::isalnum(static_cast<unsigned char>(c))) {
            text += char(std::tolower(static_cast<unsigned char>(c)));
        }
    }
    return text;
}

std::string message(const ChosenDigest& chosen, const HashedData& hashed) {
    std::string digest = chosen.digest.name;
    if (letters(chosen.writtenAs) != letters(digest)) {
        digest += " (" + chosen.writtenAs + ")"; // MD5 (EVP_md5)
    }
    std::string broken =
        chosen.digest.broken ? "; " + chosen.digest.name + " is also broken" : std::string();
    switch (hashed.data.kind) {
    case SensitiveData::Kind::Password:
        return digest + " of " + withArticle(hashed.data.what) + " ('" + hashed.name +
               "') is cracked by hashing guesses at billions a second" + broken +
               "; use a password hash with a per-user salt and a work factor (crypto_pwhash, "
               "Argon2id, bcrypt, scrypt, PBKDF2)";
    case SensitiveData::Kind::Identifying:
        return digest + " of personal data (" + hashed.data.what + ", '" + hashed.name +
               "') without a secret key is reversed by hashing candidate values" + broken +
               "; pseudonymize with a keyed hash (HMAC-SHA-256, crypto_generichash with a key)";
    case SensitiveData::Kind::Secret:
    case SensitiveData::Kind::Content:
        break;
    }
    return digest + " of " + withArticle(hashed.data.what) + " ('" + hashed.name +
           "'): " + chosen.digest.name +
           " is broken; use SHA-256, or HMAC-SHA-256 with a server-side key";
}

// Fast hashes are fine for high-entropy secrets (a token's SHA-256 as its lookup key), and
// no digest of free text can be reversed by guessing.
bool isWeakFor(const ChosenDigest& chosen, const HashedData& hashed) {
    switch (hashed.data.kind) {
    case SensitiveData::Kind::Password:
    case SensitiveData::Kind::Identifying:
        return !chosen.keyed;
    case SensitiveData::Kind::Secret:
        return !chosen.keyed && chosen.digest.broken;
    case SensitiveData::Kind::Content:
        return false;
    }
    return false;
}

std::vector<llvm::StringRef> functionsOf(const auto& models) {
    std::vector<llvm::StringRef> names;
    for (const auto& model : models) {
        names.push_back(model.function);
    }
    return names;
}

class WeakHashCheck : public cpp::CppCheck {
public:
    std::string_view ruleId() const override { return "cpp/weak-crypto"; }

    void registerMatchers(MatchFinder& finder) override {
        finder.addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                                   callee(functionDecl(hasAnyName(functionsOf(hashCalls)))))
                              .bind("hashCall"),
                          this);
        finder.addMatcher(callExpr(unless(isExpansionInSystemHeader()),
                                   callee(functionDecl(hasAnyName(functionsOf(hashUpdates)))))
                              .bind("hashUpdate"),
                          this);
        finder.addMatcher(cxxOperatorCallExpr(
                              unless(isExpansionInSystemHeader()), hasOverloadedOperatorName("()"),
                              callee(cxxMethodDecl(ofClass(hasName("::std::hash")))))
                              .bind("stdHash"),
                          this);
    }

    void run(const MatchFinder::MatchResult& result) override {
        ASTContext& context = *result.Context;
        if (const auto* call = result.Nodes.getNodeAs<CallExpr>("hashCall")) {
            checkHashCall(*call, context);
        } else if (const auto* update = result.Nodes.getNodeAs<CallExpr>("hashUpdate")) {
            checkHashUpdate(*update, context);
        } else if (const auto* hash = result.Nodes.getNodeAs<CXXOperatorCallExpr>("stdHash");
                   hash && hash->getNumArgs() == 2) {
            // std::hash is not even a cryptographic hash.
            check(*hash, ChosenDigest{{"std::hash", false}, "std::hash"}, hash->getArg(1), context);
        }
    }

private:
    void check(const CallExpr& call, const ChosenDigest& digest, const Expr* data,
               ASTContext& context) {
        auto hashed = hashedData(data, knowledge());
        if (hashed && isWeakFor(digest, *hashed)) {
            report(context.getSourceManager(), call.getSourceRange(), message(digest, *hashed),
                   hashed->data.categories);
        }
    }

    void checkHashCall(const CallExpr& call, ASTContext& context) {
        for (const HashCall& model : hashCalls) {
            if (model.function != calleeName(call) || model.data >= call.getNumArgs() ||
                model.digestArgument >= int(call.getNumArgs()) ||
                model.keyArgument >= int(call.getNumArgs())) {
                continue;
            }
            std::optional<ChosenDigest> digest =
                model.digestArgument < 0
                    ? std::optional(ChosenDigest{*digestNamed(model.digest), model.function.str()})
                    : digestNamedBy(call.getArg(model.digestArgument), context);
            if (!digest) {
                return;
            }
            digest->keyed =
                model.keyArgument >= 0 && !isNullPointer(call.getArg(model.keyArgument), context);
            check(call, *digest, call.getArg(model.data), context);
            return;
        }
    }

    void checkHashUpdate(const CallExpr& update, ASTContext& context) {
        for (const HashUpdate& model : hashUpdates) {
            if (model.function != calleeName(update) ||
                std::max(model.handle, model.data) >= update.getNumArgs()) {
                continue;
            }
            const ValueDecl* handle = designatedObject(update.getArg(model.handle));
            auto chosen = digestOfHandle(handle, update, context);
            if (chosen) {
                check(update, *chosen, update.getArg(model.data), context);
            }
            return;
        }
    }

    // What the calls before `update` in its function chose for `handle`.
    std::optional<ChosenDigest> digestOfHandle(const ValueDecl* handle, const CallExpr& update,
                                               ASTContext& context) {
        const Stmt* body = enclosingFunctionBody(context, DynTypedNode::create(update));
        if (!handle || !body) {
            return std::nullopt;
        }
        std::vector<llvm::StringRef> choosers = functionsOf(digestChoices);
        choosers.push_back(bcryptCreateHash);
        std::map<const ValueDecl*, std::optional<ChosenDigest>> chosen;
        const SourceManager& sources = context.getSourceManager();
        for (const BoundNodes& nodes :
             match(findAll(callExpr(callee(functionDecl(hasAnyName(choosers)))).bind("choice")),
                   *body, context)) {
            const auto* call = nodes.getNodeAs<CallExpr>("choice");
            if (!sources.isBeforeInTranslationUnit(call->getBeginLoc(), update.getBeginLoc())) {
                continue;
            }
            if (calleeName(*call) == bcryptCreateHash) {
                if (call->getNumArgs() > bcryptCreateHashSecret) {
                    auto derived = chosen[designatedObject(call->getArg(0))];
                    if (derived && !isNullPointer(call->getArg(bcryptCreateHashSecret), context)) {
                        derived->keyed = true;
                    }
                    chosen[designatedObject(call->getArg(1))] = derived;
                }
                continue;
            }
            for (const DigestChoice& model : digestChoices) {
                if (model.function == calleeName(*call) &&
                    std::max({model.handle, model.digest}) < call->getNumArgs()) {
                    auto digest = digestNamedBy(call->getArg(model.digest), context);
                    if (digest && model.flagsArgument >= 0 &&
                        model.flagsArgument < int(call->getNumArgs())) {
                        auto flags = constantValue(call->getArg(model.flagsArgument), context);
                        digest->keyed = !flags || (*flags & bcryptHmacFlag) != 0;
                    }
                    chosen[designatedObject(call->getArg(model.handle))] = digest;
                }
            }
        }
        auto found = chosen.find(handle);
        return found == chosen.end() ? std::nullopt : found->second;
    }
};

core::CheckRegistration<cpp::CppCheck, WeakHashCheck> registration;

} // namespace

} // namespace privaudit::checks
