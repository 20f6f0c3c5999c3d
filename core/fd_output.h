#pragma once

#include <array>
#include <streambuf>

namespace privaudit::core {

// A buffered stream buffer over an open file descriptor, so a report can be written with
// std::ostream straight into the file it goes to. The first failed write ends the output:
// failed() tells, and error() is its errno.
class FdOutputBuffer : public std::streambuf {
public:
    explicit FdOutputBuffer(int fd);
    FdOutputBuffer(const FdOutputBuffer&) = delete;
    FdOutputBuffer& operator=(const FdOutputBuffer&) = delete;

    bool failed() const { return error_ != 0; }
    int error() const { return error_; }

protected:
    int_type overflow(int_type ch) override;
    int sync() override;

private:
    bool flushBuffer();

    int fd_;
    int error_ = 0;
    std::array<char, 1 << 16> buffer_;
};

} // namespace privaudit::core
