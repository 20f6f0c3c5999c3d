// Vendored stand-in for cpp-httplib (https://github.com/yhirose/cpp-httplib, MIT): the subset of
// its API this service uses, declarations only. Replace with the upstream single header to build.
#pragma once

#include <ctime>
#include <functional>
#include <map>
#include <regex>
#include <string>

namespace httplib {

namespace detail {
struct ci {
    bool operator()(const std::string& lhs, const std::string& rhs) const;
};
} // namespace detail

using Headers = std::multimap<std::string, std::string, detail::ci>;
using Params = std::multimap<std::string, std::string>;
using Match = std::smatch;

struct Request {
    std::string method;
    std::string path;
    Headers headers;
    std::string body;
    std::string remote_addr;
    Params params;
    Match matches;

    std::string get_header_value(const std::string& key, const char* def = "", size_t id = 0) const;
    std::string get_param_value(const std::string& key, size_t id = 0) const;
};

struct Response {
    int status = -1;
    Headers headers;
    std::string body;

    void set_header(const std::string& key, const std::string& val);
    void set_content(const std::string& s, const std::string& content_type);
};

enum class Error { Success = 0, Unknown, Connection, Read, Write, Canceled };

class Result {
public:
    explicit operator bool() const;
    const Response& operator*() const;
    const Response* operator->() const;
    Error error() const;
};

class Server {
public:
    using Handler = std::function<void(const Request&, Response&)>;
    using Logger = std::function<void(const Request&, const Response&)>;

    Server();
    virtual ~Server();

    Server& Get(const std::string& pattern, Handler handler);
    Server& Post(const std::string& pattern, Handler handler);
    Server& set_logger(Logger logger);

    bool listen(const std::string& host, int port, int socket_flags = 0);
    void stop();
};

class Client {
public:
    explicit Client(const std::string& scheme_host_port);
    ~Client();

    Result Get(const std::string& path, const Headers& headers);
    Result Post(const std::string& path, const Headers& headers, const std::string& body,
                const std::string& content_type);

    void set_bearer_token_auth(const std::string& token);
    void set_basic_auth(const std::string& username, const std::string& password);
    void set_connection_timeout(time_t sec, time_t usec = 0);
    void set_read_timeout(time_t sec, time_t usec = 0);
    void set_default_headers(Headers headers);
};

} // namespace httplib
