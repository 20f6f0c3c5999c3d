// HTTP server and client. cpp-httplib is vendored under third_party/ and included by a relative
// path, so that the rest of the code base neither knows nor cares where it lives.
#pragma once

#include "../../third_party/httplib.h"
