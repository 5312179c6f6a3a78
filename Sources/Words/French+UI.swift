import Memory
import NetSim

extension French {
    public func count(_ n: Int, _ noun: Noun) -> String {
        // French: the singular for 0 and 1.
        let many = n > 1
        let word: String
        switch noun {
        case .slide: word = many ? "diapositives" : "diapositive"
        case .question: word = many ? "questions" : "question"
        case .line: word = many ? "lignes" : "ligne"
        case .lesson: word = many ? "leçons" : "leçon"
        case .error: word = many ? "erreurs" : "erreur"
        case .warning: word = many ? "avertissements" : "avertissement"
        case .podNotReady: word = many ? "Pods pas prêts" : "Pod pas prêt"
        case .nxdomainTry: word = many ? "essais NXDOMAIN" : "essai NXDOMAIN"
        }
        return "\(n) \(word)"
    }

    public func ui(_ word: UIWord) -> String {
        switch word {
        case .terminalTooSmall: return "Terminal trop petit"
        case .noSlide: return "Aucune diapositive."
        case .courseTitle: return "cours"
        case .contentsTitle: return "sommaire"
        case .helpTitle: return "aide"
        case .diagramTitle: return "diagramme"
        case .moreLines(let n): return "\(n) ligne(s) de plus"
        case .moreLinesHint(let n): return "\(n) ligne(s) de plus (j, PgDn)"
        case .noFlow: return "Ce diagramme ne décrit pas de flux à suivre."
        case .flowTitle(let flow, let of, let from, let to, let verdict): return "flux \(flow)/\(of) : \(from) → \(to) — \(verdict)"
        case .before: return "avant : "
        case .after: return "après : "
        case .packet: return "paquet : "
        case .diagramSaysOtherwise(let note): return "le diagramme dit autre chose : \(note)"
        case .helpSection(let s):
            switch s {
            case .reading: return "Lecture"
            case .diagram: return "Diagramme"
            case .presenting: return "En présentation (les touches d'une télécommande changent toujours de diapositive)"
            case .course: return "Cours"
            case .quiz: return "Quiz"
            }
        case .hiddenCorrection: return "(masquée : appuyez sur c pour l'afficher)"
        case .quizBlockTitle(let n): return "Quiz · \(count(n, .question))"
        case .notReady: return "pas prêt"
        case .loadBalancerBox: return "équilibreur de charge"
        case .drawnAtService(let node): return "dessiné au Service ; en vrai, dans le noyau de \((French.namesItsKind(node) ? node : "Node " + node).replacingOccurrences(of: " ", with: "\u{00A0}"))"
        case .replyStep(let n, let of): return "réponse \(n)/\(of)"
        case .diagramNumber(let n, let of): return "diagramme \(n)/\(of)"
        case .packetDiesHere: return "le paquet s'arrête ici"
        case .changedSource(let a, let b): return "source : \(a) → \(b)"
        case .changedDestination(let a, let b): return "destination : \(a) → \(b)"
        case .encapsulated(let outer): return "encapsulé : \(outer)"
        case .decapsulated: return "décapsulé : le paquet du Pod retrouvé"
        case .kubeProxyOn(let node): return "kube-proxy (iptables) sur \(French.namesItsKind(node) ? node : "Node " + node)"
        case .externalIP(let ip): return "IP externe \(ip)"
        case .sceneTitle: return "Scène"
        case .directiveTitle(let kind, let name):
            switch kind {
            case "tip": return "Astuce"
            case "notes": return "Notes de l'orateur"
            case "note": return "Note"
            case "info": return "Info"
            case "link": return "Lien"
            case "warning": return "Attention"
            case "caution": return "Prudence"
            case "danger": return "Danger"
            case "strong": return "Important"
            case "exo": return "Exercice"
            case "correction": return "Correction"
            default: return name
            }
        case .presenterClock(let slide, let of, let m, let s): return "\(slide)/\(of) · \(m):\(s)"
        case .consoleTitle: return "console de l'orateur"
        case .noNotes: return "(pas de notes pour cette diapositive)"
        case .hopPlaying: return "Saut en cours :"
        case .nextSlide: return "Suivante :"
        case .lastSlideOfTalk: return "C'est la dernière diapositive."
        case .consoleFooter: return "les touches pilotent la présentation · q quitte la console"
        case .presentationEnded: return "La présentation est terminée."
        case .noPresentation(let folder): return "aucune présentation en cours (rien n'écoute dans \(folder)) : lancez d'abord reseau present"
        case .unsafeLinkFolder(let path): return "\(path) n'est pas un dossier à vous de mode 0700 : refusé (la console ne suit pas la présentation)"
        case .linkFailed(let path, let reason): return "\(path) : \(reason)"
        case .timeLeft(let m, let s, let over): return over ? "dépassé de \(m):\(s)" : "reste \(m):\(s)"
        case .noQuestionInLesson: return "Cette leçon n'a pas de question."
        case .pickAnAnswer: return "Choisissez une réponse (1-9 ou a-i)."
        case .rightSeeTrace: return "✓ Juste. La trace réelle ; Échap : retour à la question."
        case .wrongSeeTrace: return "✗ Faux. La trace réelle ; Échap : retour à la question."
        case .noDiagramOnSlide: return "Pas de diagramme sur cette diapositive."
        case .reloaded: return "Rechargé."
        case .searchMatch(let q, let index, let count, let slide, let wrapped):
            let round = wrapped.map { $0 == .toStart ? " (reprise au début)" : " (reprise à la fin)" } ?? ""
            return "« \(q) » : \(index)/\(count), diapositive \(slide)\(round) · n suivant, N précédent"
        case .searchNotFound(let q): return "« \(q) » : introuvable"
        case .progressNotSaved(let e): return "Progression non enregistrée : \(e)"
        case .progressNotice(let n):
            switch n {
            case .damaged(let path, let reason): return "\(path) : illisible (\(reason)) ; il sera mis de côté au prochain enregistrement"
            case .damagedKeptAside(let path, let reason, let aside): return "\(path) : illisible (\(reason)) ; gardé sous \(aside), la progression repart de zéro"
            case .cardsSetAside(let path, let ids): return "\(path) : \(ids.count == 1 ? "une question" : "\(ids.count) questions") de forme inattendue (\(ids.prefix(3).joined(separator: ", "))\(ids.count > 3 ? ", …" : "")) gardées telles quelles et non utilisées"
            }
        case .storeFailure(let f):
            switch f {
            case .cannotCreateDirectory(let path, let why): return "\(path) : impossible de créer le dossier (\(why))"
            case .cannotLock(let path, let why): return "\(path) : impossible de verrouiller (\(why))"
            case .cannotMoveAside(let path, let why): return "\(path) : illisible et impossible à mettre de côté : \(why)"
            case .cannotWrite(let path, let why): return "\(path) : impossible d'écrire (\(why))"
            case .cannotSave(let path, let why): return "\(path) : impossible d'enregistrer : \(why)"
            case .cannotRead(let path, let why): return "\(path) : illisible (\(why)) ; rien n'est enregistré par-dessus"
            case .newerVersion(let path, let version): return "\(path) : écrit par un reseau plus récent (version \(version)) ; il est lu mais pas réécrit : mettez reseau à jour"
            }
        case .quizScore(let score, let of, let streak): return "score \(score)/\(of) · série \(streak)"
        case .quizSummaryTitle: return "Quiz · bilan"
        case .quizSummary(let score, let of, let best): return "Score : \(score)/\(of) · meilleure série : \(best)"
        case .noQuestionMissed: return "Aucune question manquée."
        case .questionsMissedAskAgain: return "Questions manquées (Entrée : la reposer) :"
        case .severalAnswersHint: return "(plusieurs réponses : Espace ou le numéro pour cocher, Entrée pour valider)"
        case .rightAnswerMark: return "  ✓ bonne réponse"
        case .wrongMark: return "  ✗ faux"
        case .right: return "✓ Juste !"
        case .wrong: return "✗ Faux."
        case .plainNavigation: return "[n suivante, p précédente, un numéro, q quitter]"
        case .lastSlide: return "(dernière diapositive)"
        case .firstSlide: return "(première diapositive)"
        case .unknownCommand(let c): return "Commande inconnue : \(c)"
        case .plainQuizScore(let score, let of): return "Quiz : \(score)/\(of)"
        case .nothingDue(let next): return "Rien à réviser." + (next.map { " Prochaine révision : \($0)" } ?? "")
        case .severalAnswersPrompt: return "Plusieurs réponses (ex. « 1 3 ») :"
        case .yourAnswer: return "Votre réponse :"
        case .answerNotUnderstood(let n): return "Réponse non comprise : donnez le numéro (1-\(n)) ou la lettre."
        case .rightDot: return "✓ Juste."
        case .wrongRightAnswer(let t): return "✗ Faux. Bonne réponse : \(t)"
        case .realTrace: return "  La trace réelle :"
        case .scoreLine(let score, let of, let best): return "Score : \(score)/\(of) · meilleure série : \(best)"
        case .questionsMissed: return "Questions manquées :"
        case .progressFile(let path): return "Progression (\(path))"
        case .noQuestionYet: return "Aucune question."
        case .progressColumns: return "leçon\tquestions\tvues\tà réviser\trappel\tprochaine"
        case .dueNow(let due, let new): return "À réviser maintenant : \(due) · nouvelles : \(new) (reseau quiz)"
        case .quoted(let s): return "« \(s) »"
        case .nothingToErase: return "Aucune progression à effacer."
        case .nothingToEraseFor(let named): return "Rien à effacer pour \(named)."
        case .allProgress: return "toute la progression"
        case .progressOf(let named): return "la progression de \(named)"
        case .eraseConfirm(let what, let questions): return "Effacer \(what) (\(questions)) ? [o/N] "
        case .yesLetter: return "o"
        case .nothingErased: return "Rien n'a été effacé."
        case .erased(let questions): return "Effacé : \(questions)."
        case .request: return "requête"
        case .verdict: return "verdict"
        case .possibleEndpoints: return "endpoints possibles"
        case .sourceMasqueraded: return "source masquée (SNAT)"
        case .reply: return "réponse :"
        case .yes: return "oui"
        case .no: return "non"
        case .noRecord: return "(aucun enregistrement)"
        case .outlineHeader(let title, let file, let slides): return "\(title) — \(file) — \(count(slides, .slide))"
        case .lintClean: return "aucun problème"
        case .notAPod(let p): return "--from \(p) n'est pas un Pod de la scène"
        case .diagramAtLine(let n): return "ligne \(n) :"
        case .notADiagram: return "pas un diagramme"
        case .diagramKindNotDrawn(let kind, let title): return "\(kind)\(title.map { " « \($0) »" } ?? "") : ce type de diagramme ne se dessine pas encore"
        case .nothingToShow(let p): return "rien à montrer dans \(p)"
        case .noSuchSlide(let n, let count): return "il y a \(count) diapositives, pas \(n)"
        case .noSuchDiagram(let n, let count): return count == 0 ? "cette diapositive n'a pas de diagramme à animer" : "la diapositive a \(count) diagramme(s) à animer, pas \(n)"
        case .noSuchFlow(let n, let count): return count == 0 ? "ce diagramme n'a pas de flux" : "le diagramme a \(count) flux, pas \(n)"
        case .noSuchHop(let n, let count): return "le flux a \(count) sauts (aller puis réponse), pas \(n)"
        case .diagramOptionsNeedSlide: return "--diagram, --flow et --hop demandent --slide"
        case .keyName(let k): switch k {
            case "Space": return "Espace"
            case "Enter": return "Entrée"
            case "Esc": return "Échap"
            case "Backspace": return "Retour"
            case "PgDn": return "PgSuiv"
            case "PgUp": return "PgPréc"
            case "Home": return "Début"
            case "End": return "Fin"
            default: return k
            }
        case .unknownLesson(let name, let lessons): return "aucune leçon ne correspond à « \(name) » ; les leçons sont :\n" + lessons.map { "  " + $0 }.joined(separator: "\n")
        case .sceneOnKey: return "(la scène ne tient pas : un terminal plus haut l'affiche avec la question)"
        case .blockNotRead: return "Bloc illisible"
        case .problemCount(let errors, let warnings):
            var parts: [String] = []
            if errors > 0 { parts.append(count(errors, .error)) }
            if warnings > 0 { parts.append(count(warnings, .warning)) }
            return "⚠ " + parts.joined(separator: " · ") + " (!)"
        case .problemsTitle: return "problèmes"
        case .noProblem: return "Aucune erreur, aucun avertissement."
        case .needsTerminal: return "il faut un terminal (en entrée et en sortie) ; reseau render écrit les diapositives, reseau --plain les lit ligne à ligne"
        case .noTerminalDescription: return "TERM ne désigne aucun terminal décrit sur ce système (ou un terminal « dumb ») : mode ligne à la place (reseau --plain)"
        case .missingPathsExit: return "rien à ouvrir"
        }
    }

