// Stand-in for hiredis, the Redis client library (declarations only).
#pragma once

struct redisContext {
    int err;
    char errstr[128];
};
redisContext* redisConnect(const char* ip, int port);
void* redisCommand(redisContext* context, const char* format, ...);
void freeReplyObject(void* reply);
void redisFree(redisContext* context);
