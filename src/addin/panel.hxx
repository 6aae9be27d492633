/* SPDX-License-Identifier: MPL-2.0 */
// The "Cartographie IA" sidebar panel: detects the staff table around the cursor, lets the user
// check the columns and the edition, and calls the generation service.
#pragma once

#include <cppuhelper/implbase1.hxx>
#include <cppuhelper/implbase2.hxx>
#include <cppuhelper/implbase3.hxx>
#include <com/sun/star/awt/XContainerWindowEventHandler.hpp>
#include <com/sun/star/awt/XWindow.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/ui/XSidebarPanel.hpp>
#include <com/sun/star/ui/XToolPanel.hpp>
#include <com/sun/star/ui/XUIElement.hpp>
#include <com/sun/star/ui/XUIElementFactory.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>

#include "cartoia/function_table.hxx"

namespace cartoia::uno {

class PanelFactory
    : public cppu::WeakImplHelper2<com::sun::star::ui::XUIElementFactory, com::sun::star::lang::XServiceInfo> {
public:
    explicit PanelFactory(const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context);

    com::sun::star::uno::Reference<com::sun::star::ui::XUIElement> SAL_CALL
    createUIElement(const rtl::OUString& url,
                    const com::sun::star::uno::Sequence<com::sun::star::beans::PropertyValue>& args) override;

    rtl::OUString SAL_CALL getImplementationName() override;
    sal_Bool SAL_CALL supportsService(const rtl::OUString& name) override;
    com::sun::star::uno::Sequence<rtl::OUString> SAL_CALL getSupportedServiceNames() override;

private:
    com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext> context_;
};

// Button actions of the panel window (dialogs/Panel.xdl).
class PanelHandler : public cppu::WeakImplHelper1<com::sun::star::awt::XContainerWindowEventHandler> {
public:
    PanelHandler(const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
                 const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame);

    sal_Bool SAL_CALL callHandlerMethod(const com::sun::star::uno::Reference<com::sun::star::awt::XWindow>& window,
                                        const com::sun::star::uno::Any& event, const rtl::OUString& method) override;
    com::sun::star::uno::Sequence<rtl::OUString> SAL_CALL getSupportedMethodNames() override;

    // Fills the column lists from the table around the cursor; false when there is none.
    bool detect(const com::sun::star::uno::Reference<com::sun::star::awt::XWindow>& window);

private:
    void generate(const com::sun::star::uno::Reference<com::sun::star::awt::XWindow>& window);
    void freeze(const com::sun::star::uno::Reference<com::sun::star::awt::XWindow>& window);

    com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext> context_;
    com::sun::star::uno::Reference<com::sun::star::frame::XFrame> frame_;
};

class PanelElement : public cppu::WeakImplHelper3<com::sun::star::ui::XUIElement, com::sun::star::ui::XToolPanel,
                                                  com::sun::star::ui::XSidebarPanel> {
public:
    PanelElement(const com::sun::star::uno::Reference<com::sun::star::uno::XComponentContext>& context,
                 const rtl::OUString& url, const com::sun::star::uno::Reference<com::sun::star::frame::XFrame>& frame,
                 const com::sun::star::uno::Reference<com::sun::star::awt::XWindow>& parent);

    // XUIElement
    com::sun::star::uno::Reference<com::sun::star::frame::XFrame> SAL_CALL getFrame() override { return frame_; }
    rtl::OUString SAL_CALL getResourceURL() override { return url_; }
    sal_Int16 SAL_CALL getType() override;
    com::sun::star::uno::Reference<com::sun::star::uno::XInterface> SAL_CALL getRealInterface() override;
    // XToolPanel
    com::sun::star::uno::Reference<com::sun::star::awt::XWindow> SAL_CALL getWindow() override { return window_; }
    com::sun::star::uno::Reference<com::sun::star::accessibility::XAccessible> SAL_CALL
    createAccessible(const com::sun::star::uno::Reference<com::sun::star::accessibility::XAccessible>& parent) override;
    // XSidebarPanel
    com::sun::star::ui::LayoutSize SAL_CALL getHeightForWidth(sal_Int32 width) override;
    sal_Int32 SAL_CALL getMinimalWidth() override;

private:
    rtl::OUString url_;
    com::sun::star::uno::Reference<com::sun::star::frame::XFrame> frame_;
    com::sun::star::uno::Reference<com::sun::star::awt::XWindow> window_;
};

} // namespace cartoia::uno
