#include "analyzers/config/text_encoding.h"

namespace privaudit::config {

namespace {

bool isContinuation(unsigned char byte) {
    return (byte & 0xC0) == 0x80;
}

// Number of bytes of the sequence starting at `bytes[i]`, or 0 when it is malformed
// (overlong, surrogate, beyond U+10FFFF, truncated).
size_t sequenceLength(std::string_view bytes, size_t i) {
    auto at = [&](size_t k) {
        return static_cast<unsigned char>(bytes[i + k]);
    };
    unsigned char lead = at(0);
    size_t length = lead < 0x80                    ? 1
                    : lead >= 0xC2 && lead <= 0xDF ? 2
                    : lead >= 0xE0 && lead <= 0xEF ? 3
                    : lead >= 0xF0 && lead <= 0xF4 ? 4
                                                   : 0;
    if (length == 0 || i + length > bytes.size()) {
        return 0;
    }
    for (size_t k = 1; k < length; ++k) {
        if (!isContinuation(at(k))) {
            return 0;
        }
    }
    if ((lead == 0xE0 && at(1) < 0xA0) || (lead == 0xED && at(1) > 0x9F) ||
        (lead == 0xF0 && at(1) < 0x90) || (lead == 0xF4 && at(1) > 0x8F)) {
        return 0;
    }
    return length;
}

} // namespace

bool isUtf8Text(std::string_view bytes) {
    for (size_t i = 0; i < bytes.size();) {
        if (bytes[i] == '\0') {
            return false;
        }
        size_t length = sequenceLength(bytes, i);
        if (length == 0) {
            return false;
        }
        i += length;
    }
    return true;
}

} // namespace privaudit::config
