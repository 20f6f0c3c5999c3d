#include "analyzers/runtime/probe/written_files.h"

#include "analyzers/runtime/byte_source.h"

#include <algorithm>
#include <fstream>
#include <memory>
#include <openssl/evp.h>

namespace privaudit::runtime::probe {

namespace fs = std::filesystem;

namespace {

std::string normalized(const std::string& path) {
    return fs::absolute(path).lexically_normal().string();
}

// SHA-256 of the file's first `limit` bytes (all of them by default); empty when unreadable.
std::string contentHash(const std::string& path,
                        std::uintmax_t limit = static_cast<std::uintmax_t>(-1)) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        return {};
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(),
                                                                    EVP_MD_CTX_free);
    EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr);
    char buffer[1 << 16];
    while (limit > 0 && in) {
        in.read(buffer,
                static_cast<std::streamsize>(std::min<std::uintmax_t>(sizeof buffer, limit)));
        EVP_DigestUpdate(context.get(), buffer, static_cast<size_t>(in.gcount()));
        limit -= static_cast<std::uintmax_t>(in.gcount());
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned size = 0;
    EVP_DigestFinal_ex(context.get(), digest, &size);
    return std::string(reinterpret_cast<const char*>(digest), size);
}

bool gzipped(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char magic[2] = {};
    in.read(magic, 2);
    return in && magic[0] == '\x1f' && magic[1] == '\x8b';
}

// The whole file, gunzipped when compressed, up to `limit` bytes; false when it is longer.
bool readAll(const std::string& path, std::uintmax_t limit, WrittenFile& file, std::string& error) {
    ByteSource source;
    if (error = source.open(path); !error.empty()) {
        return true;
    }
    file.gzip = source.compressed();
    char buffer[1 << 16];
    while (size_t got = source.read(buffer, sizeof buffer)) {
        if (file.text.size() + got > limit) {
            file.text.append(buffer, limit - file.text.size());
            return false;
        }
        file.text.append(buffer, got);
    }
    error = source.error();
    return true;
}

// The bytes after `offset`, up to `limit`, and the line they start on; false when cut.
bool readAppended(const std::string& path, std::uintmax_t offset, std::uintmax_t limit,
                  WrittenFile& file) {
    std::ifstream in(path, std::ios::binary);
    char buffer[1 << 16];
    for (std::uintmax_t left = offset; left > 0 && in;) {
        in.read(buffer,
                static_cast<std::streamsize>(std::min<std::uintmax_t>(sizeof buffer, left)));
        file.firstLine += static_cast<int>(std::count(buffer, buffer + in.gcount(), '\n'));
        left -= static_cast<std::uintmax_t>(in.gcount());
    }
    while (in) {
        in.read(buffer, sizeof buffer);
        size_t got = static_cast<size_t>(in.gcount());
        if (file.text.size() + got > limit) {
            file.text.append(buffer, limit - file.text.size());
            return false;
        }
        file.text.append(buffer, got);
    }
    return true;
}

} // namespace

WriteObserver::WriteObserver(std::vector<std::string> folders, std::vector<std::string> files,
                             std::set<std::string> ignored) {
    for (const std::string& folder : folders) {
        folders_.push_back(normalized(folder));
    }
    for (const std::string& file : files) {
        files_.push_back(normalized(file));
    }
    for (const std::string& file : ignored) {
        ignored_.insert(normalized(file));
    }
}

std::map<std::string, WriteObserver::FileState>
WriteObserver::snapshot(bool withHash, std::vector<core::Notification>& notifications) const {
    std::map<std::string, FileState> states;
    auto record = [&](const fs::path& path) {
        std::error_code error;
        std::string name = path.string();
        if (ignored_.contains(name) || !fs::is_regular_file(path, error)) {
            return;
        }
        FileState state{fs::file_size(path, error), fs::last_write_time(path, error),
                        withHash ? contentHash(name) : std::string()};
        if (!error) {
            states[name] = std::move(state);
        }
    };
    for (const std::string& folder : folders_) {
        std::error_code error;
        fs::recursive_directory_iterator entries(
            folder, fs::directory_options::skip_permission_denied, error);
        if (error) {
            notifications.push_back({core::Notification::Kind::InputUnreadable,
                                     core::Level::Warning,
                                     "cannot watch the folder: " + error.message(),
                                     {folder}});
            continue;
        }
        for (auto end = fs::recursive_directory_iterator(); entries != end;
             entries.increment(error)) {
            record(entries->path());
        }
    }
    for (const std::string& file : files_) {
        record(file);
    }
    return states;
}

void WriteObserver::before(std::vector<core::Notification>& notifications) {
    before_ = snapshot(true, notifications);
}

std::vector<WrittenFile>
WriteObserver::after(std::vector<core::Notification>& notifications) const {
    std::vector<core::Notification> ignoredTwice; // the folders were reported by before()
    std::vector<WrittenFile> written;
    for (const auto& [path, state] : snapshot(false, ignoredTwice)) {
        auto old = before_.find(path);
        bool untouched = old != before_.end() && old->second.size == state.size &&
                         old->second.modified == state.modified;
        if (untouched || (old != before_.end() && old->second.hash == contentHash(path))) {
            continue;
        }
        WrittenFile file;
        file.path = path;
        file.change =
            old == before_.end() ? WrittenFile::Change::Created : WrittenFile::Change::Rewritten;
        std::string error;
        bool complete = true;
        bool appended = old != before_.end() && state.size > old->second.size && !gzipped(path) &&
                        contentHash(path, old->second.size) == old->second.hash;
        if (appended) {
            file.change = WrittenFile::Change::Appended;
            complete = readAppended(path, old->second.size, maxNewBytes, file);
        } else {
            complete = readAll(path, maxNewBytes, file, error);
        }
        if (!error.empty()) {
            notifications.push_back({core::Notification::Kind::InputUnreadable,
                                     core::Level::Error,
                                     "cannot read: " + error,
                                     {path}});
            continue;
        }
        if (!complete) {
            notifications.push_back({core::Notification::Kind::ParseError,
                                     core::Level::Warning,
                                     "more than " + std::to_string(maxNewBytes >> 20) +
                                         " MiB written during the run; only the first are scanned",
                                     {path, file.firstLine}});
        }
        written.push_back(std::move(file));
    }
    return written;
}

} // namespace privaudit::runtime::probe
