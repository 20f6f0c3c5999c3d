#include "core/fd_output.h"

#include "core/write_all.h"

#include <cerrno>
#include <string_view>

namespace privaudit::core {

FdOutputBuffer::FdOutputBuffer(int fd) : fd_(fd) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type ch) {
    if (!flushBuffer()) {
        return traits_type::eof();
    }
    if (!traits_type::eq_int_type(ch, traits_type::eof())) {
        *pptr() = traits_type::to_char_type(ch);
        pbump(1);
    }
    return traits_type::not_eof(ch);
}

int FdOutputBuffer::sync() {
    return flushBuffer() ? 0 : -1;
}

bool FdOutputBuffer::flushBuffer() {
    if (error_ == 0 && !writeAll(fd_, std::string_view(pbase(), pptr() - pbase()))) {
        error_ = errno != 0 ? errno : EIO;
    }
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return error_ == 0;
}

} // namespace privaudit::core
