// Stand-in for Pistache's REST router (declarations only): Routes::Get/Post register a
// handler, Routes::bind makes one from a member function and the object it runs on.
#pragma once
#include <functional>
#include <string>

namespace Pistache {
namespace Http {

enum class Code { Ok = 200, Forbidden = 403, Not_Found = 404 };

class ResponseWriter {
public:
    void send(Code code, const std::string& body = "");
};

namespace Header {
class Collection {
public:
    std::string getRaw(const std::string& name) const;
};
} // namespace Header

namespace Uri {
class Query {
public:
    std::string get(const std::string& name) const;
};
} // namespace Uri

} // namespace Http

namespace Rest {

class TypedParam {
public:
    template <typename T> T as() const;
};

class Request {
public:
    TypedParam param(const std::string& name) const;
    const Http::Uri::Query& query() const;
    const std::string& body() const;
    const Http::Header::Collection& headers() const;
};

namespace Route {
enum class Result { Ok, Failure };
using Handler = std::function<Result(const Request&, Http::ResponseWriter)>;
} // namespace Route

class Router {};

namespace Routes {
void Get(Router& router, const std::string& resource, Route::Handler handler);
void Post(Router& router, const std::string& resource, Route::Handler handler);
template <typename Result, typename Cls, typename... Args, typename Obj>
Route::Handler bind(Result (Cls::*function)(Args...), Obj object);
} // namespace Routes

} // namespace Rest
} // namespace Pistache
