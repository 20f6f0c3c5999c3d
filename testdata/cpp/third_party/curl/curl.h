// Stand-in for libcurl's easy interface (declarations only).
#pragma once
extern "C" {
typedef void CURL;
typedef enum {
    CURLOPT_URL = 10002,
    CURLOPT_POSTFIELDS = 10015,
    CURLOPT_HTTPHEADER = 10023,
    CURLOPT_COPYPOSTFIELDS = 10165,
    CURLOPT_POST = 47,
    CURLOPT_SSL_VERIFYPEER = 64,
    CURLOPT_SSL_VERIFYHOST = 81,
    CURLOPT_MIMEPOST = 10269,
} CURLoption;
typedef int CURLcode;
CURL* curl_easy_init(void);
CURLcode curl_easy_setopt(CURL* curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL* curl);
void curl_easy_cleanup(CURL* curl);
}
