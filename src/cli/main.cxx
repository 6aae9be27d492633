/* SPDX-License-Identifier: MPL-2.0 */
// carto-ia generate <staff.csv|.ods|.xlsx> -o <out.ods|out.xlsx> [options]   (carto-ia --help)
// Starts a headless LibreOffice with the extension in a private profile and generates the
// cartography workbook. The staff table is only read.
#include "office.hxx"

#include "cartoia/function_table.hxx"

#include "cartoia/staff_table.hpp"
#include "cartoia/text_fold.hpp"
#include "cartoia/text_util.hpp"

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>
#include <unistd.h>

#include <boost/program_options.hpp>

#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/io/IOException.hpp>
#include <com/sun/star/lang/IllegalArgumentException.hpp>
#include <com/sun/star/lang/XMultiComponentFactory.hpp>
#include <com/sun/star/util/XCloseable.hpp>
#include <fr/cartoia/metiers/XGenerator.hpp>
#include <osl/file.hxx>

using namespace com::sun::star;
using com::sun::star::uno::Any;
using com::sun::star::uno::Reference;
using com::sun::star::uno::Sequence;
using com::sun::star::uno::UNO_QUERY;
using com::sun::star::uno::UNO_QUERY_THROW;
using rtl::OUString;
namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace {

// Longest wait for another run using the same profile.
constexpr int kProfileWaitSeconds = 600;

struct Args {
    std::string input, output, pdf, oxt, profile;
    int edition = 2025;
    bool force = false;
    bool pdfAll = false;
    bool freeze = false;
};

// Case- and accent-insensitive test of a file name's ending (".ods", ".xlsx", ".csv").
bool hasExtension(const std::string& path, const char* ext) { return cartoia::endsWith(cartoia::foldText(path), ext); }

std::string exeDir()
{
    std::error_code ec;
    fs::path p = fs::read_symlink("/proc/self/exe", ec);
    return ec ? std::string(".") : p.parent_path().string();
}

// The .oxt next to the build tree or an installed copy; --oxt and CARTOIA_OXT win.
std::string findOxt(const std::string& given)
{
    if (!given.empty())
        return given;
    if (const char* env = std::getenv("CARTOIA_OXT"))
        return env;
    for (const char* rel : {"/../../carto-ia-metiers.oxt", "/../share/carto-ia/carto-ia-metiers.oxt"}) {
        fs::path p = fs::path(exeDir() + rel).lexically_normal();
        if (fs::exists(p))
            return p.string();
    }
    return {};
}

std::string typesRdb(const std::string& oxt)
{
    // Shipped beside the .oxt in the build tree (idl/) or installed (share/carto-ia/).
    for (const fs::path& p : {fs::path(oxt).parent_path() / "idl" / "carto-ia-metiers.rdb",
                              fs::path(oxt).parent_path() / "carto-ia-metiers.rdb"})
        if (fs::exists(p))
            return p.string();
    return {};
}

std::string defaultProfile()
{
    const char* cache = std::getenv("XDG_CACHE_HOME");
    const char* home = std::getenv("HOME");
    fs::path base = cache && *cache ? fs::path(cache) : fs::path(home ? home : "/tmp") / ".cache";
    return (base / "carto-ia" / "profile").string();
}

beans::PropertyValue prop(const char* name, const Any& v)
{
    beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = v;
    return p;
}

// A bad command line: its French message goes to stderr with a pointer to --help, exit status 2.
struct UsageError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// The options --help lists; values go straight into `a`.
po::options_description visibleOptions(Args& a, std::string& edition)
{
    po::options_description d("Options");
    d.add_options()("output,o", po::value(&a.output)->value_name("sortie.ods"),
                    "classeur à écrire (obligatoire) : .ods vivant (formules qui suivent les corrections) ou .xlsx figé")(
        "figer", po::bool_switch(&a.freeze),
        "formules remplacées par leurs valeurs : un classeur plus léger, qui ne suit plus les corrections (une "
        "sortie .xlsx est toujours figée)")("pdf", po::value(&a.pdf)->value_name("sortie.pdf"),
                           "écrit aussi le PDF des feuilles de synthèse")(
        "pdf-tout", po::bool_switch(&a.pdfAll), "le PDF contient aussi la liste des postes et celle des tâches")(
        "edition", po::value(&edition)->value_name("2023|2025"), "édition des scores de l'OIT (2025 par défaut)")(
        "oxt", po::value(&a.oxt)->value_name("fichier.oxt"),
        "extension à installer (par défaut : $CARTOIA_OXT ou celle livrée avec carto-ia)")(
        "profile", po::value(&a.profile)->value_name("dossier"),
        "profil LibreOffice privé (par défaut dans ~/.cache/carto-ia)")(
        "force", po::bool_switch(&a.force), "remplace une sortie existante (jamais le tableau d'entrée)")(
        "help,h", "affiche cette aide")("version", "affiche la version");
    return d;
}

std::string helpText(const po::options_description& options)
{
    std::ostringstream out;
    out << "usage : carto-ia generate <tableau> -o <sortie.ods|sortie.xlsx> [options]\n"
           "Cartographie des métiers exposés à l'IA générative (scores de l'OIT) à partir\n"
           "d'un tableau des effectifs (.csv, .ods ou .xlsx), qui n'est jamais modifié.\n\n"
        << options;
    return out.str();
}

// A repeated option keeps its last value.
void keepLastOccurrences(std::vector<po::option>& options)
{
    std::set<std::string> seen;
    std::vector<po::option> kept;
    for (auto it = options.rbegin(); it != options.rend(); ++it)
        if (it->position_key >= 0 || seen.insert(it->string_key).second)
            kept.insert(kept.begin(), *it);
    options.swap(kept);
}

// Fills `a` from the command line. Returns false when --help or --version was answered instead.
// Throws UsageError.
bool parse(int argc, char** argv, Args& a)
{
    std::string edition = "2025";
    std::vector<std::string> words; // the command, then the staff table
    po::options_description visible = visibleOptions(a, edition);
    po::options_description all;
    all.add(visible).add_options()("words", po::value(&words));
    po::positional_options_description positional;
    positional.add("words", -1);
    po::variables_map vm;
    try {
        po::parsed_options parsed =
            po::command_line_parser(argc, argv)
                .options(all)
                .positional(positional)
                .style(po::command_line_style::default_style & ~po::command_line_style::allow_guessing)
                .run();
        keepLastOccurrences(parsed.options);
        po::store(parsed, vm);
        po::notify(vm);
    } catch (const po::unknown_option& e) {
        throw UsageError("option inconnue : " + e.get_option_name());
    } catch (const po::invalid_command_line_syntax& e) {
        if (e.kind() == po::invalid_command_line_syntax::missing_parameter ||
            e.kind() == po::invalid_command_line_syntax::empty_adjacent_parameter)
            throw UsageError("valeur manquante pour l'option " + e.get_option_name());
        if (e.kind() == po::invalid_command_line_syntax::extra_parameter)
            throw UsageError("l'option " + e.get_option_name() + " ne prend pas de valeur");
        throw UsageError(std::string("ligne de commande incorrecte : ") + e.what());
    } catch (const po::error& e) {
        throw UsageError(std::string("ligne de commande incorrecte : ") + e.what());
    }
    if (vm.count("help")) {
        std::cout << helpText(visible);
        return false;
    }
    if (vm.count("version")) {
        std::cout << "carto-ia " << CARTOIA_VERSION << "\n";
        return false;
    }
    if (words.empty())
        throw UsageError("commande manquante : carto-ia generate <tableau> -o <sortie.ods>");
    if (words[0] != "generate")
        throw UsageError("commande inconnue : " + words[0] + " (la seule commande est generate)");
    if (words.size() < 2)
        throw UsageError("tableau des effectifs manquant : carto-ia generate <tableau> -o <sortie.ods>");
    if (words.size() > 2)
        throw UsageError("argument en trop : " + words[2]);
    a.input = words[1];
    if (a.output.empty())
        throw UsageError("classeur de sortie manquant : indiquez -o sortie.ods (ou sortie.xlsx)");
    if (edition != "2023" && edition != "2025")
        throw UsageError("édition inconnue : « " + edition + " » (2023 ou 2025)");
    a.edition = std::stoi(edition);
    return true;
}

// What was understood of a CSV staff table, in French, before LibreOffice starts. Throws when
// nothing usable was found, so that no office is started for it.
void describeCsv(const std::string& path)
{
    cartoia::StaffTable t = cartoia::readStaffTableFile(path);
    std::cout << "Tableau : " << t.rows.size() << " postes, en-tête ligne " << t.headerLine << ", séparateur « "
              << (t.separator == '\t' ? std::string("tabulation") : std::string(1, t.separator)) << " », encodage "
              << t.encoding << "\n";
    std::cout << "Colonnes : " << cartoia::describeMapping(t.mapping, t.header) << "\n";
    for (const std::string& w : t.warnings)
        std::cout << "Attention : " << w << "\n";
    std::cout.flush();
    if (t.header.empty() || t.rows.empty())
        throw std::runtime_error("aucun poste lisible dans " + path +
                                 " : il faut une ligne d'en-tête (intitulé, métier, "
                                 "catégorie…) puis une ligne par poste");
    if (!t.mapping.has(cartoia::StaffField::Intitule) && !t.mapping.has(cartoia::StaffField::Metier))
        throw std::runtime_error("le tableau n'a ni colonne d'intitulé de poste ni colonne de métier");
}

// Same file, also through a link or a path not written the same way (the output may not exist yet).
bool sameFile(const fs::path& a, const fs::path& b)
{
    std::error_code ec;
    if (fs::exists(a, ec) && fs::exists(b, ec))
        return fs::equivalent(a, b, ec);
    return fs::weakly_canonical(a, ec) == fs::weakly_canonical(b, ec);
}

// Refuses, before any work, an output that would replace the input or another output, or that
// cannot be written.
void checkOutputs(const Args& a)
{
    std::vector<std::string> outs{a.output};
    if (!a.pdf.empty())
        outs.push_back(a.pdf);
    for (const std::string& out : outs)
        if (sameFile(a.input, out))
            throw std::runtime_error("la sortie " + out + " écraserait le tableau d'entrée " + a.input +
                                     " : choisissez un autre nom");
    if (!hasExtension(a.output, ".ods") && !hasExtension(a.output, ".xlsx"))
        throw std::runtime_error("le classeur de sortie doit se terminer par .ods ou .xlsx : " + a.output);
    if (outs.size() == 2 && sameFile(outs[0], outs[1]))
        throw std::runtime_error("le classeur et le PDF ne peuvent pas avoir le même nom (" + a.output + ")");
    for (const std::string& out : outs) {
        const fs::path dir = fs::absolute(out).parent_path();
        if (!fs::is_directory(dir))
            throw std::runtime_error("le dossier " + dir.string() + " n'existe pas");
        if (access(dir.c_str(), W_OK) != 0)
            throw std::runtime_error("le dossier " + dir.string() + " n'est pas accessible en écriture");
        if (fs::exists(out)) {
            if (fs::is_directory(out))
                throw std::runtime_error(out + " est un dossier : indiquez un nom de fichier");
            if (!a.force)
                throw std::runtime_error(out + " existe déjà (--force pour le remplacer)");
            if (access(out.c_str(), W_OK) != 0)
                throw std::runtime_error(out + " est en lecture seule : il n'est pas remplacé");
        }
    }
}

// A hidden file beside `out`, renamed over it once complete: an interrupted run leaves no
// half-written file and never damages an existing one.
class PendingOutput {
public:
    explicit PendingOutput(const std::string& out) : final_(out)
    {
        const fs::path p = fs::absolute(out);
        temp_ = (p.parent_path() / ("." + p.filename().string() + ".carto-ia-" + std::to_string(getpid()))).string();
        cartoia::cli::removeOnSignal(temp_);
    }
    ~PendingOutput()
    {
        std::error_code ec;
        if (!committed_)
            fs::remove(temp_, ec);
        cartoia::cli::forgetOnSignal(temp_);
    }
    PendingOutput(const PendingOutput&) = delete;
    PendingOutput& operator=(const PendingOutput&) = delete;
    const std::string& temp() const { return temp_; }
    void commit()
    {
        fs::rename(temp_, final_);
        committed_ = true;
    }

private:
    std::string final_, temp_;
    bool committed_ = false;
};

std::string utf8(const OUString& s) { return rtl::OUStringToOString(s, RTL_TEXTENCODING_UTF8).getStr(); }

} // namespace

