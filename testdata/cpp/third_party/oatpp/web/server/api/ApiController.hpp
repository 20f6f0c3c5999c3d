// Stand-in for oatpp's ApiController and its endpoint macros (declarations only). ENDPOINT
// declares a controller method; PATH, QUERY and BODY_DTO declare its parameters.
#pragma once
#include <memory>
#include <string>

namespace oatpp {

using Int64 = long long;
using String = std::string;

namespace web::protocol::http {
struct Status {
    int code;
    static const Status CODE_200;
    static const Status CODE_403;
    static const Status CODE_404;
};
namespace outgoing {
class Response {};
} // namespace outgoing
} // namespace web::protocol::http

namespace web::server::api {
class ApiController {
public:
    using Status = protocol::http::Status;
    using OutgoingResponse = protocol::http::outgoing::Response;
    std::shared_ptr<OutgoingResponse> createResponse(const Status& status,
                                                     const std::string& body) const;
    template <typename Dto>
    std::shared_ptr<OutgoingResponse> createDtoResponse(const Status& status,
                                                        const Dto& dto) const;
};
} // namespace web::server::api

} // namespace oatpp

#define ENDPOINT(METHOD, PATH_TEMPLATE, NAME, ...) std::shared_ptr<OutgoingResponse> NAME(__VA_ARGS__)
#define PATH(TYPE, NAME, ...) const TYPE& NAME
#define QUERY(TYPE, NAME, ...) const TYPE& NAME
#define BODY_DTO(TYPE, NAME) const TYPE& NAME
