// Cryptography: OpenSSL and libsodium. Declaration-only stand-ins sit under third_party/ (see
// http.h for why the path is relative); a real build uses the system's libraries.
#pragma once

#include "../../third_party/openssl/crypto.h"
#include "../../third_party/openssl/hmac.h"
#include "../../third_party/openssl/sha.h"
#include "../../third_party/sodium.h"
