/* SPDX-License-Identifier: MPL-2.0 */
// A headless LibreOffice started for one command: private profile with the extension installed,
// UNO connection over a pipe, always stopped again (process group killed as a last resort).
#pragma once

#include <string>
#include <sys/types.h>

#include <com/sun/star/uno/XComponentContext.hpp>

namespace cartoia::cli {

// file:// URL of a local path (made absolute).
rtl::OUString fileUrl(const std::string& path);

// On SIGINT, SIGTERM or SIGHUP: kills the running office (its whole process group), removes the
// files registered with removeOnSignal, then dies of the same signal.
void installSignalCleanup();
// Registers a path to delete if a signal ends the program (at most a few; kept as given).
void removeOnSignal(const std::string& path);
void forgetOnSignal(const std::string& path);

// Exclusive use of a profile by one process: a second run on the same profile waits for the first
// (saying so once), and gives up with a French message after `maxWaitSeconds`.
class ProfileLock {
public:
    ProfileLock(const std::string& profileDir, int maxWaitSeconds);
    ~ProfileLock();
    ProfileLock(const ProfileLock&) = delete;
    ProfileLock& operator=(const ProfileLock&) = delete;

private:
    int fd_ = -1;
};

class Office {
public:
    // Starts soffice on `profileDir` (created when missing). Throws std::runtime_error.
    Office(const std::string& profileDir, const std::string& typesRdb);
    ~Office();
    Office(const Office&) = delete;
    Office& operator=(const Office&) = delete;

    const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context() const { return remote_; }
    // Installs an .oxt for the profile's user (takes effect after a restart).
    void installExtension(const std::string& oxtPath);
    // Asks soffice to quit, waits, kills it if needed.
    void stop();

private:
    pid_t pid_ = -1;
    com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext> remote_;
};

} // namespace cartoia::cli
