#include "core/atomic_file.h"

#include "core/fd_output.h"
#include "core/interruption.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace privaudit::core {

namespace {

// Streams the content into `fd`; false with errno set when a write fails.
bool writeContent(int fd, const ContentWriter& write) {
    FdOutputBuffer buffer(fd);
    std::ostream out(&buffer);
    write(out);
    out.flush();
    errno = buffer.error();
    return !buffer.failed();
}

// A device, pipe or socket (/dev/stdout, /dev/full, a FIFO) cannot be replaced by a rename and
// must not be: it is written in place.
std::string writeInPlace(const std::string& path, const ContentWriter& write) {
    int fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) {
        return path + ": cannot write: " + std::strerror(errno);
    }
    std::string error;
    if (!writeContent(fd, write)) {
        error = path + ": write failed: " + std::strerror(errno);
    }
    if (::close(fd) != 0 && error.empty()) {
        error = path + ": write failed: " + std::strerror(errno);
    }
    return error;
}

} // namespace

std::string writeFileAtomically(const std::string& path, const std::string& content) {
    return writeFileAtomically(path, [&content](std::ostream& out) { out << content; });
}

std::string writeFileAtomically(const std::string& path, const ContentWriter& write) {
    struct stat existing = {};
    if (::stat(path.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode) &&
        !S_ISDIR(existing.st_mode)) {
        return writeInPlace(path, write);
    }
    // Interrupted in here, privaudit would leave the temporary file behind.
    InterruptionsDeferred deferred;
    std::filesystem::path target(path);
    std::filesystem::path folder = target.has_parent_path() ? target.parent_path() : ".";
    std::string pattern = (folder / ("." + target.filename().string() + ".XXXXXX")).string();
    int fd = mkstemp(pattern.data());
    if (fd < 0) {
        return path + ": cannot create a temporary file: " + std::strerror(errno);
    }
    if (!writeContent(fd, write)) {
        std::string error = path + ": write failed: " + std::strerror(errno);
        ::close(fd);
        std::remove(pattern.c_str());
        return error;
    }
    // mkstemp creates 0600; a report is an ordinary file.
    fchmod(fd, 0644);
    if (::fsync(fd) != 0 || ::close(fd) != 0 || std::rename(pattern.c_str(), path.c_str()) != 0) {
        std::string error = path + ": cannot write: " + std::strerror(errno);
        std::remove(pattern.c_str());
        return error;
    }
    return {};
}

} // namespace privaudit::core
