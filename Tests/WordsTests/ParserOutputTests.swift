import Testing
import Words

/// Seen under `--lang fr`: a French help under English headings (`OVERVIEW:`, `Show help
/// information.`) and a mistyped option answered `Error: Unknown option '--nope'`.
/// ArgumentParser's words (1.8.2) are said in the catalog's language.
@Suite struct ParserOutputTests {
    static let help = """
        OVERVIEW: Présenter le cours : thème projecteur, sans bandeaux, flux joués en
        boucle.

        USAGE: reseau present [<paths> ...] [--ascii] [--lang <lang>] [--theme <theme>]
               [--duration <duration>]

        ARGUMENTS:
          <paths>                 Fichiers ou dossiers de leçons.

        OPTIONS:
          --lang <lang>           Langue du programme : fr ou en. (values: fr, en)
          --theme <theme>         Thème : dark, light, projector ou mono. (default:
                                  dark)
          -h, --help              Show help information.

        """

    static let errors = [
        "Error: Unknown option '--nope'\nUsage: reseau present [<paths> ...] [--ascii]\n  See 'reseau present --help' for more information.",
        "Error: Unknown option '--lan'. Did you mean '--lang'?",
        "Error: Missing value for '--lang <lang>'",
        "Error: The option '--ascii' does not take any value, but 'x' was specified.",
        "Error: Unexpected argument 'x'",
        "Error: 2 unexpected arguments: 'x', 'y'",
        "Error: Missing expected argument '<name>'",
        "Error: Missing one of: '--a', '--b'",
        "Error: The value 'de' is invalid for '--lang <lang>'. Please provide one of 'fr' and 'en'.",
        "Error: The value 'x' is invalid for '--type <type>'. Please provide one of 'A', 'AAAA' or 'SRV'.",
        "Error: The value 'x' is invalid for '--theme <theme>': --theme vaut dark, light, projector ou mono",
        "Error: Missing required subcommand.",
        "Error: outline est une commande : donnez-la d'abord, puis ses options (reseau outline --lang fr FICHIER)",
    ]

    @Test func englishIsExactlyWhatArgumentParserWrote() {
        #expect(ParserOutput.translate(Self.help, English()) == Self.help)
        for error in Self.errors {
            #expect(ParserOutput.translate(error, English()) == error)
        }
    }

    @Test func aFrenchHelpHasFrenchHeadings() {
        let french = ParserOutput.translate(Self.help, French())
        #expect(french == """
            RÉSUMÉ : Présenter le cours : thème projecteur, sans bandeaux, flux joués en
            boucle.

            UTILISATION : reseau present [<paths> ...] [--ascii] [--lang <lang>] [--theme <theme>]
                          [--duration <duration>]

            ARGUMENTS :
              <paths>                 Fichiers ou dossiers de leçons.

            OPTIONS :
              --lang <lang>           Langue du programme : fr ou en. (choix : fr, en)
              --theme <theme>         Thème : dark, light, projector ou mono. (défaut :
                                      dark)
              -h, --help              Afficher l'aide.

            """)
    }

    /// The notes are as wide in French as in English: ArgumentParser's wrapping still holds.
    @Test func theNotesKeepTheirWidth() {
        for (english, phrase) in [("(values:", ParserPhrase.valuesNote), ("(default:", .defaultNote)] {
            #expect(French().parser(phrase).count == english.count)
        }
    }

    @Test func aFrenchUsageErrorIsFrenchThroughout() {
        let french = Self.errors.map { ParserOutput.translate($0, French()) }
        #expect(french == [
            "Erreur : option inconnue « --nope »\nUtilisation : reseau present [<paths> ...] [--ascii]\n  Voir « reseau present --help » pour en savoir plus.",
            "Erreur : option inconnue « --lan » ; vouliez-vous dire « --lang » ?",
            "Erreur : il manque la valeur de « --lang <lang> »",
            "Erreur : l'option « --ascii » ne prend pas de valeur (« x » donné)",
            "Erreur : argument en trop : « x »",
            "Erreur : 2 arguments en trop : « x », « y »",
            "Erreur : il manque l'argument « <name> »",
            "Erreur : il manque l'un de : « --a », « --b »",
            "Erreur : la valeur « de » ne convient pas à « --lang <lang> ». Choisissez « fr » ou « en ».",
            "Erreur : la valeur « x » ne convient pas à « --type <type> ». Choisissez « A », « AAAA » ou « SRV ».",
            "Erreur : la valeur « x » ne convient pas à « --theme <theme> » : --theme vaut dark, light, projector ou mono",
            "Erreur : il manque la sous-commande.",
            "Erreur : outline est une commande : donnez-la d'abord, puis ses options (reseau outline --lang fr FICHIER)",
        ])
    }

    /// A word of ours that happens to look like ArgumentParser's is left alone: only whole
    /// lines and notes it writes are read.
    @Test func ourOwnTextPassesUnchanged() {
        let text = "  --theme <theme>         Show help information about themes.\nDefault: dark\nSee 'man reseau'."
        #expect(ParserOutput.translate(text, French()) == text)
    }
}
