#!/usr/bin/env python3
"""Generates a synthetic contact-center backend for the dataflow benchmark.

Usage: generate_codebase.py OUT_DIR [TRANSLATION_UNITS]

Each translation unit looks like a service module of a chatbot backend: a request handler
that loads a customer record, formats replies, logs, stores transcripts in SQLite and a file,
and calls helpers defined in other translation units; and two cpp-httplib routes, one reading
customer records by a path parameter after an ownership check, one without (and through a
module-level cache shared by every session). It includes the standard headers real
code includes, so parsing costs what it costs on real code. The output has a
compile_commands.json; nothing is downloaded.
"""
import json
import os
import random
import sys

COMMON_HEADER = r'''#pragma once
#include <cstdio>
#include <functional>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

namespace spdlog {
template <typename... Args> void info(const char* fmt, Args&&... args);
template <typename... Args> void warn(const char* fmt, Args&&... args);
template <typename... Args> void debug(const char* fmt, Args&&... args);
}
extern "C" {
struct sqlite3;
int sqlite3_exec(sqlite3*, const char*, int (*)(void*, int, char**, char**), void*, char**);
}

namespace httplib {
struct Request {
    std::string body;
    std::vector<std::string> matches;
    std::string get_header_value(const std::string& key) const;
};
struct Response {
    int status = 200;
    void set_content(const std::string& content, const std::string& type);
};
struct Server {
    Server& Get(const std::string& pattern, std::function<void(const Request&, Response&)> h);
};
}

namespace app {
struct Address { std::string street; std::string postcode; std::string city; };
struct Customer {
    long id = 0;
    std::string firstName, lastName, email, phone, iban;
    Address address;
    std::vector<std::string> orderHistory;
    int openTickets = 0;
};
struct Turn { std::string sessionId; std::string utterance; int index = 0; };
struct Session { long customerId = 0; };
struct SessionStore { Session authenticate(const std::string& token) const; };
struct CustomerRepository { std::optional<Customer> findById(long id) const; };
std::string toJson(const Customer& customer);
std::string maskEmail(const std::string& email);
std::string redactPii(const std::string& text);
%(declarations)s
}
'''

MODULE = r'''#include "app.h"

namespace app {

static std::string describe%(n)d(const Customer& c) {
    std::ostringstream out;
    out << c.firstName << ' ' << c.lastName << " <" << c.email << ">";
    return out.str();
}

static std::string summary%(n)d(const Customer& c) {
    return "customer " + std::to_string(c.id) + " has " + std::to_string(c.openTickets) + " tickets";
}

std::string format%(n)d(const std::string& text) {
    std::string line = "[module %(n)d] ";
    line += text;
    return line;
}

void handle%(n)d(sqlite3* db, const Customer& customer, const Turn& turn) {
    std::map<std::string, std::string> fields;
    fields["email"] = customer.email;
    fields["city"] = customer.address.city;
    spdlog::info("{}", summary%(n)d(customer));
    spdlog::debug("{}", format%(next)d(describe%(n)d(customer)));
    std::vector<std::string> lines;
    for (const auto& order : customer.orderHistory) {
        lines.push_back(order);
    }
    std::string sql = "INSERT INTO turns VALUES('" + turn.sessionId + "','" + turn.utterance + "')";
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    std::string masked = maskEmail(customer.email);
    spdlog::info("masked {}", masked);
    if (turn.index %% 7 == %(mod)d) {
        std::ofstream archive("archive-%(n)d.log", std::ios::app);
        archive << redactPii(turn.utterance) << '\n';
    }
    for (int i = 0; i < turn.index; ++i) {
        if (lines.size() > static_cast<size_t>(i)) {
            spdlog::warn("line {} of {}", i, lines.size());
        }
    }
}

static std::string lastProfile%(n)d;

void routes%(n)d(httplib::Server& server, const CustomerRepository& customers,
                const SessionStore& sessions) {
    server.Get("/m%(n)d/customers/(\\d+)", [&](const httplib::Request& req, httplib::Response& res) {
        Session session = sessions.authenticate(req.get_header_value("Authorization"));
        long id = std::stol(req.matches[1]);
        if (id != session.customerId) {
            res.status = 403;
            return;
        }
        auto customer = customers.findById(id);
        res.set_content(customer ? toJson(*customer) : "{}", "application/json");
    });
    server.Get("/m%(n)d/profiles/(\\d+)", [&](const httplib::Request& req, httplib::Response& res) {
        auto customer = customers.findById(std::stol(req.matches[1]));
        lastProfile%(n)d = customer ? toJson(*customer) : lastProfile%(n)d;
        res.set_content(lastProfile%(n)d, "application/json");
    });
}

} // namespace app
'''


def main():
    out = sys.argv[1]
    count = int(sys.argv[2]) if len(sys.argv) > 2 else 320
    random.seed(7)
    os.makedirs(os.path.join(out, "src"), exist_ok=True)
    declarations = "\n".join("std::string format%d(const std::string& text);" % n
                             for n in range(count))
    with open(os.path.join(out, "src", "app.h"), "w") as header:
        header.write(COMMON_HEADER % {"declarations": declarations})
    commands = []
    for n in range(count):
        path = os.path.join(out, "src", "module_%03d.cpp" % n)
        with open(path, "w") as module:
            module.write(MODULE % {"n": n, "next": (n + 1) % count, "mod": random.randrange(7)})
        commands.append({"directory": os.path.abspath(out),
                         "file": os.path.abspath(path),
                         "arguments": ["clang++", "-std=c++20", "-I" + os.path.abspath(
                             os.path.join(out, "src")), "-c", os.path.abspath(path)]})
    with open(os.path.join(out, "compile_commands.json"), "w") as database:
        json.dump(commands, database, indent=1)


if __name__ == "__main__":
    main()
