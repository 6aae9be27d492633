/* SPDX-License-Identifier: MPL-2.0 */
#include "panel.hxx"

#include "arguments.hxx"
#include "shared_data.hxx"
#include "staff_input.hxx"

#include "cartoia/workbook_contract.hxx"

#include <cmath>
#include <iterator>

#include <com/sun/star/accessibility/XAccessible.hpp>
#include <com/sun/star/awt/ContainerWindowProvider.hpp>
#include <com/sun/star/awt/XControl.hpp>
#include <com/sun/star/awt/XControlContainer.hpp>
#include <com/sun/star/awt/XFixedText.hpp>
#include <com/sun/star/awt/XListBox.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/container/XIndexAccess.hpp>
#include <com/sun/star/container/XNameAccess.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/sheet/XCellRangeData.hpp>
#include <com/sun/star/sheet/XSheetCellCursor.hpp>
#include <com/sun/star/sheet/XSheetCellRange.hpp>
#include <com/sun/star/sheet/XSpreadsheet.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/task/XStatusIndicatorFactory.hpp>
#include <com/sun/star/ui/UIElementType.hpp>
#include <com/sun/star/view/XSelectionSupplier.hpp>
#include <cppuhelper/supportsservice.hxx>
#include <fr/cartoia/metiers/XGenerator.hpp>
#include <osl/file.hxx>

