#include "analyzers/runtime/probe/http_client.h"

#include <cerrno>
#include <cstring>
#include <memory>
#include <netdb.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>
#include <utility>

namespace privaudit::runtime::probe {

namespace {

class Socket {
public:
    explicit Socket(int fd) : fd_(fd) {}
    ~Socket() {
        if (fd_ >= 0) {
            ::close(fd_);
        }
    }
    Socket(const Socket&) = delete;
    Socket& operator=(const Socket&) = delete;
    int fd() const { return fd_; }
    int release() { return std::exchange(fd_, -1); }

private:
    int fd_;
};

std::string systemError(const std::string& what) {
    return what + ": " + std::strerror(errno);
}

Socket connectTo(const HttpUrl& url, std::chrono::milliseconds timeout) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    if (int error = ::getaddrinfo(url.host.c_str(), url.port.c_str(), &hints, &found); error) {
        throw std::runtime_error("cannot resolve " + url.host + ": " + ::gai_strerror(error));
    }
    std::unique_ptr<addrinfo, decltype(&::freeaddrinfo)> addresses(found, ::freeaddrinfo);
    timeval limit{static_cast<time_t>(timeout.count() / 1000),
                  static_cast<suseconds_t>(timeout.count() % 1000 * 1000)};
    std::string lastError = "no address";
    for (addrinfo* address = found; address; address = address->ai_next) {
        Socket socket(::socket(address->ai_family, address->ai_socktype, address->ai_protocol));
        if (socket.fd() < 0) {
            lastError = systemError("socket");
            continue;
        }
        ::setsockopt(socket.fd(), SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
        ::setsockopt(socket.fd(), SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);
        if (::connect(socket.fd(), address->ai_addr, address->ai_addrlen) == 0) {
            return Socket(socket.release());
        }
        lastError = systemError("connect");
    }
    throw std::runtime_error("cannot connect to " + url.host + ":" + url.port + " (" + lastError +
                             ")");
}

void sendAll(const Socket& socket, const std::string& data) {
    for (size_t sent = 0; sent < data.size();) {
        ssize_t n = ::send(socket.fd(), data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) {
            throw std::runtime_error(systemError("send"));
        }
        sent += static_cast<size_t>(n);
    }
}

std::string receiveAll(const Socket& socket) {
    std::string data;
    char buffer[16384];
    for (;;) {
        ssize_t n = ::recv(socket.fd(), buffer, sizeof buffer, 0);
        if (n == 0) {
            return data;
        }
        if (n < 0) {
            throw std::runtime_error(errno == EAGAIN ? "no reply within the timeout"
                                                     : systemError("recv"));
        }
        data.append(buffer, static_cast<size_t>(n));
    }
}

std::string dechunked(const std::string& body) {
    std::string out;
    size_t at = 0;
    for (;;) {
        size_t lineEnd = body.find("\r\n", at);
        if (lineEnd == std::string::npos) {
            throw std::runtime_error("truncated chunked response");
        }
        size_t size = std::stoul(body.substr(at, lineEnd - at), nullptr, 16);
        if (size == 0) {
            return out;
        }
        out += body.substr(lineEnd + 2, size);
        at = lineEnd + 2 + size + 2;
    }
}

std::string lowerCase(std::string text) {
    for (char& c : text) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return text;
}

} // namespace

std::optional<HttpUrl> parseHttpUrl(const std::string& url) {
    constexpr std::string_view scheme = "http://";
    if (!url.starts_with(scheme)) {
        return std::nullopt;
    }
    std::string rest = url.substr(scheme.size());
    HttpUrl parsed;
    size_t slash = rest.find('/');
    std::string authority = rest.substr(0, slash);
    parsed.path = slash == std::string::npos ? "/" : rest.substr(slash);
    size_t colon = authority.rfind(':');
    if (colon != std::string::npos && authority.find(']', colon) == std::string::npos) {
        parsed.port = authority.substr(colon + 1);
        authority = authority.substr(0, colon);
    }
    if (authority.size() > 1 && authority.front() == '[' && authority.back() == ']') {
        authority = authority.substr(1, authority.size() - 2);
    }
    parsed.host = authority;
    if (parsed.host.empty() || parsed.port.empty() ||
        parsed.port.find_first_not_of("0123456789") != std::string::npos) {
        return std::nullopt;
    }
    return parsed;
}

HttpResponse postJson(const HttpUrl& url, const std::string& body,
                      std::chrono::milliseconds timeout) {
    Socket socket = connectTo(url, timeout);
    sendAll(socket, "POST " + url.path + " HTTP/1.1\r\nHost: " + url.host + ":" + url.port +
                        "\r\nContent-Type: application/json\r\nAccept: application/json\r\n"
                        "Connection: close\r\nContent-Length: " +
                        std::to_string(body.size()) + "\r\n\r\n" + body);
    std::string response = receiveAll(socket);
    size_t headerEnd = response.find("\r\n\r\n");
    if (!response.starts_with("HTTP/1.") || headerEnd == std::string::npos) {
        throw std::runtime_error("not an HTTP response");
    }
    HttpResponse result;
    result.status = std::atoi(response.c_str() + response.find(' ') + 1);
    std::string headers = lowerCase(response.substr(0, headerEnd));
    result.body = response.substr(headerEnd + 4);
    if (headers.find("transfer-encoding: chunked") != std::string::npos) {
        result.body = dechunked(result.body);
    } else if (size_t at = headers.find("content-length:"); at != std::string::npos) {
        result.body.resize(
            std::min<size_t>(result.body.size(), std::stoul(headers.substr(at + 15))));
    }
    return result;
}

} // namespace privaudit::runtime::probe
