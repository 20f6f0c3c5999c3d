// Stand-in for cpp-httplib's server and client API (declarations only).
#pragma once
#include <functional>
#include <map>
#include <regex>
#include <unordered_map>
#include <string>

namespace httplib {
using Headers = std::multimap<std::string, std::string>;
using Params = std::multimap<std::string, std::string>;

struct Request {
    std::string method;
    std::string path;
    Headers headers;
    std::string body;
    Params params;
    std::smatch matches;
    std::unordered_map<std::string, std::string> path_params;
    std::string get_header_value(const std::string& key, const char* def = "") const;
    std::string get_param_value(const std::string& key, size_t id = 0) const;
    bool has_param(const std::string& key) const;
};

struct Response {
    int status = 200;
    std::string body;
    void set_content(const std::string& content, const std::string& contentType);
};

using Handler = std::function<void(const Request&, Response&)>;

class Server {
public:
    Server& Get(const std::string& pattern, Handler handler);
    Server& Post(const std::string& pattern, Handler handler);
    Server& Put(const std::string& pattern, Handler handler);
    Server& Delete(const std::string& pattern, Handler handler);
    bool listen(const std::string& host, int port);
};

class Result {
public:
    explicit operator bool() const;
};

class ClientImpl {
public:
    explicit ClientImpl(const std::string& host);
    ClientImpl(const std::string& host, int port);
    Result Get(const std::string& path);
    Result Post(const std::string& path, const std::string& body, const std::string& content_type);
    Result Put(const std::string& path, const std::string& body, const std::string& content_type);
    Result Patch(const std::string& path, const std::string& body, const std::string& content_type);
    void set_ca_cert_path(const std::string& ca_cert_file_path,
                          const std::string& ca_cert_dir_path = std::string());
    void enable_server_certificate_verification(bool enabled);
};

// Plain HTTP for http:// and for a host without a scheme; TLS for https://.
class Client {
public:
    explicit Client(const std::string& scheme_host_port);
    Client(const std::string& host, int port);
    Result Get(const std::string& path);
    Result Post(const std::string& path, const std::string& body, const std::string& content_type);
    Result Put(const std::string& path, const std::string& body, const std::string& content_type);
    Result Patch(const std::string& path, const std::string& body, const std::string& content_type);
    void set_ca_cert_path(const std::string& ca_cert_file_path,
                          const std::string& ca_cert_dir_path = std::string());
    void enable_server_certificate_verification(bool enabled);
};

class SSLClient : public ClientImpl {
public:
    explicit SSLClient(const std::string& host);
};
} // namespace httplib
