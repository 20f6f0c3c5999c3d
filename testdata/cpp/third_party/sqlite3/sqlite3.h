// Stand-in for the SQLite C API (declarations only).
#pragma once
extern "C" {
struct sqlite3;
struct sqlite3_stmt;
int sqlite3_open(const char* filename, sqlite3** db);
int sqlite3_exec(sqlite3* db, const char* sql, int (*callback)(void*, int, char**, char**),
                 void* arg, char** errmsg);
int sqlite3_prepare_v2(sqlite3* db, const char* sql, int bytes, sqlite3_stmt** stmt,
                       const char** tail);
int sqlite3_bind_text(sqlite3_stmt* stmt, int index, const char* text, int bytes,
                      void (*destructor)(void*));
int sqlite3_bind_int(sqlite3_stmt* stmt, int index, int value);
int sqlite3_bind_int64(sqlite3_stmt* stmt, int index, long long value);
int sqlite3_step(sqlite3_stmt* stmt);
int sqlite3_finalize(sqlite3_stmt* stmt);
}
#define SQLITE_TRANSIENT ((void (*)(void*)) - 1)
