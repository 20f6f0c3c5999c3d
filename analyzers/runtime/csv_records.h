#pragma once

#include "analyzers/runtime/byte_source.h"

#include <string>
#include <vector>

namespace privaudit::runtime {

struct CsvField {
    std::string text;  // unquoted
    int line = 0;      // where the field's text starts
    size_t column = 0; // 0-based byte column
};

struct CsvRecord {
    std::vector<CsvField> fields;
};

// RFC 4180 records: quoted fields with doubled quotes and line breaks. The delimiter is
// sniffed from the header line (',', ';' or tab) unless given. A quoted field that does not
// close within 1 MiB ends there, so a stray quote cannot swallow the file.
class CsvReader {
public:
    CsvReader(LineReader& lines, char delimiter) : lines_(lines), delimiter_(delimiter) {}

    bool next(CsvRecord& record);

private:
    LineReader& lines_;
    char delimiter_;
    std::string line_;
};

} // namespace privaudit::runtime
