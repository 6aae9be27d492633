/* SPDX-License-Identifier: MPL-2.0 */
// Component entry point: the factories of the implementations in function_table.hxx.
#include "arguments.hxx"
#include "functions.hxx"
#include "generator.hxx"
#include "panel.hxx"

#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>

using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::XComponentContext;
using com::sun::star::uno::XInterface;
using rtl::OUString;

namespace {

Reference<XInterface> SAL_CALL create(const Reference<XComponentContext>&)
{
    return static_cast<cppu::OWeakObject*>(new cartoia::uno::Functions());
}

OUString SAL_CALL implementationName() { return OUString::createFromAscii(cartoia::uno::kFunctionsName); }

Sequence<OUString> SAL_CALL serviceNames() { return cartoia::uno::asciiNames(cartoia::uno::kFunctionsServices); }

Reference<XInterface> SAL_CALL createGenerator(const Reference<XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new cartoia::uno::Generator(context));
}

OUString SAL_CALL generatorName() { return OUString::createFromAscii(cartoia::uno::kGeneratorName); }

Sequence<OUString> SAL_CALL generatorServices() { return cartoia::uno::asciiNames(cartoia::uno::kGeneratorServices); }

Reference<XInterface> SAL_CALL createPanelFactory(const Reference<XComponentContext>& context)
{
    return static_cast<cppu::OWeakObject*>(new cartoia::uno::PanelFactory(context));
}

OUString SAL_CALL panelFactoryName() { return OUString::createFromAscii(cartoia::uno::kPanelFactoryName); }

Sequence<OUString> SAL_CALL panelFactoryServices()
{
    return cartoia::uno::asciiNames(cartoia::uno::kPanelFactoryServices);
}

const cppu::ImplementationEntry kEntries[] = {
    {create, implementationName, serviceNames, cppu::createSingleComponentFactory, nullptr, 0},
    {createGenerator, generatorName, generatorServices, cppu::createSingleComponentFactory, nullptr, 0},
    {createPanelFactory, panelFactoryName, panelFactoryServices, cppu::createSingleComponentFactory, nullptr, 0},
    {nullptr, nullptr, nullptr, nullptr, nullptr, 0}};

} // namespace

extern "C" SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* implName, void* serviceManager,
                                                                    void* registryKey)
{
    return cppu::component_getFactoryHelper(implName, serviceManager, registryKey, kEntries);
}
