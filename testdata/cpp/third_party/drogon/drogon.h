// Stand-in for Drogon's HTTP controller API (declarations only): controllers derive from
// HttpController<T> and register their methods between METHOD_LIST_BEGIN and METHOD_LIST_END;
// path placeholders become the methods' trailing arguments.
#pragma once
#include <functional>
#include <json/json.h>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace drogon {

enum HttpMethod { Get, Post, Put, Delete };
enum HttpStatusCode { k200OK = 200, k403Forbidden = 403, k404NotFound = 404 };

class Session {
public:
    template <typename T> T get(const std::string& key) const;
    template <typename T> void insert(const std::string& key, const T& value);
};
using SessionPtr = std::shared_ptr<Session>;

class HttpRequest {
public:
    const std::string& getParameter(const std::string& key) const;
    std::string_view getBody() const;
    const std::shared_ptr<Json::Value>& getJsonObject() const;
    const std::string& getHeader(std::string key) const;
    const SessionPtr& session() const;
    const std::string& path() const;
};
using HttpRequestPtr = std::shared_ptr<HttpRequest>;

class HttpResponse;
using HttpResponsePtr = std::shared_ptr<HttpResponse>;
class HttpResponse {
public:
    static HttpResponsePtr newHttpResponse();
    static HttpResponsePtr newHttpJsonResponse(const Json::Value& data);
    void setStatusCode(HttpStatusCode code);
    void setBody(const std::string& body);
};

template <typename T, bool AutoCreation = true> class HttpController {
protected:
    template <typename Function>
    static void registerMethod(Function&& function, const std::string& pattern,
                               const std::vector<HttpMethod>& methods = {},
                               bool classNameInPath = true, const std::string& handlerName = "");
};

} // namespace drogon

#define METHOD_LIST_BEGIN static void initPathRouting() {
#define METHOD_ADD(method, pattern, ...) registerMethod(&method, pattern, {__VA_ARGS__}, true, #method)
#define ADD_METHOD_TO(method, path, ...) registerMethod(&method, path, {__VA_ARGS__}, false, #method)
#define METHOD_LIST_END }
