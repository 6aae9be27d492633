// SPDX-License-Identifier: MPL-2.0
// Shared by the harnesses: invariant checks that abort (so libFuzzer saves the input) and the
// reference data, loaded once.
#pragma once
#include "cartoia/reference_data.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

#ifndef CARTOIA_FUZZ_DEFAULT_DATA_FILE
#define CARTOIA_FUZZ_DEFAULT_DATA_FILE "build-fuzz/data/cartoia-data.json"
#endif

namespace cartoia::fuzz {

// A broken invariant of the code under test: print it and abort, libFuzzer keeps the input.
[[noreturn]] inline void fail(const char* file, int line, const char* what)
{
    std::fprintf(stderr, "\n==FUZZ INVARIANT== %s:%d: %s\n", file, line, what);
    std::fflush(stderr);
    std::abort();
}

#define FUZZ_CHECK(cond)                                                                                               \
    do {                                                                                                               \
        if (!(cond))                                                                                                   \
            ::cartoia::fuzz::fail(__FILE__, __LINE__, #cond);                                                          \
    } while (0)

// $CARTOIA_DATA_FILE, else the data file of the build that compiled the harness.
inline std::string dataFilePath()
{
    const char* env = std::getenv("CARTOIA_DATA_FILE");
    return env && *env ? std::string(env) : std::string(CARTOIA_FUZZ_DEFAULT_DATA_FILE);
}

// Loaded once, never freed (no leak report: it stays reachable). Exits when the file is unusable:
// fuzzing without data would only exercise the error path.
inline const ReferenceData& referenceData()
{
    static const ReferenceData* data = [] {
        const std::string path = dataFilePath();
        try {
            return new ReferenceData(loadReferenceData(path));
        } catch (const std::exception& e) {
            std::fprintf(stderr,
                         "fuzz: cannot load reference data %s: %s\n"
                         "      build the cartoia-data target or set CARTOIA_DATA_FILE\n",
                         path.c_str(), e.what());
            std::exit(2);
        }
    }();
    return *data;
}

} // namespace cartoia::fuzz
