// Chat transcripts of the support backend on Pistache's REST router.
#include "support_backend.h"

#include <pistache/router.h>

using namespace Pistache;

class TranscriptEndpoint {
public:
    void setupRoutes(Rest::Router& router) {
        Rest::Routes::Get(router, "/transcripts/:id",
                          Rest::Routes::bind(&TranscriptEndpoint::getTranscript, this));
        Rest::Routes::Get(router, "/my/transcripts/:id",
                          Rest::Routes::bind(&TranscriptEndpoint::getOwnTranscript, this));
    }

    // Any conversation id returns that conversation's transcript.
    void getTranscript(const Rest::Request& request, Http::ResponseWriter response) {
        auto conversationId = request.param(":id").as<std::string>();
        Transcript transcript = archive_.loadTranscript(conversationId); // expect: cpp/missing-access-check
        response.send(Http::Code::Ok, transcript.text);
    }

    // The transcript is compared with the caller before it is sent.
    void getOwnTranscript(const Rest::Request& request, Http::ResponseWriter response) {
        Session session = sessions_.authenticate(request.headers().getRaw("Authorization"));
        auto conversationId = request.param(":id").as<std::string>();
        Transcript transcript = archive_.loadTranscript(conversationId); // ok: cpp/missing-access-check
        if (transcript.customerId != session.customerId) {
            response.send(Http::Code::Not_Found);
            return;
        }
        response.send(Http::Code::Ok, transcript.text);
    }

private:
    TranscriptArchive archive_;
    SessionStore sessions_;
};
