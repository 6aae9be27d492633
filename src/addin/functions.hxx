/* SPDX-License-Identifier: MPL-2.0 */
// UNO glue: the Calc add-in object. Converts arguments, calls the core, converts back.
#pragma once

#include <cppuhelper/implbase2.hxx>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <fr/cartoia/metiers/XFunctions.hpp>

#include "cartoia/function_table.hxx"

namespace cartoia::uno {

class Functions : public cppu::WeakImplHelper2<fr::cartoia::metiers::XFunctions, com::sun::star::lang::XServiceInfo> {
public:
    Functions() = default;

    // XFunctions
    com::sun::star::uno::Any SAL_CALL aiExposure(const rtl::OUString& isco, const com::sun::star::uno::Any& measure,
                                                 const com::sun::star::uno::Any& edition) override;
    com::sun::star::uno::Any SAL_CALL iscoLabel(const rtl::OUString& isco,
                                                const com::sun::star::uno::Any& lang) override;
    com::sun::star::uno::Any SAL_CALL iscoMap(const rtl::OUString& title, const com::sun::star::uno::Any& field,
                                              const com::sun::star::uno::Any& overrides) override;
    com::sun::star::uno::Any SAL_CALL metierMap(const rtl::OUString& title,
                                                const com::sun::star::uno::Any& field) override;
    com::sun::star::uno::Any SAL_CALL aiTask(const rtl::OUString& isco, const com::sun::star::uno::Any& n,
                                             const com::sun::star::uno::Any& field,
                                             const com::sun::star::uno::Any& edition) override;

    // XServiceInfo
    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    com::sun::star::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;
};

} // namespace cartoia::uno
