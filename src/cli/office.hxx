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
