// Stand-in for Crow's routing API (declarations, and the one template a lambda needs): CROW_ROUTE returns a rule whose
// operator() takes the handler; `<int>`/`<string>` route segments become handler arguments.
#pragma once
#include <cstdint>
#include <string>

namespace crow {

class query_string {
public:
    char* get(const std::string& name) const;
};

struct request {
    std::string url;
    std::string body;
    query_string url_params;
    const std::string& get_header_value(const std::string& key) const;
};

struct response {
    int code = 200;
    std::string body;
    response();
    explicit response(int code);
    explicit response(std::string body);
    response(int code, std::string body);
    void write(const std::string& body_part);
    void end();
};

namespace json {
class wvalue {
public:
    wvalue();
    wvalue(const std::string& value);
    wvalue(long value);
    wvalue& operator[](const std::string& key);
    std::string dump() const;
};
} // namespace json

enum class HTTPMethod { Get, Post, Put, Delete };

template <typename... Args> class TaggedRule {
public:
    TaggedRule& methods(HTTPMethod method);
    // Defined here like Crow's own: a handler lambda has no linkage, so a declaration alone
    // would not compile.
    template <typename Func> void operator()(Func&& handler) { (void)handler; }
};

class SimpleApp {
public:
    template <std::uint64_t Tag> TaggedRule<>& route(const std::string& rule);
    SimpleApp& port(std::uint16_t port);
    void run();
};

} // namespace crow

#define CROW_ROUTE(app, url) app.template route<0>(url)
