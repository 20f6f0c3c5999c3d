// cpp/sensitive-memory-not-cleared: a local buffer named after a card number, CVV, PIN, password,
// one-time code or key goes out of scope, or is freed, without being wiped in its function.
// See docs/rules/cpp-sensitive-memory-not-cleared.md.
#include "analyzers/cpp/cpp_check.h"
#include "checks/cpp/ast_queries.h"
#include "checks/cpp/sensitive_names.h"
#include "core/check_registry.h"
#include "core/identifier_words.h"

#include <algorithm>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>
#include <span>

namespace privaudit::checks {

using namespace clang;
using namespace clang::ast_matchers;

namespace {

enum class BufferKind { None, Owned, HeapPointer };

// Functions that wipe memory in a way the compiler must keep.
constexpr std::string_view secureClearFunctions[] = {
    "OPENSSL_cleanse",   "sodium_memzero",   "explicit_bzero",          "explicit_memset",
    "memset_s",          "SecureZeroMemory", "RtlSecureZeroMemory",     "SecureZeroMemory2",
    "CRYPTO_clear_free", "sodium_free",      "mbedtls_platform_zeroize"};

// Writes the compiler may drop when the buffer is not read again.
constexpr std::string_view plainClearFunctions[] = {
    "memset", "bzero", "fill", "fill_n", "__builtin_memset", "__builtin___memset_chk"};

constexpr std::string_view freeFunctions[] = {"free", "CRYPTO_free", "HeapFree", "LocalFree"};

constexpr std::string_view allocationFunctions[] = {
    "malloc", "calloc", "realloc", "CRYPTO_malloc", "CRYPTO_zalloc", "HeapAlloc", "LocalAlloc"};

bool isOneOf(std::string_view name, std::span<const std::string_view> names) {
    return std::ranges::find(names, name) != names.end();
}

// A project's own wiping helper: secure_zero, wipeBuffer, cleanse, zeroize ...
bool isSecureClear(std::string_view function) {
    if (isOneOf(function, secureClearFunctions)) {
        return true;
    }
    std::vector<std::string> words = core::identifierWords(function);
    auto has = [&](std::string_view word) {
        return std::ranges::find(words, word) != words.end();
    };
    return has("cleanse") || has("zeroize") || has("zeroise") || has("wipe") || has("memzero") ||
           (has("secure") && (has("zero") || has("clear") || has("erase")));
}

bool isCharLike(QualType type) {
    type = type.getCanonicalType().getUnqualifiedType();
    if (type->isAnyCharacterType()) {
        return true;
    }
    const auto* byte = type->getAsTagDecl();
    return byte && byte->isInStdNamespace() && byte->getIdentifier() && byte->getName() == "byte";
}

bool isStdAllocator(const TemplateArgumentList& arguments, unsigned index) {
    const auto* record =
        index < arguments.size() && arguments[index].getKind() == TemplateArgument::Type
            ? arguments[index].getAsType()->getAsCXXRecordDecl()
            : nullptr;
    return record && record->isInStdNamespace() && record->getName() == "allocator";
}

// char[N], std::array<char, N>, std::vector<unsigned char>, std::string: memory the variable
// owns. A pointer to characters owns what it points to only once it is freed.
BufferKind bufferKind(QualType type) {
    if (const auto* array = dyn_cast<ConstantArrayType>(type.getCanonicalType())) {
        return isCharLike(array->getElementType()) ? BufferKind::Owned : BufferKind::None;
    }
    if (type->isPointerType()) {
        return isCharLike(type->getPointeeType()) ? BufferKind::HeapPointer : BufferKind::None;
    }
    const auto* container =
        dyn_cast_or_null<ClassTemplateSpecializationDecl>(type->getAsCXXRecordDecl());
    if (!container || !container->isInStdNamespace()) {
        return BufferKind::None;
    }
    const TemplateArgumentList& arguments = container->getTemplateArgs();
    if (arguments.size() == 0 || arguments[0].getKind() != TemplateArgument::Type ||
        !isCharLike(arguments[0].getAsType())) {
        return BufferKind::None;
    }
    llvm::StringRef name = container->getName();
    // A custom allocator (a zeroing one, a locked-page one) is trusted to wipe.
    bool owned = (name == "array") || (name == "vector" && isStdAllocator(arguments, 1)) ||
                 (name == "basic_string" && isStdAllocator(arguments, 2));
    return owned ? BufferKind::Owned : BufferKind::None;
}

// What happens to one buffer in its function.
struct BufferUses {
    bool written = false; // used other than by sizeof, a clear or a free
    bool escapes = false; // returned or moved: its owner is elsewhere
    bool securelyCleared = false;
    bool plainlyCleared = false;
    bool freed = false;
};

class UseScanner {
public:
    explicit UseScanner(const VarDecl& buffer) : buffer_(buffer) {}

    BufferUses scan(const Stmt* body) {
        visit(body);
        return uses_;
    }

private:
    void visit(const Stmt* stmt) {
        if (!stmt || isa<UnaryExprOrTypeTraitExpr>(stmt)) {
            return; // sizeof(pin) reads nothing
        }
        if (const auto* call = dyn_cast<CallExpr>(stmt); call && visitCall(*call)) {
            return;
        }
        if (const auto* deletion = dyn_cast<CXXDeleteExpr>(stmt);
            deletion && refersTo(deletion->getArgument(), &buffer_)) {
            uses_.freed = true;
            return;
        }
        if (const auto* returned = dyn_cast<ReturnStmt>(stmt);
            returned && returnsBuffer(returned->getRetValue())) {
            uses_.escapes = true;
            return;
        }
        if (const auto* ref = dyn_cast<DeclRefExpr>(stmt); ref && ref->getDecl() == &buffer_) {
            uses_.written = true;
        }
        for (const Stmt* child : stmt->children()) {
            visit(child);
        }
    }

