/* SPDX-License-Identifier: MPL-2.0 */
// UNO service fr.cartoia.metiers.Generator: staff table → cartography workbook (template filled,
// live formulas, DataPilot tables, charts). Used by the sidebar panel and by carto-ia.
#pragma once

#include <cppuhelper/implbase2.hxx>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <fr/cartoia/metiers/XGenerator.hpp>

#include "cartoia/function_table.hxx"

namespace cartoia::uno {

class Generator : public cppu::WeakImplHelper2<fr::cartoia::metiers::XGenerator, com::sun::star::lang::XServiceInfo> {
public:
    explicit Generator(const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context);

    // XGenerator
    com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument> SAL_CALL
    generateFromFile(const rtl::OUString& staffFileUrl,
                     const com::sun::star::uno::Sequence<com::sun::star::beans::PropertyValue>& options) override;
    com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument> SAL_CALL
    generateFromRows(const com::sun::star::uno::Sequence<com::sun::star::uno::Sequence<com::sun::star::uno::Any>>& rows,
                     const com::sun::star::uno::Sequence<com::sun::star::beans::PropertyValue>& options) override;
    void SAL_CALL
    freezeValues(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& document) override;
    rtl::OUString SAL_CALL
    reviewReport(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& document) override;
    void SAL_CALL exportPdf(const com::sun::star::uno::Reference<com::sun::star::sheet::XSpreadsheetDocument>& document,
                            const rtl::OUString& url, sal_Bool allSheets) override;

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    com::sun::star::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

private:
    com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext> context_;
};

} // namespace cartoia::uno
