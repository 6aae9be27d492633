/* SPDX-License-Identifier: MPL-2.0 */
#include "shared_data.hxx"

#include <cstdlib>
#include <mutex>
#include <string>

#include <com/sun/star/uno/RuntimeException.hpp>
#include <osl/file.hxx>
#include <osl/module.hxx>
#include <rtl/ustring.hxx>

namespace cartoia::uno {
namespace {

void anchor() {}

} // namespace

// Folder of this shared library, i.e. the installed extension's root.
std::string libraryFolder()
{
    rtl::OUString url;
    if (!osl::Module::getUrlFromAddress(reinterpret_cast<oslGenericFunction>(&anchor), url))
        return {};
    rtl::OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        return {};
    std::string p = rtl::OUStringToOString(path, RTL_TEXTENCODING_UTF8).getStr();
    size_t slash = p.rfind('/');
    return slash == std::string::npos ? std::string(".") : p.substr(0, slash);
}

const TitleMatcher& SharedData::matcher() const
{
    std::call_once(matcherOnce_, [this] { matcher_ = std::make_unique<TitleMatcher>(data); });
    return *matcher_;
}

const TitleMatcher& SharedData::metierMatcher() const
{
    std::call_once(metierOnce_, [this] {
        MatcherOptions referentielOnly;
        referentielOnly.referentielOnly = true;
        metierMatcher_ = std::make_unique<TitleMatcher>(data, referentielOnly);
    });
    return *metierMatcher_;
}

const SharedData& sharedData()
{
    static std::once_flag once;
    static std::unique_ptr<SharedData> shared;
    static std::string error;
    std::call_once(once, [] {
        try {
            auto s = std::make_unique<SharedData>();
            // CARTOIA_DATA_FILE lets the glue tests run outside LibreOffice.
            const char* env = std::getenv("CARTOIA_DATA_FILE");
            s->data = loadReferenceData(env && *env ? std::string(env) : libraryFolder() + "/data/cartoia-data.json");
            shared = std::move(s);
        } catch (const std::exception& e) {
            error = e.what();
        }
    });
    if (!shared)
        throw com::sun::star::uno::RuntimeException(rtl::OUString::fromUtf8(
            (std::string("Carto IA Métiers : ") + kDamagedDataMessage + " (" + error + ")").c_str()));
    return *shared;
}

} // namespace cartoia::uno