    // `return password;`, which moves or copies the buffer out (a copy the caller then owns).
    bool returnsBuffer(const Expr* value) const {
        value = value ? value->IgnoreImplicit() : nullptr;
        if (const auto* construct = dyn_cast_or_null<CXXConstructExpr>(value);
            construct && construct->getNumArgs() == 1) {
            value = construct->getArg(0);
        }
        return value && designatedObject(value) == &buffer_;
    }

    // Whether the call is a clear, free or move of the buffer, which says all about its
    // arguments.
    bool visitCall(const CallExpr& call) {
        std::string_view name = calleeName(call);
        if (name.empty() || !std::ranges::any_of(call.arguments(), [&](const Expr* argument) {
                return refersTo(argument, &buffer_);
            })) {
            return false;
        }
        if (isSecureClear(name)) {
            uses_.securelyCleared = true;
        } else if (isOneOf(name, plainClearFunctions)) {
            uses_.plainlyCleared = true;
        } else if (isOneOf(name, freeFunctions)) {
            uses_.freed = true;
        } else if (name == "move" && call.getDirectCallee()->isInStdNamespace()) {
            uses_.escapes = true;
        } else {
            return false;
        }
        return true;
    }

    const VarDecl& buffer_;
    BufferUses uses_;
};

// Whether an initializer puts anything in the buffer: zeros, an empty string, a size or a
// fresh allocation do not.
bool initializerHoldsData(const Expr* init, BufferKind kind, ASTContext& context) {
    if (!init) {
        return false;
    }
    init = init->IgnoreImplicit();
    if (kind == BufferKind::HeapPointer) {
        const auto* call = dyn_cast<CallExpr>(init->IgnoreParenCasts());
        bool allocates = isa<CXXNewExpr>(init->IgnoreParenCasts()) ||
                         (call && isOneOf(calleeName(*call), allocationFunctions));
        return !allocates && init->isNullPointerConstant(context, Expr::NPC_ValueDependentIsNull) ==
                                 Expr::NPCK_NotNull;
    }
    auto isEmpty = [&](const Expr* element) {
        element = element->IgnoreImplicit();
        if (const auto* literal = dyn_cast<StringLiteral>(element)) {
            return literal->getLength() == 0;
        }
        return isa<ImplicitValueInitExpr, CXXDefaultArgExpr>(element) ||
               constantValue(element, context).has_value();
    };
    if (const auto* literal = dyn_cast<StringLiteral>(init)) {
        return literal->getLength() > 0;
    }
    if (const auto* list = dyn_cast<InitListExpr>(init)) {
        return !std::ranges::all_of(list->inits(), isEmpty);
    }
    if (const auto* construct = dyn_cast<CXXConstructExpr>(init)) {
        return !std::ranges::all_of(construct->arguments(), isEmpty);
    }
    return true;
}

std::string whatItHolds(const SensitiveData& name) {
    return name.kind == SensitiveData::Kind::Identifying ? "card data" : withArticle(name.what);
}

class SensitiveMemoryCheck : public cpp::CppCheck {
public:
    std::string_view ruleId() const override { return "cpp/sensitive-memory-not-cleared"; }

    void registerMatchers(MatchFinder& finder) override {
        finder.addMatcher(varDecl(hasLocalStorage(), unless(parmVarDecl()),
                                  unless(hasType(referenceType())),
                                  unless(isExpansionInSystemHeader()))
                              .bind("buffer"),
                          this);
    }

    void run(const MatchFinder::MatchResult& result) override {
        const auto* buffer = result.Nodes.getNodeAs<VarDecl>("buffer");
        if (!buffer->getIdentifier()) {
            return;
        }
        BufferKind kind = bufferKind(buffer->getType());
        if (kind == BufferKind::None) {
            return;
        }
        auto sensitive = sensitiveDataNamed(buffer->getName(), knowledge());
        if (!sensitive || !isSecretOrCardData(*sensitive)) {
            return;
        }
        const Stmt* body = enclosingFunctionBody(*result.Context, DynTypedNode::create(*buffer));
        if (!body) {
            return;
        }
        BufferUses uses = UseScanner(*buffer).scan(body);
        bool holdsData =
            uses.written || initializerHoldsData(buffer->getInit(), kind, *result.Context);
        if (!holdsData || uses.escapes || uses.securelyCleared ||
            (kind == BufferKind::HeapPointer && !uses.freed)) {
            return;
        }
        std::string end = kind == BufferKind::HeapPointer ? "is freed" : "goes out of scope";
        std::string message =
            "'" + buffer->getNameAsString() + "' holds " + whatItHolds(*sensitive) + " and ";
        message += uses.plainlyCleared
                       ? "is cleared only with memset, which the compiler removes because the "
                         "buffer is not read again before it " +
                             end
                       : end + " without being cleared, so it stays in memory, swap and core dumps";
        message += "; wipe it with OPENSSL_cleanse, sodium_memzero, explicit_bzero or "
                   "SecureZeroMemory";
        SourceRange name(buffer->getLocation(), buffer->getLocation());
        report(*result.SourceManager, name, std::move(message), sensitive->categories);
    }

private:
    static bool isSecretOrCardData(const SensitiveData& name) {
        return name.kind == SensitiveData::Kind::Password ||
               name.kind == SensitiveData::Kind::Secret ||
               std::ranges::find(name.categories, "card") != name.categories.end();
    }
};

core::CheckRegistration<cpp::CppCheck, SensitiveMemoryCheck> registration;

} // namespace

} // namespace privaudit::checks
