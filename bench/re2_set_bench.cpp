// Times RE2::Set, the multi-pattern engine the issue suggests, over the scan-data corpus with
// the same patterns ripgrep gets (bench/rg_patterns.txt): which patterns match, line by line.
// Built and run by bench/scan_data.sh: re2_set_bench PATTERNS FILE...
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <re2/re2.h>
#include <re2/set.h>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: re2_set_bench PATTERNS FILE...\n";
        return 2;
    }
    RE2::Options options;
    options.set_encoding(RE2::Options::EncodingLatin1); // ASCII semantics, like rg --no-unicode
    options.set_max_mem(1 << 30);
    RE2::Set set(options, RE2::UNANCHORED);
    std::ifstream patterns(argv[1]);
    for (std::string pattern; std::getline(patterns, pattern);) {
        std::string error;
        if (!pattern.empty() && set.Add(pattern, &error) < 0) {
            std::cerr << "bad pattern " << pattern << ": " << error << "\n";
            return 2;
        }
    }
    if (!set.Compile()) {
        std::cerr << "RE2::Set does not compile\n";
        return 2;
    }
    long long bytes = 0, matchingLines = 0;
    auto start = std::chrono::steady_clock::now();
    std::vector<int> hits;
    for (int i = 2; i < argc; ++i) {
        std::ifstream in(argv[i], std::ios::binary);
        for (std::string line; std::getline(in, line);) {
            bytes += static_cast<long long>(line.size()) + 1;
            hits.clear();
            matchingLines += set.Match(line, &hits) ? 1 : 0;
        }
    }
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%lld bytes, %lld matching lines, %.2f s, %.0f MB/s\n", bytes, matchingLines,
                seconds, static_cast<double>(bytes) / 1048576.0 / seconds);
    return 0;
}
