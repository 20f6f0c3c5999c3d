#pragma once

#include <cstddef>
#include <cstdio>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace privaudit::runtime {

inline constexpr std::string_view utf8ByteOrderMark = "\xef\xbb\xbf";

// The bytes of one file, gunzipped on the fly when it starts with the gzip magic: memory stays
// the size of the read buffer whatever the file's size.
class ByteSource {
public:
    ByteSource() = default;
    ByteSource(const ByteSource&) = delete;
    ByteSource& operator=(const ByteSource&) = delete;
    ~ByteSource();

    // Returns an error message, empty on success.
    std::string open(const std::string& path);
    // Up to `size` bytes; 0 at the end or on an error (then error() says which).
    size_t read(char* buffer, size_t size);

    bool compressed() const { return gz_ != nullptr; }
    const std::string& error() const { return error_; }

private:
    std::FILE* file_ = nullptr;
    void* gz_ = nullptr; // gzFile, kept opaque so zlib.h stays out of this header
    std::string error_;
};

// Reads a file as lines. A line longer than `maxPiece` comes in pieces (with the piece's
// column), so one multi-megabyte line never needs more memory than a piece.
class LineReader {
public:
    static constexpr size_t maxPiece = 1 << 20;

    explicit LineReader(ByteSource& source);

    // Up to `size` bytes ahead, without consuming them (to sniff the format).
    std::string_view peek(size_t size);

    // The next line or piece, without its line break; false at the end.
    bool next(std::string& line);
    // The same as a writable view into the reader's buffer. The views stay where they are until a
    // call that must read more input: with Refill::Never a call returns false instead, when the
    // next line is not buffered whole, so that a caller can hold the lines it has read so far.
    enum class Refill { Allowed, Never };
    bool next(std::span<char>& line, Refill refill = Refill::Allowed);

    // A UTF-8 byte order mark that opens the file becomes spaces in `line`, the last line read,
    // so JSON parses and columns stay where they are.
    void blankByteOrderMark(std::span<char> line) const;

    int lineNumber() const { return lineNumber_; } // 1-based line of the last piece
    size_t column() const { return column_; }      // 0-based byte column where it starts
    bool continues() const { return continues_; }  // the last piece is not the line's end
    unsigned long long bytesRead() const { return bytesRead_; }

private:
    bool fill();

    ByteSource& source_;
    // Unread bytes are [position_, end_). Not a std::string: growing one zero-fills each chunk
    // before it is read into, a pass over every byte for nothing.
    std::unique_ptr<char[]> buffer_;
    size_t position_ = 0;
    size_t end_ = 0;
    bool eof_ = false;
    int lineNumber_ = 0;
    size_t column_ = 0;
    bool continues_ = false;
    size_t lastPieceSize_ = 0;
    unsigned long long bytesRead_ = 0;
};

} // namespace privaudit::runtime
