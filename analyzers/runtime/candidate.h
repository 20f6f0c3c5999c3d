#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace privaudit::runtime {

// The shapes the candidate finder knows; recognizer specs name them by id ("credit-card").
enum class Recognizer {
    Email,
    Phone,
    CreditCard,
    Iban,
    Bic,
    IpAddress,
    UrlCredentials,
    DateOfBirth,
    UsSsn,
    UkNino,
    UkNhs,
    Passport,
    CryptoWallet,
    ApiKey,
    DeTaxId,
    DeSocialSecurity,
    DeHealthInsurance,
    DeIdCard,
    DePassport,
    DeVatId,
    DePlz,
    StreetAddress,
};
inline constexpr size_t recognizerCount = 22;

// The id of a recognizer in checks/recognizers/*.yaml, e.g. "credit-card".
std::string_view recognizerId(Recognizer recognizer);
// The recognizer with that id, or nothing.
std::optional<Recognizer> recognizerNamed(std::string_view id);

// How much the shape of a match says on its own: a weak shape (a bare 9-digit number that
// could be an SSN) reports only with context; a strong one (grouped as on the card, a
// plausible birth date inside the number) scores higher.
enum class Structure { Weak, Plain, Strong };

// A match of one recognizer's shape whose validator passed, before scoring.
struct Candidate {
    size_t begin = 0; // byte offsets in the scanned text
    size_t end = 0;
    Recognizer recognizer = Recognizer::Email;
    Structure structure = Structure::Plain;
    std::string value; // compact form (separators removed) for the masked preview
};

// A stretch of text that may hide a value in an encoding: a long base64 or hex run, a
// percent-encoded run, JSON/JavaScript \u escapes.
struct EncodedSpan {
    enum class Kind { Base64OrHex, Percent, UnicodeEscape };
    size_t begin = 0;
    size_t end = 0;
    Kind kind = Kind::Base64OrHex;
};

// Finds candidates of every shape in one pass over `text`: a tokenizer over digit and
// alphanumeric runs dispatches each run to the validators of the shapes it can start;
// literal triggers ('@', '+', "://") start e-mail, phone and URL shapes. The same pass notes
// the encoded spans worth decoding.
void findCandidates(std::string_view text, std::vector<Candidate>& out,
                    std::vector<EncodedSpan>& encoded);

// findCandidates visiting only `positions` (ascending): those tokensToMatch gives for the text,
// or any more token starts and trigger bytes (a step at a token the filter passes over finds
// nothing), such as those it gives for a batch of lines joined by spaces.
void findCandidatesVisiting(std::string_view text, std::span<const size_t> positions,
                            std::vector<Candidate>& out, std::vector<EncodedSpan>& encoded);

// One step of findCandidates at `i`, a token start or any other byte: the candidates and encoded
// spans that start there; returns where the finder goes on (after i). findCandidates takes this
// step only where tokensToMatch (token_filter.h) says it can find something; the filter's
// tests take it everywhere and compare.
size_t findCandidatesAt(std::string_view text, size_t i, std::vector<Candidate>& out,
                        std::vector<EncodedSpan>& encoded);

} // namespace privaudit::runtime
