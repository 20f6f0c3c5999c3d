#pragma once

#include "analyzers/cpp/decl_classifier.h"

#include <clang/AST/Stmt.h>
#include <string>
#include <vector>

namespace privaudit::checks {

// The personal-data categories an expression names: variables and fields named or annotated
// as personal data (`customer.email`), and objects of person records (`customer`). Sorted;
// empty when it names none. Weak names ("name" outside a person record) do not count.
std::vector<std::string> personalDataIn(const clang::Stmt& expression,
                                        cpp::DeclClassifier& classifier);

} // namespace privaudit::checks