int main(int argc, char** argv)
{
    Args a;
    try {
        if (argc < 2) {
            std::string edition;
            std::cerr << helpText(visibleOptions(a, edition));
            return 2;
        }
        if (!parse(argc, argv, a))
            return 0;
    } catch (const UsageError& e) {
        std::cerr << "carto-ia : " << e.what() << "\ncarto-ia --help pour l'aide\n";
        return 2;
    }
    cartoia::cli::installSignalCleanup();
    try {
        if (!fs::exists(a.input))
            throw std::runtime_error("fichier introuvable : " + a.input);
        if (!fs::is_regular_file(a.input))
            throw std::runtime_error(a.input + " n'est pas un fichier");
        checkOutputs(a);
        const std::string oxt = findOxt(a.oxt);
        if (oxt.empty() || !fs::exists(oxt))
            throw std::runtime_error("extension introuvable : indiquez --oxt chemin/carto-ia-metiers.oxt");
        const std::string rdb = typesRdb(oxt);
        if (rdb.empty())
            throw std::runtime_error("carto-ia-metiers.rdb introuvable à côté de " + oxt);
        if (hasExtension(a.input, ".csv") || hasExtension(a.input, ".txt"))
            describeCsv(a.input);

        const std::string profile = a.profile.empty() ? defaultProfile() : a.profile;
        cartoia::cli::ProfileLock lock(profile, kProfileWaitSeconds);
        // The extension is (re)installed when the .oxt changed; an office restart makes it live.
        const fs::path stamp = fs::path(profile) / ".carto-ia-oxt";
        const std::string oxtId = std::to_string(fs::file_size(oxt)) + ":" +
                                  std::to_string(fs::last_write_time(oxt).time_since_epoch().count());
        std::string installed;
        if (std::ifstream in(stamp); in)
            std::getline(in, installed);
        auto t0 = std::chrono::steady_clock::now();
        if (installed != oxtId) {
            cartoia::cli::Office setup(profile, rdb);
            setup.installExtension(oxt);
            setup.stop();
            std::ofstream(stamp) << oxtId << "\n";
        }
        cartoia::cli::Office office(profile, rdb);
        auto t1 = std::chrono::steady_clock::now();
        Reference<fr::cartoia::metiers::XGenerator> gen(
            office.context()->getServiceManager()->createInstanceWithContext(
                OUString::createFromAscii(cartoia::uno::kGeneratorName), office.context()),
            UNO_QUERY);
        if (!gen.is())
            throw std::runtime_error("le service de génération n'est pas disponible (extension mal installée ?)");
        Sequence<beans::PropertyValue> opts(2);
        // Not hidden: a view is what keeps frozen panes and the active sheet (headless shows nothing anyway).
        opts[0] = prop("Hidden", Any(false));
        opts[1] = prop("Edition", Any(static_cast<sal_Int32>(a.edition)));
        Reference<sheet::XSpreadsheetDocument> doc = gen->generateFromFile(cartoia::cli::fileUrl(a.input), opts);
        Reference<frame::XStorable> store(doc, UNO_QUERY_THROW);
        const std::string review = utf8(gen->reviewReport(doc));
        // Excel cannot compute the extension's functions: an .xlsx is always written frozen.
        const bool xlsx = hasExtension(a.output, ".xlsx");
        if (a.freeze || xlsx)
            gen->freezeValues(doc);
        const auto generated = std::chrono::steady_clock::now();
        PendingOutput ods(a.output);
        Sequence<beans::PropertyValue> odsProps(2);
        odsProps[0] = prop("FilterName", Any(OUString::createFromAscii(xlsx ? "Calc MS Excel 2007 XML" : "calc8")));
        odsProps[1] = prop("Overwrite", Any(true));
        store->storeToURL(cartoia::cli::fileUrl(ods.temp()), odsProps);
        std::unique_ptr<PendingOutput> pdf;
        if (!a.pdf.empty()) {
            pdf = std::make_unique<PendingOutput>(a.pdf);
            gen->exportPdf(doc, cartoia::cli::fileUrl(pdf->temp()), a.pdfAll);
        }
        Reference<util::XCloseable>(doc, UNO_QUERY_THROW)->close(true);
        ods.commit();
        if (pdf)
            pdf->commit();
        auto t2 = std::chrono::steady_clock::now();
        office.stop();
        auto secs = [](auto d) { return std::chrono::duration<double>(d).count(); };
        std::cout << "Écrit : " << a.output
                  << (a.freeze || xlsx ? " (figé : valeurs seules, sans formules)" : " (vivant : formules qui suivent les corrections)")
                  << (a.pdf.empty() ? "" : " et " + a.pdf) << " (démarrage de LibreOffice " << secs(t1 - t0)
                  << " s, génération " << secs(generated - t1) << " s, enregistrement " << secs(t2 - generated)
                  << " s)\n"
                  << "À vérifier : " << review << "\n"
                  << "Rappel : ces résultats sont un majorant (méthode OIT, freins matériels et culturels ignorés).\n";
    } catch (const lang::IllegalArgumentException& e) {
        // The generation service's own messages, in French.
        std::cerr << "carto-ia : " << utf8(e.Message) << "\n";
        return 1;
    } catch (const io::IOException& e) {
        std::cerr << "carto-ia : l'écriture a échoué (disque plein ou dossier protégé ?) : " << utf8(e.Message) << "\n";
        return 1;
    } catch (const uno::Exception& e) {
        std::cerr << "carto-ia : LibreOffice a signalé une erreur : " << utf8(e.Message) << "\n";
        return 1;
    } catch (const fs::filesystem_error& e) {
        std::cerr << "carto-ia : opération sur un fichier impossible : " << e.path1().string() << " ("
                  << e.code().message() << ")\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "carto-ia : " << e.what() << "\n";
        return 1;
    }
    return 0;
}
