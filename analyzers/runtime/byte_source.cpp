#include "analyzers/runtime/byte_source.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <unistd.h>
#include <zlib.h>

namespace privaudit::runtime {

namespace {

constexpr size_t readChunk = 1 << 18;
// A piece is at most maxPiece bytes, so a buffer of a piece and a chunk always has room to read.
constexpr size_t bufferSize = LineReader::maxPiece + readChunk;

} // namespace

ByteSource::~ByteSource() {
    if (gz_) {
        gzclose(static_cast<gzFile>(gz_));
    } else if (file_) {
        std::fclose(file_);
    }
}

std::string ByteSource::open(const std::string& path) {
    file_ = std::fopen(path.c_str(), "rb");
    if (!file_) {
        return std::strerror(errno);
    }
    unsigned char magic[2] = {};
    size_t got = std::fread(magic, 1, 2, file_);
    std::rewind(file_);
    if (got == 2 && magic[0] == 0x1f && magic[1] == 0x8b) {
        int fd = dup(fileno(file_));
        std::fclose(file_);
        file_ = nullptr;
        gz_ = gzdopen(fd, "rb");
        if (!gz_) {
            return "cannot open the gzip stream";
        }
        gzbuffer(static_cast<gzFile>(gz_), readChunk);
    }
    return {};
}

size_t ByteSource::read(char* buffer, size_t size) {
    if (gz_) {
        int got = gzread(static_cast<gzFile>(gz_), buffer, static_cast<unsigned>(size));
        if (got < 0) {
            int code = 0;
            const char* message = gzerror(static_cast<gzFile>(gz_), &code);
            error_ = std::string("gzip data is corrupt: ") + message;
            return 0;
        }
        if (got == 0 && !gzeof(static_cast<gzFile>(gz_))) {
            error_ = "gzip data is truncated";
        }
        if (got == 0 && error_.empty()) {
            int code = 0;
            gzerror(static_cast<gzFile>(gz_), &code);
            if (code == Z_BUF_ERROR) {
                error_ = "gzip data is truncated";
            }
        }
        return static_cast<size_t>(got);
    }
    size_t got = std::fread(buffer, 1, size, file_);
    if (got == 0 && std::ferror(file_)) {
        error_ = std::strerror(errno);
    }
    return got;
}

LineReader::LineReader(ByteSource& source)
    : source_(source), buffer_(std::make_unique_for_overwrite<char[]>(bufferSize)) {}

bool LineReader::fill() {
    if (eof_) {
        return false;
    }
    std::memmove(buffer_.get(), buffer_.get() + position_, end_ - position_);
    end_ -= position_;
    position_ = 0;
    size_t got = source_.read(buffer_.get() + end_, std::min(readChunk, bufferSize - end_));
    end_ += got;
    bytesRead_ += got;
    if (got == 0) {
        eof_ = true;
    }
    return got > 0;
}

std::string_view LineReader::peek(size_t size) {
    while (end_ - position_ < size && fill()) {
    }
    return std::string_view(buffer_.get() + position_, std::min(size, end_ - position_));
}

void LineReader::blankByteOrderMark(std::span<char> line) const {
    if (lineNumber_ == 1 && column_ == 0 &&
        std::string_view(line.data(), line.size()).starts_with(utf8ByteOrderMark)) {
        std::fill_n(line.begin(), utf8ByteOrderMark.size(), ' ');
    }
}

bool LineReader::next(std::string& line) {
    std::span<char> piece;
    if (!next(piece)) {
        return false;
    }
    line.assign(piece.data(), piece.size());
    return true;
}

bool LineReader::next(std::span<char>& line, Refill refill) {
    size_t length = 0;   // of the line or piece
    size_t consumed = 0; // with its line break
    bool cut = false;    // a piece of a longer line
    while (true) {
        char* start = buffer_.get() + position_;
        const size_t available = end_ - position_;
        if (const void* newline = std::memchr(start, '\n', std::min(available, maxPiece))) {
            length = static_cast<const char*>(newline) - start;
            consumed = length + 1;
            if (length > 0 && start[length - 1] == '\r') {
                --length;
            }
            break;
        }
        if (available >= maxPiece || (eof_ && available > 0)) {
            length = consumed = std::min(available, maxPiece);
            cut = available > maxPiece || !eof_;
            break;
        }
        if (eof_ || refill == Refill::Never) {
            return false;
        }
        fill();
    }
    if (continues_) {
        column_ += lastPieceSize_;
    } else {
        column_ = 0;
        ++lineNumber_;
    }
    line = std::span<char>(buffer_.get() + position_, length);
    position_ += consumed;
    continues_ = cut;
    lastPieceSize_ = length;
    return true;
}

} // namespace privaudit::runtime
