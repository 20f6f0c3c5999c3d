// Times Hyperscan (Debian libhyperscan-dev), the other multi-pattern engine the issue names,
// over the scan-data corpus with the same patterns ripgrep gets (bench/rg_patterns.txt): one
// database, block mode over 16 MiB pieces cut at line ends, every match end counted. Built and
// run by bench/scan_data.sh when the library is installed: hyperscan_bench PATTERNS FILE...
#include <cstdio>
#include <ctime>
#include <fstream>
#include <hs/hs.h>
#include <iostream>
#include <string>
#include <vector>

namespace {

// CPU time of this thread: the machine is shared, wall time says little.
double cpuSeconds() {
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

int countMatch(unsigned, unsigned long long, unsigned long long, unsigned, void* context) {
    ++*static_cast<long long*>(context);
    return 0;
}

} // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: hyperscan_bench PATTERNS FILE...\n";
        return 2;
    }
    std::vector<std::string> patterns;
    std::ifstream patternFile(argv[1]);
    for (std::string pattern; std::getline(patternFile, pattern);) {
        if (!pattern.empty()) {
            patterns.push_back(pattern);
        }
    }
    std::vector<const char*> expressions;
    std::vector<unsigned> flags(patterns.size(), 0), ids;
    for (size_t i = 0; i < patterns.size(); ++i) {
        expressions.push_back(patterns[i].c_str());
        ids.push_back(static_cast<unsigned>(i));
    }
    hs_database_t* database = nullptr;
    hs_compile_error_t* error = nullptr;
    if (hs_compile_multi(expressions.data(), flags.data(), ids.data(),
                         static_cast<unsigned>(patterns.size()), HS_MODE_BLOCK, nullptr, &database,
                         &error) != HS_SUCCESS) {
        std::cerr << "Hyperscan does not compile pattern " << error->expression << ": "
                  << error->message << "\n";
        return 2;
    }
    hs_scratch_t* scratch = nullptr;
    hs_alloc_scratch(database, &scratch);
    long long bytes = 0, matches = 0;
    double seconds = 0;
    std::string piece;
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        std::string rest;
        std::vector<char> buffer(16 << 20);
        while (in.read(buffer.data(), static_cast<std::streamsize>(buffer.size())) ||
               in.gcount() > 0) {
            piece = rest;
            piece.append(buffer.data(), static_cast<size_t>(in.gcount()));
            size_t cut = piece.rfind('\n');
            cut = cut == std::string::npos || in.gcount() == 0 ? piece.size() : cut + 1;
            rest = piece.substr(cut);
            double start = cpuSeconds();
            hs_scan(database, piece.data(), static_cast<unsigned>(cut), 0, scratch, countMatch,
                    &matches);
            seconds += cpuSeconds() - start;
            bytes += static_cast<long long>(cut);
        }
        if (!rest.empty()) {
            hs_scan(database, rest.data(), static_cast<unsigned>(rest.size()), 0, scratch,
                    countMatch, &matches);
            bytes += static_cast<long long>(rest.size());
        }
    }
    std::printf("%lld bytes, %lld match ends, %.2f CPU s scanning, %.0f MB/s per core\n", bytes,
                matches, seconds, static_cast<double>(bytes) / 1048576.0 / seconds);
    hs_free_scratch(scratch);
    hs_free_database(database);
    return 0;
}
