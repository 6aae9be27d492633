/* SPDX-License-Identifier: MPL-2.0 */
#include "staff_input.hxx"

#include "arguments.hxx"

#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <fstream>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/io/XInputStream.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/packages/zip/ZipFileAccess.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/sheet/XUsedAreaCursor.hpp>
#include <com/sun/star/task/PasswordRequest.hpp>
#include <com/sun/star/task/XInteractionAbort.hpp>
#include <com/sun/star/task/XInteractionHandler.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <cppuhelper/implbase1.hxx>
#include <osl/file.hxx>
#include <rtl/ref.hxx>

namespace cartoia::uno {

using namespace com::sun::star;
using com::sun::star::uno::Any;
using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

std::string csvQuote(const std::string& s)
{
    std::string q = "\"";
    for (char c : s)
        q += c == '"' ? std::string("\"\"") : std::string(1, c);
    return q + "\"";
}

// Answers every request of the import filters with "abort", and notes whether a password was asked:
// a protected staff table is refused with a message rather than opened interactively.
class RefusePasswords : public cppu::WeakImplHelper1<task::XInteractionHandler> {
public:
    bool askedPassword = false;
    void SAL_CALL handle(const Reference<task::XInteractionRequest>& request) override
    {
        if (request->getRequest().getValueType().isAssignableFrom(cppu::UnoType<task::PasswordRequest>::get()))
            askedPassword = true;
        for (const Reference<task::XInteractionContinuation>& c : request->getContinuations())
            if (Reference<task::XInteractionAbort> abort{c, UNO_QUERY}; abort.is()) {
                abort->select();
                return;
            }
    }
};

// An encrypted ODF package (its manifest has encryption data) or an encrypted OOXML file (an OLE
// compound file holding an "EncryptionInfo" stream).
bool passwordProtected(const Reference<com::sun::star::uno::XComponentContext>& ctx, const OUString& url,
                       const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::string head(1 << 20, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    if (startsWith(head, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1")) {
        static const char name[] = "E\0n\0c\0r\0y\0p\0t\0i\0o\0n\0I\0n\0f\0o\0";
        return head.find(std::string(name, sizeof name - 1)) != std::string::npos;
    }
    if (!startsWith(head, "PK"))
        return false;
    try {
        Reference<container::XNameAccess> zip(packages::zip::ZipFileAccess::createWithURL(ctx, url), UNO_QUERY_THROW);
        const OUString manifest = ascii("META-INF/manifest.xml");
        if (!zip->hasByName(manifest))
            return false;
        Reference<io::XInputStream> stream(zip->getByName(manifest), UNO_QUERY_THROW);
        std::string text;
        Sequence<sal_Int8> chunk;
        while (stream->readBytes(chunk, 65536) > 0 && text.size() < (16u << 20))
            text.append(reinterpret_cast<const char*>(chunk.getConstArray()), static_cast<size_t>(chunk.getLength()));
        return text.find("encryption-data") != std::string::npos;
    } catch (const com::sun::star::uno::Exception&) {
        return false;
    }
}

} // namespace

StaffTable tableFromFile(const Reference<com::sun::star::uno::XComponentContext>& ctx, const OUString& url)
{
    OUString path;
    if (osl::FileBase::getSystemPathFromFileURL(url, path) != osl::FileBase::E_None)
        throwIllegal("chemin de fichier invalide", 0);
    const std::string p = toUtf8(path);
    if (endsWith(foldText(p), ".csv") || endsWith(foldText(p), ".txt")) {
        try {
            return readStaffTableFile(p);
        } catch (const std::exception& e) {
            throw lang::IllegalArgumentException(fromUtf8(e.what()), nullptr, 0);
        }
    }
    // A spreadsheet: opened hidden and read-only, first sheet's used area, closed again.
    Reference<frame::XDesktop2> desktop = frame::Desktop::create(ctx);
    Sequence<beans::PropertyValue> props(4);
    props[0] = prop("Hidden", Any(true));
    props[1] = prop("ReadOnly", Any(true));
    props[2] = prop("MacroExecutionMode", Any(sal_Int16(0)));
    rtl::Reference<RefusePasswords> handler = new RefusePasswords();
    props[3] = prop("InteractionHandler", Any(Reference<task::XInteractionHandler>(handler.get())));
    Reference<lang::XComponent> comp;
    try {
        comp = desktop->loadComponentFromURL(url, ascii("_blank"), 0, props);
    } catch (const com::sun::star::uno::Exception&) {
        // reported below, in French
    }
    Reference<sheet::XSpreadsheetDocument> doc(comp, UNO_QUERY);
    if (!doc.is()) {
        if (comp.is())
            comp->dispose();
        if (handler->askedPassword || passwordProtected(ctx, url, p))
            throwIllegal(
                "le classeur est protégé par un mot de passe : enregistrez-en une copie sans mot de passe "
                "(Fichier ▸ Enregistrer sous, décocher « Enregistrer avec mot de passe ») et donnez cette copie",
                0);
        throwIllegal("le tableau des effectifs ne s'ouvre pas comme un classeur (fichier endommagé ou d'un autre type)",
                     0);
    }
    Rows rows;
    try {
        Reference<container::XIndexAccess> sheets(doc->getSheets(), UNO_QUERY_THROW);
        Reference<sheet::XSpreadsheet> first(sheets->getByIndex(0), UNO_QUERY_THROW);
        Reference<sheet::XSheetCellCursor> cursor = first->createCursor();
        Reference<sheet::XUsedAreaCursor> used(cursor, UNO_QUERY_THROW);
        used->gotoStartOfUsedArea(false);
        used->gotoEndOfUsedArea(true);
        Reference<sheet::XCellRangeData> data(cursor, UNO_QUERY_THROW);
        rows = data->getDataArray();
    } catch (...) {
        Reference<util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
        throw;
    }
    Reference<util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
    return tableFromRows(rows);
}

StaffTable tableFromRows(const Rows& rows)
{
    std::string csv;
    for (const auto& row : rows) {
        for (sal_Int32 c = 0; c < row.getLength(); ++c) {
            rtl::OUString s;
            double d = 0;
            std::string cell;
            if (row[c] >>= s)
                cell = toUtf8(s);
            else if (row[c] >>= d)
                cell = toUtf8(rtl::OUString::number(d)); // '.' decimal: parseEtp reads it
            csv += (c ? ";" : "") + csvQuote(cell);
        }
        csv += "\n";
    }
    return readStaffTable(csv);
}

} // namespace cartoia::uno
