// SPDX-License-Identifier: MPL-2.0
// foldText (ICU folding to lower-case ASCII keys) and trimText.
#include "cartoia/text_fold.hpp"

#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <unicode/utf8.h>

namespace detail = cartoia::detail;
using cartoia::foldText;
using cartoia::trimText;

TEST(FoldText, LowerCaseAscii)
{
    EXPECT_EQ(foldText("Agent D'ACCUEIL"), "agent d'accueil");
    EXPECT_EQ(foldText(""), "");
}

TEST(FoldText, LowerCaseAccents)
{
    EXPECT_EQ(foldText("\xC3\xA9 \xC3\xA8 \xC3\xAA \xC3\xAB \xC3\xA0 \xC3\xA7 \xC3\xB4 \xC3\xAE \xC3\xB9"),
              "e e e e a c o i u"); // é è ê ë à ç ô î ù
    EXPECT_EQ(foldText("Chargée d'opérations"), "chargee d'operations");
}

TEST(FoldText, UpperCaseAccents)
{
    EXPECT_EQ(foldText("\xC3\x89"
                       "COLE"),
              "ecole"); // ÉCOLE
    EXPECT_EQ(foldText("\xC3\x80 \xC3\x87"
                       "A \xC3\x8E"
                       "LE"),
              "a ca ile"); // À ÇA ÎLE
}

TEST(FoldText, DecomposedInputEqualsPrecomposed)
{
    EXPECT_EQ(foldText("e\xCC\x81t\xC3\xA9"), "ete"); // e + U+0301 combining acute, then é
}

TEST(FoldText, Ligatures)
{
    EXPECT_EQ(foldText("\xC5\x92uvre"), "oeuvre"); // Œuvre
    EXPECT_EQ(foldText("c\xC5\x93ur"), "coeur");   // cœur
    EXPECT_EQ(foldText("\xC3\xA6"
                       "quo"),
              "aequo");                    // æquo
    EXPECT_EQ(foldText("\xC3\x86"), "ae"); // Æ
    EXPECT_EQ(foldText("\xEF\xAC\x81"
                       "che"),
              "fiche"); // U+FB01 ﬁ (compatibility)
}

TEST(FoldText, SharpS)
{
    EXPECT_EQ(foldText("Stra\xC3\x9F"
                       "e"),
              "strasse");
}

TEST(FoldText, NoBreakSpacesBecomeSpaces)
{
    EXPECT_EQ(foldText("a\xC2\xA0"
                       "b"),
              "a b"); // U+00A0
    EXPECT_EQ(foldText("a\xE2\x80\xAF"
                       "b"),
              "a b"); // U+202F narrow no-break space
}

TEST(FoldText, TypographicApostrophe)
{
    EXPECT_EQ(foldText("Chargé d\xE2\x80\x99"
                       "accueil"),
              "charge d'accueil"); // ’
    EXPECT_EQ(foldText("d\xE2\x80\x99"
                       "accueil"),
              foldText("d'accueil"));
}

TEST(FoldText, ControlCharactersBecomeSpaces)
{
    EXPECT_EQ(foldText("a\tb\nc\rd\x01"
                       "e\x7f"
                       "f"),
              "a b c d e f"); // ASCII path
    EXPECT_EQ(foldText("\xC3\xA9\tb\nc\x01"
                       "d\x7f"
                       "e"),
              "e b c d e");                   // ICU path
    EXPECT_EQ(foldText("x\xC2\x85y"), "x y"); // U+0085 NEL (C1 control)
}

TEST(FoldText, InvalidUtf8BytesAreDropped)
{
    EXPECT_EQ(foldText("abc\xFF"
                       "def"),
              "abcdef");
    EXPECT_EQ(foldText("caf\xC3"), "caf");               // truncated sequence
    EXPECT_EQ(foldText("\xC3\xA9t\xC3\xA9\x80"), "ete"); // stray continuation byte
}

TEST(FoldText, AsciiFastPathEqualsIcuPath)
{
    // Every ASCII byte, folded alone (fast path) and next to a non-ASCII letter (ICU path).
    for (int c = 0; c < 0x80; ++c) {
        std::string s(1, static_cast<char>(c));
        std::string ascii = foldText(s);
        std::string icu = foldText("\xC3\xA9" + s); // "é" forces the ICU path
        EXPECT_EQ("e" + ascii, icu) << "byte 0x" << std::hex << c;
    }
    const char* samples[] = {"Agent", "AGENT D'ACCUEIL (H/F)", "Resp. RH - 35h", "x_y~z^`{}|", "\tTab\n"};
    for (const char* s : samples)
        EXPECT_EQ("e" + foldText(s), foldText(std::string("\xC3\x89") + s)) << s; // "É"
}

