// Preloaded (LD_PRELOAD) into privaudit by tests/no_leak_test.cpp: refuses every attempt to
// reach the network (an internet socket, a connect to an internet address, a name lookup) and
// appends a line naming it to the file in PRIVAUDIT_NETWORK_LOG.
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <fcntl.h>
#include <netdb.h>
#include <sys/socket.h>
#include <unistd.h>

namespace {

void record(const char* what) {
    const char* log = std::getenv("PRIVAUDIT_NETWORK_LOG");
    if (log == nullptr) {
        return;
    }
    int fd = ::open(log, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0644);
    if (fd >= 0) {
        ssize_t ignored = ::write(fd, what, std::strlen(what));
        ignored = ::write(fd, "\n", 1);
        (void)ignored;
        ::close(fd);
    }
}

bool isInternet(int family) {
    return family == AF_INET || family == AF_INET6;
}

} // namespace

extern "C" {

int socket(int domain, int type, int protocol) {
    if (isInternet(domain)) {
        record("socket");
        errno = EACCES;
        return -1;
    }
    using Socket = int (*)(int, int, int);
    static auto real = reinterpret_cast<Socket>(dlsym(RTLD_NEXT, "socket"));
    return real(domain, type, protocol);
}

int connect(int fd, const struct sockaddr* address, socklen_t length) {
    if (address != nullptr && isInternet(address->sa_family)) {
        record("connect");
        errno = EACCES;
        return -1;
    }
    using Connect = int (*)(int, const struct sockaddr*, socklen_t);
    static auto real = reinterpret_cast<Connect>(dlsym(RTLD_NEXT, "connect"));
    return real(fd, address, length);
}

int getaddrinfo(const char*, const char*, const struct addrinfo*, struct addrinfo**) {
    record("getaddrinfo");
    return EAI_FAIL;
}

struct hostent* gethostbyname(const char*) {
    record("gethostbyname");
    return nullptr;
}

} // extern "C"