namespace cartoia::uno {

using namespace com::sun::star;
using com::sun::star::uno::Any;
using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;

namespace {

// List boxes of the panel, in StaffField order.
const char* const kFieldLists[] = {"lbIntitule", "lbMetier", "lbCategorie",   "lbFiliere", "lbDirection",
                                   "lbService",  "lbEtp",    "lbIdentifiant", "lbCout"};
static_assert(std::size(kFieldLists) == kStaffFieldCount, "one list box per staff field");

Reference<awt::XControl> control(const Reference<awt::XWindow>& window, const char* name)
{
    Reference<awt::XControlContainer> c(window, UNO_QUERY_THROW);
    return c->getControl(ascii(name));
}

void setText(const Reference<awt::XWindow>& window, const char* name, const std::string& text)
{
    Reference<awt::XFixedText> t(control(window, name), UNO_QUERY);
    if (t.is())
        t->setText(fromUtf8(text));
}

// The staff table: the current region around the cursor of the document in this frame.
bool currentRegion(const Reference<frame::XFrame>& frame, Rows& rows, Reference<sheet::XSpreadsheetDocument>& doc)
{
    Reference<frame::XController> controller = frame->getController();
    if (!controller.is())
        return false;
    doc.set(controller->getModel(), UNO_QUERY);
    Reference<view::XSelectionSupplier> selection(controller, UNO_QUERY);
    if (!doc.is() || !selection.is())
        return false;
    Reference<sheet::XSheetCellRange> range(selection->getSelection(), UNO_QUERY);
    if (!range.is())
        return false;
    Reference<sheet::XSheetCellCursor> cursor = range->getSpreadsheet()->createCursorByRange(range);
    cursor->collapseToCurrentRegion();
    Reference<sheet::XCellRangeData> data(cursor, UNO_QUERY_THROW);
    rows = data->getDataArray();
    return rows.getLength() > 1;
}

} // namespace

// ---- handler ---------------------------------------------------------------------------------

PanelHandler::PanelHandler(const Reference<com::sun::star::uno::XComponentContext>& context,
                           const Reference<frame::XFrame>& frame)
    : context_(context), frame_(frame)
{
}

Sequence<OUString> PanelHandler::getSupportedMethodNames()
{
    Sequence<OUString> names(3);
    names[0] = ascii("onDetect");
    names[1] = ascii("onGenerate");
    names[2] = ascii("onFreeze");
    return names;
}

sal_Bool PanelHandler::callHandlerMethod(const Reference<awt::XWindow>& window, const Any&, const OUString& method)
{
    try {
        if (method == "onDetect")
            detect(window);
        else if (method == "onGenerate")
            generate(window);
        else if (method == "onFreeze")
            freeze(window);
        else
            return false;
    } catch (const lang::IllegalArgumentException& e) {
        setText(window, "lblResult", "Impossible : " + toUtf8(e.Message));
    } catch (const com::sun::star::uno::Exception& e) {
        setText(window, "lblResult", "Erreur : " + toUtf8(e.Message));
    } catch (const std::exception& e) {
        setText(window, "lblResult", std::string("Erreur : ") + e.what());
    }
    return true;
}

bool PanelHandler::detect(const Reference<awt::XWindow>& window)
{
    Rows rows;
    Reference<sheet::XSpreadsheetDocument> doc;
    StaffTable table;
    if (currentRegion(frame_, rows, doc))
        table = tableFromRows(rows);
    const bool found = !table.header.empty() && !table.rows.empty();
    Sequence<OUString> items(static_cast<sal_Int32>(table.header.size()) + 1);
    items[0] = fromUtf8("(aucune)");
    for (size_t i = 0; i < table.header.size(); ++i)
        items[static_cast<sal_Int32>(i) + 1] = fromUtf8(table.header[i]);
    for (size_t f = 0; f < kStaffFieldCount; ++f) {
        Reference<awt::XListBox> list(control(window, kFieldLists[f]), UNO_QUERY);
        if (!list.is())
            continue;
        list->removeItems(0, list->getItemCount());
        list->addItems(items, 0);
        list->selectItemPos(static_cast<sal_Int16>(table.mapping.columns[f] + 1), true);
    }
    if (found)
        setText(window, "lblTable",
                std::to_string(table.rows.size()) + " postes, en-tête ligne " + std::to_string(table.headerLine) +
                    " de la zone. Vérifiez les colonnes ci-dessous.");
    else
        setText(window, "lblTable", "Aucun tableau des effectifs autour du curseur : cliquez dans le tableau.");
    return found;
}

void PanelHandler::generate(const Reference<awt::XWindow>& window)
{
    Rows rows;
    Reference<sheet::XSpreadsheetDocument> source;
    if (!currentRegion(frame_, rows, source)) {
        setText(window, "lblResult", "Cliquez d'abord dans le tableau des effectifs.");
        return;
    }
    // Columns as shown in the lists (the user may have changed them); detect first if never done.
    Sequence<sal_Int32> columns(static_cast<sal_Int32>(kStaffFieldCount));
    Reference<awt::XListBox> first(control(window, kFieldLists[0]), UNO_QUERY_THROW);
    if (first->getItemCount() <= 1)
        detect(window);
    for (size_t f = 0; f < kStaffFieldCount; ++f) {
        Reference<awt::XListBox> list(control(window, kFieldLists[f]), UNO_QUERY_THROW);
        columns[static_cast<sal_Int32>(f)] = list->getSelectedItemPos() - 1; // "(aucune)" → -1
    }
    Reference<awt::XListBox> edition(control(window, "lbEdition"), UNO_QUERY_THROW);
    const sal_Int32 year = edition->getSelectedItemPos() == 1 ? 2023 : 2025;

    Reference<task::XStatusIndicatorFactory> indicators(frame_, UNO_QUERY);
    Sequence<beans::PropertyValue> options(4);
    options[0] = prop("Edition", Any(year));
    options[1] = prop("Columns", Any(columns));
    options[2] = prop("Hidden", Any(false));
    options[3] = prop("StatusIndicator", indicators.is() ? Any(indicators->createStatusIndicator()) : Any());
    setText(window, "lblResult", "Génération en cours…");

    Reference<fr::cartoia::metiers::XGenerator> generator(
        context_->getServiceManager()->createInstanceWithContext(ascii(kGeneratorName), context_), UNO_QUERY_THROW);
    Reference<sheet::XSpreadsheetDocument> result = generator->generateFromRows(rows, options);

    // Report: posts, then what to check (sheet « À vérifier »).
    namespace P = contract::postes;
    Reference<container::XNameAccess> sheets(result->getSheets(), UNO_QUERY_THROW);
    Reference<sheet::XSpreadsheet> postes(sheets->getByName(fromUtf8(contract::sheet::postes)), UNO_QUERY_THROW);
    Rows ids = Workbook::read(postes, table::CellRangeAddress(0, P::identifiant, P::modelRow, P::identifiant,
                                                              P::modelRow + rows.getLength() - 1));
    int posts = 0;
    for (sal_Int32 r = 0; r < ids.getLength(); ++r) {
        OUString id;
        if ((ids[r][0] >>= id) && !id.isEmpty())
            ++posts;
    }
    const std::string text = "Cartographie créée : " + std::to_string(posts) + " postes (édition " +
                             std::to_string(year) + "). " + toUtf8(generator->reviewReport(result));
    setText(window, "lblResult", text);
}

void PanelHandler::freeze(const Reference<awt::XWindow>& window)
{
    Reference<frame::XController> controller = frame_->getController();
    Reference<sheet::XSpreadsheetDocument> doc(controller.is() ? controller->getModel() : nullptr, UNO_QUERY);
    Reference<beans::XPropertySet> props(doc, UNO_QUERY);
    Reference<container::XNameAccess> names;
    if (props.is())
        props->getPropertyValue(ascii("NamedRanges")) >>= names;
    if (!names.is() || !names->hasByName(ascii(contract::names::postes_modele))) {
        setText(window, "lblResult", "« Figer les valeurs » s'applique à un classeur de cartographie généré.");
        return;
    }
    Reference<fr::cartoia::metiers::XGenerator> generator(
        context_->getServiceManager()->createInstanceWithContext(ascii(kGeneratorName), context_), UNO_QUERY_THROW);
    generator->freezeValues(doc);
    setText(window, "lblResult",
            "Valeurs figées : le classeur ne contient plus de formules (plus léger) et peut être "
            "enregistré en .xlsx (Fichier ▸ Enregistrer sous).");
}

// ---- element ---------------------------------------------------------------------------------

PanelElement::PanelElement(const Reference<com::sun::star::uno::XComponentContext>& context, const OUString& url,
                           const Reference<frame::XFrame>& frame, const Reference<awt::XWindow>& parent)
    : url_(url), frame_(frame)
{
    OUString dialog;
    osl::FileBase::getFileURLFromSystemPath(fromUtf8(libraryFolder() + "/dialogs/Panel.xdl"), dialog);
    Reference<awt::XContainerWindowProvider> provider = awt::ContainerWindowProvider::create(context);
    Reference<PanelHandler> handler(new PanelHandler(context, frame));
    window_ = provider->createContainerWindow(
        dialog, OUString(), Reference<awt::XWindowPeer>(parent, UNO_QUERY_THROW),
        Reference<com::sun::star::uno::XInterface>(static_cast<cppu::OWeakObject*>(handler.get())));
    window_->setVisible(true);
    handler->detect(window_); // show what was understood right away
}

sal_Int16 PanelElement::getType() { return ui::UIElementType::TOOLPANEL; }

Reference<com::sun::star::uno::XInterface> PanelElement::getRealInterface()
{
    return static_cast<ui::XToolPanel*>(this);
}

Reference<accessibility::XAccessible> PanelElement::createAccessible(const Reference<accessibility::XAccessible>&)
{
    return Reference<accessibility::XAccessible>(window_, UNO_QUERY);
}

ui::LayoutSize PanelElement::getHeightForWidth(sal_Int32)
{
    const sal_Int32 h = window_.is() ? window_->getPosSize().Height : 400;
    return ui::LayoutSize(h, h, h);
}

// The dialog's own width: the sidebar widens to fit it whatever the font.
sal_Int32 PanelElement::getMinimalWidth() { return window_.is() ? window_->getPosSize().Width : 280; }

// ---- factory ---------------------------------------------------------------------------------

PanelFactory::PanelFactory(const Reference<com::sun::star::uno::XComponentContext>& context) : context_(context) {}

Reference<ui::XUIElement> PanelFactory::createUIElement(const OUString& url, const Sequence<beans::PropertyValue>& args)
{
    Reference<frame::XFrame> frame;
    Reference<awt::XWindow> parent;
    for (const beans::PropertyValue& a : args) {
        if (a.Name == "Frame")
            a.Value >>= frame;
        else if (a.Name == "ParentWindow")
            a.Value >>= parent;
    }
    if (!frame.is() || !parent.is())
        throw lang::IllegalArgumentException(ascii("the sidebar panel needs Frame and ParentWindow"), nullptr, 1);
    return new PanelElement(context_, url, frame, parent);
}

OUString PanelFactory::getImplementationName() { return ascii(kPanelFactoryName); }

sal_Bool PanelFactory::supportsService(const OUString& name) { return cppu::supportsService(this, name); }

Sequence<OUString> PanelFactory::getSupportedServiceNames() { return asciiNames(kPanelFactoryServices); }

} // namespace cartoia::uno
