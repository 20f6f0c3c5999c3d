#include "analyzers/runtime/json_values.h"

#include "analyzers/runtime/decoders.h"

#include <cstring>

namespace privaudit::runtime {

namespace {

class Parser {
public:
    Parser(std::string_view input,
           const std::function<void(const JsonScalar&, const JsonPath&)>& visit, int maxDepth)
        : in_(input), visit_(visit), maxDepth_(maxDepth) {}

    std::optional<JsonError> run() {
        skipSpace();
        while (pos_ < in_.size() && !error_) {
            path_.clear();
            value(0);
            skipSpace();
        }
        return error_;
    }

private:
    void fail(std::string message) {
        if (!error_) {
            error_ = JsonError{pos_, std::move(message)};
        }
    }

    void skipSpace() {
        while (pos_ < in_.size() &&
               (in_[pos_] == ' ' || in_[pos_] == '\t' || in_[pos_] == '\n' || in_[pos_] == '\r')) {
            ++pos_;
        }
    }

    bool literal(std::string_view word) {
        if (in_.substr(pos_, word.size()) != word) {
            fail("unexpected character");
            return false;
        }
        pos_ += word.size();
        return true;
    }

    void value(int depth) {
        if (depth > maxDepth_) {
            fail("nesting deeper than " + std::to_string(maxDepth_));
            return;
        }
        skipSpace();
        if (pos_ >= in_.size()) {
            fail("unexpected end of input");
            return;
        }
        char c = in_[pos_];
        if (c == '{') {
            object(depth);
        } else if (c == '[') {
            array(depth);
        } else if (c == '"') {
            JsonScalar scalar;
            if (string(scalar)) {
                visit_(scalar, path_);
            }
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            number();
        } else if (c == 't') {
            literal("true");
        } else if (c == 'f') {
            literal("false");
        } else if (c == 'n') {
            literal("null");
        } else {
            fail("unexpected character");
        }
    }

    void object(int depth) {
        ++pos_;
        skipSpace();
        if (pos_ < in_.size() && in_[pos_] == '}') {
            ++pos_;
            return;
        }
        while (!error_) {
            skipSpace();
            JsonScalar key;
            if (pos_ >= in_.size() || in_[pos_] != '"' || !string(key)) {
                fail("expected a key");
                return;
            }
            key.isKey = true;
            path_.emplace_back(key.text);
            visit_(key, path_);
            skipSpace();
            if (pos_ >= in_.size() || in_[pos_] != ':') {
                fail("expected ':'");
                return;
            }
            ++pos_;
            value(depth + 1);
            path_.pop_back();
            skipSpace();
            if (pos_ < in_.size() && in_[pos_] == ',') {
                ++pos_;
            } else if (pos_ < in_.size() && in_[pos_] == '}') {
                ++pos_;
                return;
            } else {
                fail("expected ',' or '}'");
            }
        }
    }

    void array(int depth) {
        ++pos_;
        skipSpace();
        if (pos_ < in_.size() && in_[pos_] == ']') {
            ++pos_;
            return;
        }
        for (size_t index = 0; !error_; ++index) {
            path_.push_back(std::to_string(index));
            value(depth + 1);
            path_.pop_back();
            skipSpace();
            if (pos_ < in_.size() && in_[pos_] == ',') {
                ++pos_;
            } else if (pos_ < in_.size() && in_[pos_] == ']') {
                ++pos_;
                return;
            } else {
                fail("expected ',' or ']'");
            }
        }
    }

    void number() {
        size_t begin = pos_;
        auto numberChar = [](char c) {
            return (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.' || c == 'e' ||
                   c == 'E';
        };
        while (pos_ < in_.size() && numberChar(in_[pos_])) {
            ++pos_;
        }
        JsonScalar scalar;
        scalar.offset = begin;
        scalar.isNumber = true;
        scalar.text = in_.substr(begin, pos_ - begin);
        visit_(scalar, path_);
    }

    static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    bool string(JsonScalar& out) {
        size_t begin = ++pos_;
        out.offset = begin;
        const char* data = in_.data();
        const void* quote = std::memchr(data + begin, '"', in_.size() - begin);
        size_t end = quote ? static_cast<const char*>(quote) - data : in_.size();
        if (quote && !std::memchr(data + begin, '\\', end - begin)) {
            out.text = in_.substr(begin, end - begin);
            pos_ = end + 1;
            return true;
        }
        while (pos_ < in_.size()) {
            char c = in_[pos_];
            if (c == '"') {
                ++pos_;
                out.text = out.unescaped;
                return true;
            }
            size_t raw = pos_ - begin;
            if (c != '\\') {
                out.unescaped += c;
                ++pos_;
            } else if (pos_ + 1 >= in_.size()) {
                break;
            } else {
                char e = in_[pos_ + 1];
                pos_ += 2;
                if (e == 'u') {
                    unsigned code = 0;
                    for (int k = 0; k < 4; ++k) {
                        int h = pos_ < in_.size() ? hex(in_[pos_]) : -1;
                        if (h < 0) {
                            fail("invalid \\u escape");
                            return false;
                        }
                        code = code * 16 + static_cast<unsigned>(h);
                        ++pos_;
                    }
                    appendUtf8(out.unescaped, code);
                } else {
                    std::string_view from = "\"\\/bfnrt", to = "\"\\/\b\f\n\r\t";
                    size_t k = from.find(e);
                    if (k == std::string_view::npos) {
                        fail("invalid escape");
                        return false;
                    }
                    out.unescaped += to[k];
                }
            }
            out.rawOffsets.resize(out.unescaped.size(), static_cast<std::uint32_t>(raw));
        }
        fail("unterminated string");
        return false;
    }

    std::string_view in_;
    const std::function<void(const JsonScalar&, const JsonPath&)>& visit_;
    int maxDepth_;
    size_t pos_ = 0;
    JsonPath path_;
    std::optional<JsonError> error_;
};

} // namespace

std::optional<JsonError>
visitJsonScalars(std::string_view input,
                 const std::function<void(const JsonScalar&, const JsonPath&)>& visit,
                 int maxDepth) {
    return Parser(input, visit, maxDepth).run();
}

std::string jsonPointer(const JsonPath& path) {
    std::string pointer;
    for (const std::string& segment : path) {
        pointer += '/';
        for (char c : segment) {
            if (c == '~') {
                pointer += "~0";
            } else if (c == '/') {
                pointer += "~1";
            } else {
                pointer += c;
            }
        }
    }
    return pointer;
}

} // namespace privaudit::runtime
