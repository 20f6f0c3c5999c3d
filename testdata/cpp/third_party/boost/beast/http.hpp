// Stand-in for Boost.Beast's HTTP message types (declarations only): request<Body> and
// response<Body> are alias templates of message<isRequest, Body>.
#pragma once
#include <string>
#include <string_view>

namespace boost::beast::http {

struct fields {};
struct string_body {
    using value_type = std::string;
};
enum class status { ok = 200, forbidden = 403, not_found = 404 };
enum class field { authorization };

template <bool isRequest, class Body, class Fields = fields> class message {
public:
    message();
    message(status result, unsigned version);
    std::string_view target() const;
    std::string_view operator[](field name) const;
    typename Body::value_type& body();
    const typename Body::value_type& body() const;
    void result(status code);
    void prepare_payload();
};

template <class Body, class Fields = fields> using request = message<true, Body, Fields>;
template <class Body, class Fields = fields> using response = message<false, Body, Fields>;

} // namespace boost::beast::http