TEST(FoldText, MixedStringsFoldAlike)
{
    EXPECT_EQ(foldText("Agent"), foldText("AGENT"));
    EXPECT_EQ(foldText("Agent d'accueil"), foldText("AGENT D\xE2\x80\x99"
                                                    "ACCUEIL"));
    EXPECT_EQ(foldText("Policière municipale"), foldText("POLICIERE MUNICIPALE"));
    EXPECT_EQ(foldText("\xC3\x89"
                       "ducateur"),
              foldText("educateur"));
}

TEST(TrimText, AsciiWhiteSpace)
{
    EXPECT_EQ(trimText("  abc  "), "abc");
    EXPECT_EQ(trimText("\t\r\n x y \n"), "x y"); // inner spaces kept
    EXPECT_EQ(trimText("abc"), "abc");
    EXPECT_EQ(trimText(""), "");
    EXPECT_EQ(trimText(" \t\n "), "");
}

TEST(TrimText, NoBreakSpaces)
{
    EXPECT_EQ(trimText("\xC2\xA0"
                       "4110\xE2\x80\xAF"),
              "4110");
    EXPECT_EQ(trimText("\xE2\x80\xAF \xC2\xA0"), "");
    EXPECT_EQ(trimText("a\xC2\xA0"
                       "b"),
              "a\xC2\xA0"
              "b");
}

TEST(TrimText, DoesNotCutMultiByteLetters)
{
    EXPECT_EQ(trimText(" \xC3\xA9t\xC3\xA9 "), "\xC3\xA9t\xC3\xA9");
    EXPECT_EQ(trimText("\xC3\xA0"), "\xC3\xA0"); // à ends in A0, like NBSP's last byte
}

TEST(TrimText, OtherUnicodeSpaces)
{
    // The header promises "ASCII and Unicode white space"; check a few common ones.
    std::string missed;
    const std::pair<const char*, const char*> spaces[] = {{"U+2009 thin space", "\xE2\x80\x89"},
                                                          {"U+2007 figure space", "\xE2\x80\x87"},
                                                          {"U+3000 ideographic space", "\xE3\x80\x80"},
                                                          {"VT", "\v"},
                                                          {"FF", "\f"}};
    for (const auto& [name, sp] : spaces)
        if (trimText(std::string(sp) + "4110" + sp) != "4110")
            missed += std::string(missed.empty() ? "" : ", ") + name;
    EXPECT_EQ(missed, "") << "not trimmed";
}

namespace {
std::string utf8Of(UChar32 cp)
{
    char buf[U8_MAX_LENGTH];
    int32_t n = 0;
    U8_APPEND_UNSAFE(buf, n, cp);
    return std::string(buf, static_cast<size_t>(n));
}
} // namespace

TEST(FoldText, TablePathEqualsIcuPath)
{
    // Every code point the table holds, alone and between letters, folds as ICU folds it.
    std::vector<UChar32> cps;
    for (UChar32 cp = 0x80; cp < 0x370; ++cp)
        cps.push_back(cp);
    for (UChar32 cp = 0x2000; cp < 0x2070; ++cp)
        cps.push_back(cp);
    for (UChar32 cp : cps) {
        const std::string s = utf8Of(cp);
        EXPECT_EQ(foldText(s), detail::foldTextIcu(s)) << "U+" << std::hex << cp;
        EXPECT_EQ(foldText("Ab" + s + "Cd"), detail::foldTextIcu("Ab" + s + "Cd")) << "U+" << std::hex << cp;
    }
    const char* samples[] = {"Policière municipale",
                             "CHARGÉ(E) D’ACCUEIL",
                             "Œuvre – Maître-nageur",
                             "Straße",
                             "e\xCC\x81"
                             "ducatrice",
                             "Ingénieur·e territorial·e",
                             "Agent\xC2\xA0"
                             "d'entretien",
                             "Responsable « RH »",
                             "Ÿvon Æsir"};
    for (const char* s : samples)
        EXPECT_EQ(foldText(s), detail::foldTextIcu(s)) << s;
}

TEST(FoldText, CharactersOutsideTheTableGoThroughIcu)
{
    // Fullwidth letters, circled digits and ligatures (NFKD → ASCII) are not in the table; nor is
    // the euro sign, which stays as it is.
    EXPECT_EQ(foldText("\xEF\xBC\xA1gent"), "agent");                                // "Ａgent"
    EXPECT_EQ(foldText("Charg\xC3\xA9 \xE2\x91\xA0 \xEF\xAC\x81n"), "charge 1 fin"); // "Chargé ① ﬁn"
    EXPECT_EQ(foldText("Prime 100 \xE2\x82\xAC"), "prime 100 \xE2\x82\xAC");
}