    public func key(_ help: KeyHelp) -> String {
        switch help {
        case .nextSlide: return "diapositive suivante"
        case .previousSlide: return "diapositive précédente"
        case .lessonQuiz: return "quiz de la leçon"
        case .pickAnswer: return "choisir une réponse (plusieurs réponses : cocher / décocher)"
        case .tickAnswer: return "cocher / décocher la réponse sous le curseur"
        case .submitAnswer: return "valider, puis question suivante (bilan : rouvrir une question manquée)"
        case .replayTrace: return "revoir la trace de la question (questions du moteur)"
        case .down: return "descendre"
        case .up: return "monter"
        case .pageDown: return "page suivante"
        case .pageUp: return "page précédente"
        case .firstSlide: return "première diapositive"
        case .lastSlide: return "dernière diapositive (12G : la 12e)"
        case .goToSlide: return "aller à la diapositive n (:12)"
        case .search: return "chercher dans le cours"
        case .nextMatch: return "résultat suivant (après une recherche)"
        case .previousMatch: return "résultat précédent"
        case .contents: return "table des matières"
        case .open: return "ouvrir (un diagramme : plein écran)"
        case .back: return "revenir"
        case .corrections: return "afficher / masquer les corrections"
        case .playPause: return "lancer / suspendre l'animation"
        case .nextHop: return "saut suivant"
        case .previousHop: return "saut précédent"
        case .faster: return "plus vite"
        case .slower: return "plus lentement"
        case .nextFlow: return "flux suivant"
        case .nextDiagram: return "diagramme suivant de la diapositive"
        case .inspectorDetails: return "inspecteur : vue complète (règles, chaînes) ou simple"
        case .restart: return "recommencer"
        case .presenter: return "mode présentateur"
        case .courseList: return "la liste des leçons (termine d'abord une recherche)"
        case .blank: return "écran vide (une touche le rétablit)"
        case .reload: return "recharger le fichier"
        case .help: return "cette aide"
        case .quit: return "quitter"
        case .nextQuestion: return "question suivante (une fois la réponse affichée)"
        case .footerNextQuestion: return "question suivante"
        case .problems: return "les erreurs et avertissements de la leçon (Entrée : aller à la diapositive)"
        case .footerNext: return "suivante"
        case .footerPrevious: return "précédente"
        case .footerContents: return "sommaire"
        case .footerSearch: return "chercher"
        case .footerQuiz: return "quiz"
        case .footerHelp: return "aide"
        case .footerQuit: return "quitter"
        case .footerChoose: return "choisir"
        case .footerOpen: return "ouvrir"
        case .footerBack: return "revenir"
        case .footerDiagram: return "diagramme"
        case .footerPlayPause: return "lecture/pause"
        case .footerHop: return "saut"
        case .footerSpeed: return "vitesse"
        case .footerFlow: return "flux"
        case .footerNextDiagram: return "diagr."
        case .footerDetails: return "détails"
        case .footerRestart: return "début"
        case .footerPick: return "choisir"
        case .footerTick: return "cocher"
        case .footerSubmit: return "valider"
        case .footerTrace: return "revoir la trace"
        case .footerGo: return "aller"
        }
    }

