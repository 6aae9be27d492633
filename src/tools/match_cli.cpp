// SPDX-License-Identifier: MPL-2.0
// Developer probe: prints how titles (arguments or stdin lines) are mapped.
#include "cartoia/reference_data.hpp"
#include "cartoia/title_matcher.hpp"

#include <iostream>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::cerr << "usage: cartoia-match DATA.json [TITLE…]  (titles from stdin when none)\n";
        return 2;
    }
    try {
        cartoia::ReferenceData data = cartoia::loadReferenceData(argv[1]);
        cartoia::TitleMatcher matcher(data);
        auto show = [&](const std::string& t) {
            cartoia::MatchResult r = matcher.match(t);
            std::cout << t << "\t" << (r.found ? r.code : "#N/A") << "\t" << r.bestCode << "\t" << r.confidence << "\t"
                      << r.precision << "\t" << r.source << "\t" << r.label << "\n";
        };
        if (argc > 2)
            for (int i = 2; i < argc; ++i)
                show(argv[i]);
        else
            for (std::string line; std::getline(std::cin, line);)
                show(line);
    } catch (const std::exception& e) {
        std::cerr << "cartoia-match: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
