/* SPDX-License-Identifier: MPL-2.0 */
#include "office.hxx"

#include <chrono>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <thread>

#include <cstring>
#include <iostream>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <com/sun/star/bridge/UnoUrlResolver.hpp>
#include <com/sun/star/deployment/XExtensionManager.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/task/XInteractionApprove.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/ucb/XCommandEnvironment.hpp>
#include <com/sun/star/ucb/XProgressHandler.hpp>
#include <cppuhelper/bootstrap.hxx>
#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <osl/file.hxx>
#include <rtl/bootstrap.hxx>

using namespace com::sun::star;
using com::sun::star::uno::Any;
using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::UNO_QUERY;
using rtl::OUString;

namespace cartoia::cli {

OUString fileUrl(const std::string& path)
{
    OUString url;
    const std::string abs = std::filesystem::absolute(path).string();
    osl::FileBase::getFileURLFromSystemPath(
        OUString(abs.data(), static_cast<sal_Int32>(abs.size()), RTL_TEXTENCODING_UTF8), url);
    return url;
}

namespace {

// State the signal handler may touch (async-signal-safe: plain values and fixed buffers).
volatile sig_atomic_t gOfficePid = 0;
constexpr int kMaxCleanupPaths = 4;
char gCleanupPaths[kMaxCleanupPaths][4096];

void onSignal(int sig)
{
    const pid_t pid = gOfficePid;
    if (pid > 0)
        kill(-pid, SIGKILL);
    for (auto& path : gCleanupPaths)
        if (path[0])
            unlink(path);
    signal(sig, SIG_DFL);
    raise(sig);
}

} // namespace

void installSignalCleanup()
{
    struct sigaction sa {};
    sa.sa_handler = onSignal;
    sigemptyset(&sa.sa_mask);
    for (int sig : {SIGINT, SIGTERM, SIGHUP})
        sigaction(sig, &sa, nullptr);
}

void removeOnSignal(const std::string& path)
{
    for (auto& slot : gCleanupPaths)
        if (!slot[0] && path.size() < sizeof slot) {
            std::memcpy(slot, path.c_str(), path.size() + 1);
            return;
        }
}

void forgetOnSignal(const std::string& path)
{
    for (auto& slot : gCleanupPaths)
        if (path == slot)
            slot[0] = '\0';
}

ProfileLock::ProfileLock(const std::string& profileDir, int maxWaitSeconds)
{
    std::filesystem::create_directories(profileDir);
    const std::string lockPath = (std::filesystem::path(profileDir) / ".carto-ia.lock").string();
    fd_ = open(lockPath.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd_ < 0)
        throw std::runtime_error("le profil LibreOffice " + profileDir + " n'est pas accessible en écriture");
    if (flock(fd_, LOCK_EX | LOCK_NB) == 0)
        return;
    std::cout << "Une autre génération utilise le profil " << profileDir << " : attente de sa fin…" << std::endl;
    for (int tenths = 0; tenths < maxWaitSeconds * 10; ++tenths) {
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        if (flock(fd_, LOCK_EX | LOCK_NB) == 0)
            return;
    }
    close(fd_);
    fd_ = -1;
    throw std::runtime_error("le profil " + profileDir + " est occupé par une autre génération depuis plus de " +
                             std::to_string(maxWaitSeconds) + " s ; réessayez plus tard ou indiquez --profile");
}

ProfileLock::~ProfileLock()
{
    if (fd_ >= 0)
        close(fd_); // releases the lock
}

namespace {

// The LibreOffice the project was built against (CMake's LO_PROGRAM_DIR).
const std::string kProgramDir = CARTOIA_LO_PROGRAM_DIR;

// CARTOIA_SOFFICE lets a developer run soffice under a debugger.
const char* sofficePath()
{
    const char* env = std::getenv("CARTOIA_SOFFICE");
    return env && *env ? env : CARTOIA_LO_PROGRAM_DIR "/soffice";
}

OUString u8(const std::string& s)
{
    return OUString(s.data(), static_cast<sal_Int32>(s.size()), RTL_TEXTENCODING_UTF8);
}

// Accepts the licence and whatever the extension manager asks.
class Approve : public cppu::WeakImplHelper1<task::XInteractionHandler> {
public:
    void SAL_CALL handle(const Reference<task::XInteractionRequest>& request) override
    {
        for (const Reference<task::XInteractionContinuation>& c : request->getContinuations()) {
            Reference<task::XInteractionApprove> approve(c, UNO_QUERY);
            if (approve.is()) {
                approve->select();
                return;
            }
        }
    }
};

class CommandEnv : public cppu::WeakImplHelper2<ucb::XCommandEnvironment, ucb::XProgressHandler> {
public:
    Reference<task::XInteractionHandler> SAL_CALL getInteractionHandler() override { return new Approve(); }
    Reference<ucb::XProgressHandler> SAL_CALL getProgressHandler() override { return this; }
    void SAL_CALL push(const Any&) override {}
    void SAL_CALL update(const Any&) override {}
    void SAL_CALL pop() override {}
};

Reference<uno::XComponentContext> localContext(const std::string& typesRdb)
{
    static Reference<uno::XComponentContext> ctx;
    if (!ctx.is()) {
        // The URE of the installed LibreOffice, plus the extension's own types (XGenerator).
        rtl::Bootstrap::set(OUString::createFromAscii("URE_MORE_TYPES"),
                            fileUrl(kProgramDir + "/types/offapi.rdb") + " " + fileUrl(typesRdb));
        ctx = cppu::defaultBootstrap_InitialComponentContext(fileUrl(kProgramDir + "/unorc"));
    }
    return ctx;
}

// A new profile starts in French (UI strings such as "Somme - ETP" in DataPilot tables, and
// French number formats) without the first-start dialogs.
void prepareProfile(const std::string& profileDir)
{
    const std::filesystem::path user = std::filesystem::path(profileDir) / "user";
    const std::filesystem::path xcu = user / "registrymodifications.xcu";
    if (std::filesystem::exists(xcu))
        return;
    std::filesystem::create_directories(user);
    std::ofstream out(xcu);
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<oor:items xmlns:oor=\"http://openoffice.org/2001/registry\" "
           "xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n";
    const char* items[][4] = {
        {"/org.openoffice.Office.Common/Misc", "FirstRun", "false"},
        {"/org.openoffice.Office.Common/Misc", "ShowTipOfTheDay", "false"},
        {"/org.openoffice.Office.Linguistic/General", "UILocale", "fr-FR"},
        {"/org.openoffice.Setup/L10N", "ooLocale", "fr-FR"},
        {"/org.openoffice.Setup/L10N", "ooSetupSystemLocale", "fr-FR"},
    };
    for (const auto& it : items)
        out << "<item oor:path=\"" << it[0] << "\"><prop oor:name=\"" << it[1] << "\" oor:op=\"fuse\"><value>" << it[2]
            << "</value></prop></item>\n";
    out << "</oor:items>\n";
}

} // namespace

Office::Office(const std::string& profileDir, const std::string& typesRdb)
{
    std::filesystem::create_directories(profileDir);
    prepareProfile(profileDir);
    const std::string pipe = "cartoia_cli_" + std::to_string(getpid());
    const std::string profileArg =
        "-env:UserInstallation=" +
        std::string(rtl::OUStringToOString(fileUrl(profileDir), RTL_TEXTENCODING_UTF8).getStr());
    const std::string acceptArg = "--accept=pipe,name=" + pipe + ";urp;StarOffice.ComponentContext";
    std::fflush(nullptr); // the child must not print our buffered output again
    pid_ = fork();
    if (pid_ < 0)
        throw std::runtime_error("impossible de lancer LibreOffice");
    if (pid_ == 0) {
        setpgid(0, 0);
        prctl(PR_SET_PDEATHSIG, SIGKILL); // the office's launcher dies with this program
        // Standard streams to /dev/null (plain system calls: the parent may have threads).
        const int devNull = open("/dev/null", O_RDWR);
        if (devNull >= 0) {
            for (int fd : {STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO})
                dup2(devNull, fd);
            if (devNull > STDERR_FILENO)
                close(devNull);
        }
        execl(sofficePath(), sofficePath(), "--headless", "--invisible", "--nologo", "--norestore", "--nodefault",
              "--nolockcheck", profileArg.c_str(), acceptArg.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    setpgid(pid_, pid_);
    gOfficePid = pid_;
    Reference<uno::XComponentContext> local = localContext(typesRdb);
    Reference<bridge::XUnoUrlResolver> resolver = bridge::UnoUrlResolver::create(local);
    const OUString url = u8("uno:pipe,name=" + pipe + ";urp;StarOffice.ComponentContext");
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(90);
    while (!remote_.is()) {
        try {
            remote_.set(resolver->resolve(url), UNO_QUERY);
        } catch (const uno::Exception&) {
            int status = 0;
            if (waitpid(pid_, &status, WNOHANG) == pid_) {
                pid_ = -1;
                gOfficePid = 0;
                throw std::runtime_error("LibreOffice s'est arrêté au démarrage (profil " + profileDir + ")");
            }
            if (std::chrono::steady_clock::now() > deadline) {
                stop();
                throw std::runtime_error("LibreOffice n'a pas répondu en 90 s");
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    }
}

Office::~Office() { stop(); }

void Office::installExtension(const std::string& oxtPath)
{
    Reference<deployment::XExtensionManager> em(
        remote_->getValueByName(OUString::createFromAscii("/singletons/com.sun.star.deployment.ExtensionManager")),
        UNO_QUERY);
    if (!em.is())
        throw std::runtime_error("le gestionnaire d'extensions de LibreOffice ne répond pas");
    Reference<ucb::XCommandEnvironment> env = new CommandEnv();
    Reference<deployment::XPackage> pkg =
        em->addExtension(fileUrl(oxtPath), Sequence<beans::NamedValue>(), OUString::createFromAscii("user"),
                         em->createAbortChannel(), env);
    if (!pkg.is())
        throw std::runtime_error("l'extension n'a pas pu être installée : " + oxtPath);
}

void Office::stop()
{
    if (pid_ <= 0)
        return;
    try {
        if (remote_.is()) {
            Reference<frame::XDesktop2> desktop = frame::Desktop::create(remote_);
            desktop->terminate();
        }
    } catch (const uno::Exception&) {
        // the bridge closes while soffice quits
    }
    remote_.clear();
    for (int i = 0; i < 150; ++i) {
        int status = 0;
        if (waitpid(pid_, &status, WNOHANG) == pid_) {
            kill(-pid_, SIGKILL); // anything of its group still there
            pid_ = -1;
            gOfficePid = 0;
            return;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    kill(-pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = -1;
    gOfficePid = 0;
}

} // namespace cartoia::cli