    public func quiz(_ text: QuizText) -> String {
        switch text {
        case .literal(let s): return s
        case .tableQuestion(let column, let value, let ask): return "\(column) : « \(value) ». \(ask) ?"
        case .tableExplanation(let value, let answers): return "\(value) → \(answers.joined(separator: ", "))"
        case .landing(let request, let several):
            return several ? "\(request) : sur quels Pods la requête peut-elle arriver ? (toutes les bonnes réponses)" : "\(request) : sur quel Pod la requête arrive-t-elle ?"
        case .landingPortForward(let pods):
            return "kubectl choisit un seul Pod prêt au démarrage et s'y tient, sans kube-proxy : \(pods.joined(separator: ", "))."
        case .landingKubeProxy(let service, let pods):
            return "kube-proxy choisit parmi les endpoints prêts\(service.map { " (Service \($0))" } ?? "") : \(pods.joined(separator: ", "))."
        case .hopLabel(let place, let action): return "\(self.place(place)) · \(self.action(action))"
        case .nextHop(let request, let place, let action): return "\(request) : après « \(self.place(place)) · \(self.action(action)) », quel est le saut suivant ?"
        case .sourceSeen(let request, let pod, let source):
            return "\(request) : \(pod.map { "le Pod \($0)" } ?? "le Pod qui la reçoit") voit-il l'adresse source d'origine (\(source)) ?"
        case .proxyEndsConnection(let proxy, let pod, let seen):
            return "Le proxy (\(place(proxy))) termine la connexion du client et en ouvre une nouvelle : \(pod) voit \(seen), l'adresse du client voyage dans l'en-tête X-Forwarded-For."
        case .noTranslation(let pod, let source): return "Aucune règle SNAT/MASQUERADE sur le chemin : \(pod) voit \(source)."
        case .dnsQuestion(let from, let query, let type): return "Depuis \(from), que répond le DNS du cluster pour « \(query) » (\(type)) ?"
        case .proxyService(let request): return "\(request) : vers quel Service le proxy envoie-t-il la requête ?"
        case .policyQuestion(let request): return "\(request) : les NetworkPolicies laissent-elles passer cette connexion ?"
        case .yes: return "Oui"
        case .no: return "Non"
        case .allowed: return "Autorisée"
        case .blocked: return "Bloquée"
        case .hop(let r): return hop(r)
        case .ending(let e): return ending(e)
        case .dns(let r): return dns(r)
        }
    }
}
