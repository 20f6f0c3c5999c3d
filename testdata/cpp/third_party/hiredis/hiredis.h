// Stand-in for hiredis (declarations only).
#pragma once

struct redisContext;
struct redisReply;
redisContext* redisConnect(const char* ip, int port);
void* redisCommand(redisContext* context, const char* format, ...);
int redisAppendCommand(redisContext* context, const char* format, ...);
void freeReplyObject(void* reply);
