// SPDX-License-Identifier: MPL-2.0
// Shared helpers for the core tests: the compiled data file, source paths, temp dirs.
#pragma once
#include "cartoia/reference_data.hpp"
#include "cartoia/title_matcher.hpp"

#include <atomic>
#include <filesystem>
#include <string>

#include <unistd.h>

namespace cartoia::test {

// Path of a file in the source tree ("data/ilo/...").
inline std::string sourcePath(const std::string& relative) { return std::string(CARTOIA_SOURCE_DIR) + "/" + relative; }

// The compiled reference data, loaded once per test binary.
inline const ReferenceData& sharedData()
{
    static const ReferenceData data = loadReferenceData(CARTOIA_DATA_FILE);
    return data;
}

// A matcher over the shipped data, built once.
inline const TitleMatcher& sharedMatcher()
{
    static const TitleMatcher matcher(sharedData());
    return matcher;
}

// A fresh directory under the system temp dir, removed with its content at scope exit.
class TempDir {
public:
    TempDir()
    {
        static std::atomic<int> counter{0};
        path_ = std::filesystem::temp_directory_path() /
                ("cartoia-core-tests-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        std::filesystem::create_directories(path_);
    }
    ~TempDir()
    {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    std::string file(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

} // namespace cartoia::test
