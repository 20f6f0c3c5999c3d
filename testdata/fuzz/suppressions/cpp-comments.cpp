#include "customer_store.h"

void CustomerStore::logLookup(const Customer& customer) {
    // privaudit-ignore[cpp/pii-to-log]: the audit log is the legal record of who was contacted
    audit_.write(customer.email);
    log_.info(customer.phone); /* privaudit-ignore[cpp/pii-to-log, cpp/cleartext-storage]: masked by the sink */
    log_.debug(customer.iban); // privaudit-ignore[cpp/pii-to-log]
    log_.debug(customer.name); // privaudit-ignore[ cpp/pii-to-log ,]:
}
