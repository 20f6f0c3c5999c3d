// Logging. spdlog is vendored under third_party/ (see http.h for why the path is relative).
#pragma once

#include "../../third_party/spdlog/spdlog.h"
