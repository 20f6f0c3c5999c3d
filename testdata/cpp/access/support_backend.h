// The customer-service backend's domain types and data access, shared by the handlers of
// each web framework in this folder.
#pragma once
#include <optional>
#include <string>
#include <vector>

struct Customer {
    long id = 0;
    std::string fullName;
    std::string email;
    std::string phone;
    std::string postalAddress;
};

struct Order {
    std::string number;
    long customerId = 0;
    std::string shippingAddress;
    double total = 0;
};

struct Ticket {
    std::string id;
    long customerId = 0;
    std::string subject;
    std::string body;
};

struct Transcript {
    std::string conversationId;
    long customerId = 0;
    std::string text;
};

// Who is calling, as established from the bearer token.
struct Session {
    long customerId = 0;
    std::string token;
};

class SessionStore {
public:
    Session authenticate(const std::string& bearerToken) const;
};

class OrderRepository {
public:
    std::vector<Order> findByCustomer(long customerId) const;
    std::optional<Order> findByNumber(const std::string& orderNumber) const;
    bool cancel(const std::string& orderNumber);
};

class CustomerDirectory {
public:
    std::optional<Customer> findById(long customerId) const;
    std::optional<Customer> findByEmail(const std::string& email) const;
};

class TicketStore {
public:
    std::optional<Ticket> findById(const std::string& ticketId) const;
    std::vector<Ticket> findByCustomer(long customerId) const;
    bool isOwner(long customerId, const std::string& ticketId) const;
};

class TranscriptArchive {
public:
    Transcript loadTranscript(const std::string& conversationId) const;
};

class AccessPolicy {
public:
    bool canViewOrder(const Session& session, const std::string& orderNumber) const;
    bool authorize(const Session& session, const std::string& permission, long customerId) const;
};

std::string toJson(const std::vector<Order>& orders);
std::string toJson(const Order& order);
std::string toJson(const Customer& customer);
std::string toJson(const std::vector<Ticket>& tickets);
