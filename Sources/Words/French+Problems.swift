import Facts
import Mermaid

extension French {
    /// As gcc writes them under a French locale.
    public func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return "erreur"
        case .warning: return "attention"
        }
    }

    public func blockKind(_ kind: BlockKindName) -> String {
        switch kind {
        case .heading: return "titre"
        case .paragraph: return "paragraphe"
        case .list: return "liste"
        case .quote: return "citation"
        case .code: return "code"
        case .mermaid: return "mermaid"
        case .scene: return "scène"
        case .quiz: return "quiz"
        case .table: return "tableau"
        case .footnote: return "note"
        case .rule: return "filet"
        }
    }

    public func problem(_ problem: Problem) -> String {
        switch problem {
        case .loader(let p): return loader(p)
        case .yaml(let place, let p): return "\(yamlPlace(place)) : \(yaml(p))"
        case .quiz(let p): return "quiz : \(quiz(p))"
        case .mermaid(let p): return "mermaid : \(mermaid(p))"
        case .diagram(let p): return "diagramme : \(cluster(p))"
        case .scene(let p): return scene(p)
        case .cluster(let p): return cluster(p)
        case .flow(let p): return flow(p)
        case .lab(let p): return "labo : \(lab(p))"
        }
    }

    func lab(_ p: LabProblem) -> String {
        switch p {
        case .notAMapping: return "le bloc doit être un dictionnaire YAML (title, files, goals, hints, correction)"
        case .missing(let key): return "il manque `\(key)`"
        case .unknownKey(let key): return "clé `\(Quote.short(key))` inconnue (title, statement, files, fixed, goals, hints, correction) : ignorée"
        case .filesNotAMapping(let key): return "`\(key)` doit associer un nom de fichier à son contenu"
        case .fileNotText(let key): return "un fichier de `\(key)` doit être du texte (`nom.yaml: |` puis le YAML)"
        case .badFileName(let name): return "`\(Quote.short(name))` n'est pas un nom de fichier .yaml du dossier du labo : ignoré"
        case .goalNotAMapping: return "un objectif doit être un dictionnaire (from/to/expect, endpoints/count ou dns/from/answer)"
        case .goalMissing(let key): return "il manque `\(key)` à cet objectif : ignoré"
        case .badSource(let s): return "`source: \(Quote.short(s))` : `kept` (l'adresse du client est gardée) ou `masqueraded`"
        case .startPassesEveryGoal: return "les fichiers de départ atteignent déjà tous les objectifs : il n'y a rien à faire"
        case .correctionFails(let n, let lab): return "la correction n'atteint pas l'objectif \(n) (`reseau lab check LEÇON.md#\(lab) --correction` dit ce qui se passe)"
        }
    }

    func yamlPlace(_ place: YAMLPlace) -> String {
        switch place {
        case .frontmatter: return "en-tête (frontmatter)"
        case .quiz: return "quiz"
        case .scene: return "scène"
        case .diagramFrontmatter: return "en-tête du diagramme"
        case .nodeMetadata: return "`@{ }`"
        case .lab: return "labo"
        }
    }

    func yaml(_ p: YAMLProblem) -> String {
        switch p {
        case .invalid(let problem, let context, let at):
            let said = LibYAML.french(problem)
            if let context, let at { return "YAML invalide : \(LibYAML.french(context)), \(said) (\(at.line):\(at.column))" }
            return "YAML invalide : \(said)"
        case .expandsTooFar(let limit): return "le YAML dépasse \(grouped(limit)) nœuds une fois ses alias développés : non lu"
        case .aliasKey(let limit): return "une clé faite d'alias représente plus de \(grouped(limit)) nœuds : non lu"
        }
    }

    func loader(_ p: LoaderProblem) -> String {
        switch p {
        case .noSuchPath: return "aucun fichier ni dossier de ce nom"
        case .noLessonInFolder: return "aucune leçon Markdown dans ce dossier"
        case .cannotRead: return "impossible de lire le fichier"
        case .cannotReadBecause(let why): return "impossible de lire le fichier : \(why)"
        case .notAFile(let kind):
            switch kind {
            case .fifo: return "un tube nommé (FIFO), pas un fichier : non lu (il attendrait un écrivain)"
            case .device: return "un périphérique, pas un fichier : non lu"
            case .other: return "pas un fichier ordinaire : non lu"
            }
        case .tooLarge(let bytes, let limit): return "\(grouped(bytes)) octets, plus que les \(grouped(limit)) qu'une leçon peut contenir : non lue"
        case .binaryFile(let offset): return "fichier binaire (octet NUL à la position \(offset)), pas une leçon : ignoré"
        case .notUTF8: return "le fichier n'est pas en UTF-8 : lu comme du Windows-1252"
        case .invalidUTF8(let n): return "UTF-8 invalide : \(n) séquence\(n > 1 ? "s" : "") d'octets supprimée\(n > 1 ? "s" : "")"
        case .doubleEncoded(let page, let dropped, let lines):
            return "texte doublement encodé (UTF-8 lu comme \(page)) : réparé"
                + (dropped == 0 ? "" : " ; \(dropped) séquence\(dropped > 1 ? "s" : "") irrécupérable\(dropped > 1 ? "s" : "") supprimée\(dropped > 1 ? "s" : "") sur \(count(lines, .line))")
        case .charactersLost(let n): return "\(n) caractère\(n > 1 ? "s" : "") perdu\(n > 1 ? "s" : "") dans le double encodage, supprimé\(n > 1 ? "s" : "")"
        case .encodingRepaired(let page, let dropped, let lines):
            let shown = lines.prefix(3).map(String.init).joined(separator: ", ") + (lines.count > 3 ? ", … (\(lines.count))" : "")
            return "texte doublement encodé (UTF-8 lu comme \(page)) : réparé" + (dropped == 0 ? "" : " ; \(dropped) caractère\(dropped > 1 ? "s" : "") perdu\(dropped > 1 ? "s" : ""), supprimé\(dropped > 1 ? "s" : ""), \(lines.count == 1 ? "ligne" : "lignes") \(shown)")
        case .controlCharacterRemoved(let code): return "caractère de contrôle \(code) supprimé"
        case .frontmatterUnclosed: return "en-tête (frontmatter) : pas de ligne `---` de fin ; le fichier est lu comme du Markdown seul"
        case .frontmatterNotMapping: return "en-tête (frontmatter) : il faut des clés et leurs valeurs"
        case .frontmatterWrongType(let key, let kind):
            let expected: String
            switch kind {
            case .text: expected = "un texte"
            case .list: expected = "une liste"
            case .number: expected = "un nombre"
            case .languageCode: expected = "un code de langue"
            }
            return "en-tête (frontmatter) : `\(key)` doit être \(expected)"
        case .noTitle: return "pas de `title` dans l'en-tête : le premier titre le remplace"
        case .directiveTrailingText(let name, let trailing):
            return "le texte après le nom de la directive ne fait pas partie de la syntaxe ; écrivez `:::\(name)[\(trailing)]` pour un titre"
        case .unknownDirective(let name): return "directive inconnue `:::\(name)` : affichée comme un simple encadré intitulé « \(name) »"
        case .strayDirectiveClose: return "`:::` ne ferme aucune directive ouverte : ignoré"
        case .unclosedDirective(let name): return "la directive `:::\(name)` n'est jamais fermée (une ligne `:::` doit la terminer) ; son contenu est gardé"
        case .unusedFootnote(let label): return "la note `[^\(label)]` n'est jamais appelée : elle n'est pas affichée"
        case .nestingTooDeep(let limit): return "citations ou listes imbriquées sur plus de \(limit) niveaux : le contenu plus profond est gardé en texte simple"
        case .diagramKindNotDrawn(let kind): return "mermaid `\(kind)` ne se dessine pas encore : son source est affiché"
        }
    }

    func quiz(_ p: QuizProblem) -> String {
        switch p {
        case .empty: return "le bloc est vide"
        case .notQuestions: return "il faut une question (question, choices, answer) ou une liste de questions"
        case .notAQuestion: return "il faut une question avec `question`, `choices` et `answer`"
        case .missingQuestion: return "`question` manque"
        case .tooFewChoices: return "`choices` doit proposer au moins deux réponses"
        case .missingAnswer: return "`answer` manque (le texte du bon choix, ou une liste)"
        case .answerNotAChoice(let a): return "la réponse `\(a)` n'est pas l'un des choix"
        case .answersAllAt(let position, let n): return "la bonne réponse des \(n) questions à réponse unique est toujours le choix \(position) dans le source : variez sa place (les étudiants apprennent où se trouve la réponse ; le quiz mélange, variez-la aussi dans le source)"
        case .questionsCollide(let wording, let other): return "cette question se lit comme celle de la ligne \(other) (« \(wording) ») mais sa réponse diffère : aucune des deux n'est posée"
        }
    }

    public func mermaid(_ p: MermaidProblem) -> String {
        switch p {
        case .emptyDiagram: return "diagramme vide : `flowchart` ou `graph` attendu"
        case .unknownKind(let w): return "type de diagramme inconnu `\(Quote.short(w))` : `flowchart` ou `graph` attendu"
        case .frontmatterInvalid: return "l'en-tête du diagramme n'est pas du YAML valide"
        case .frontmatterUnclosed: return "l'en-tête du diagramme n'a pas de `---` de fin"
        case .yaml(let y): return "en-tête du diagramme : \(yaml(y))"
        case .edgeLabelUnclosedPipe: return "étiquette de lien jamais fermée : `|` attendu"
        case .edgeLabelExpectedPipe: return "`|` attendu pour finir l'étiquette du lien"
        case .edgeLabelUnclosedArrow: return "étiquette de lien jamais fermée : une flèche comme `-->` est attendue"
        case .expectedNodeID(let found): return "identifiant de nœud attendu, trouvé \(Quote.short(found))"
        case .keywordAsNodeID(let id): return "`\(Quote.short(id))` est un mot-clé, pas un identifiant de nœud"
        case .expectedClassName: return "nom de classe attendu après `:::`"
        case .expectedPipe: return "`|` attendu"
        case .expectedAfterQuote(let c): return "`\(c)` attendu après le texte entre guillemets"
        case .nodeTextUnclosed(let c): return "texte de nœud jamais fermé : `\(c)` attendu"
        case .unexpectedInNodeText(let c): return "`\(Quote.short(c))` inattendu dans le texte du nœud : mettez le texte entre guillemets"
        case .unterminatedString: return "chaîne jamais fermée"
        case .metadataUnclosed: return "`@{` jamais fermé : `}` attendu"
        case .metadataInvalid: return "`@{ }` n'est pas du YAML valide"
        case .metadataExpandsTooFar: return "`@{ }` développe ses alias trop loin"
        case .noSuchShape(let s): return "pas de forme `\(Quote.short(s))` dans mermaid : dessinée comme une boîte (formes : \(MermaidShapeNames.short.joined(separator: ", ")))"
        case .classDefNeedsName: return "classDef : nom de classe attendu"
        case .classSyntax: return "class : `class ids nom` attendu"
        case .styleNeedsNode: return "style : identifiant de nœud attendu"
        case .linkStyleNotANumber(let part): return "linkStyle : `\(Quote.short(part))` n'est pas un numéro de lien"
        case .linkStyleOutOfBounds(let index, let last):
            return "L'indice \(index) de linkStyle est hors limites : les indices valides vont de 0 à \(last)."
        case .clickSyntax: return "click : `click id action` attendu"
        case .accDescrSyntax: return "accDescr : `:` ou `{` attendu"
        case .accDescrUnclosed: return "accDescr : `}` attendu"
        case .endWithoutSubgraph: return "`end` sans `subgraph` ouvert"
        case .unknownDirection(let w): return "direction inconnue `\(Quote.short(w))` (TB, TD, BT, LR ou RL)"
        case .gitLineNotRead(let l): return "git graph : `\(Quote.short(l))` n'est ni un commit, ni une branche, ni un checkout ou un merge d'une branche déjà créée : laissé de côté"
        case .classLineNotRead(let l): return "diagramme de classes : `\(Quote.short(l))` n'est ni une classe, ni un membre, ni une relation : laissé de côté"
        case .stateLineNotRead(let l): return "diagramme d'états : `\(Quote.short(l))` n'est ni un état, ni une transition, ni une note : laissé de côté"
        case .mindmapSecondRoot(let l): return "mindmap : `\(Quote.short(l))` est aussi à gauche que la racine : une mindmap n'a qu'une racine, il est dessiné sous elle"
        case .sequenceLineNotRead(let l): return "diagramme de séquence : `\(Quote.short(l))` n'est ni un participant, ni un message, ni une note, ni un bloc : laissé de côté"
        case .unexpected(let c): return "`\(Quote.short(c))` inattendu"
        case .subgraphTitleUnclosed: return "titre de subgraph : `]` attendu"
        case .subgraphNeedsID: return "subgraph : identifiant ou titre attendu"
        case .subgraphUnclosed: return "subgraph jamais fermé : `end` attendu"
        case .subgraphsTooDeep(let limit): return "subgraphs imbriqués sur plus de \(limit) niveaux : les plus profonds sont dessinés dans le dernier"
        }
    }

    func scene(_ p: SceneProblem) -> String {
        switch p {
        case .tooLarge(let bytes, let limit): return "scène : \(bytes) octets, plus que les \(limit) qu'une scène peut contenir : non lue"
        case .expandsTooFar: return "scène : le YAML dépasse 200 000 nœuds (des alias ?) : la suite n'est pas lue"
        case .documentNotObject: return "scène : chaque document doit être un objet Kubernetes (des clés et leurs valeurs)"
        case .objectWithoutKind: return "scène : un objet sans `kind`"
        case .kindNotSimulated(let k): return "\(k) n'est pas encore simulé : ignoré"
        case .unknownKind(let api, let kind): return "type inconnu \(api)/\(kind) : ignoré"
        case .certificateNeedsFields(let n): return "Certificate \(n) : spec.secretName et spec.issuerRef.name sont obligatoires"
        case .tlsSecretNeedsKeys(let n): return "Secret \(n) : un Secret kubernetes.io/tls doit avoir tls.crt et tls.key"
        case .serviceCIDRObjectInvalid(let t): return "ServiceCIDR : `\(t)` n'est pas un CIDR"
        case .secondScene: return "un second document Scene : ses réglages remplacent ceux du premier"
        case .podCIDRInvalid(let t): return "Scene : podCIDR `\(t)` n'est pas un CIDR"
        case .serviceCIDRInvalid(let t): return "Scene : le CIDR de Services `\(t)` n'est pas un CIDR"
        case .cniInvalid(let t): return "Scene : cni vaut overlay, routed ou flat, pas `\(t)`"
        case .proxyModeAsIptables(let m): return "Scene : proxyMode \(m) est simulé comme iptables (le seul mode simulé)"
        case .ingressControllerNeedsClassAndIP: return "Scene : un contrôleur Ingress doit avoir une `class` et une `ip`"
        case .nodeNeedsName: return "Scene : un node doit avoir un `name`"
        case .nodeIPInvalid(let node, let text): return "Scene : node \(node) : `\(text)` n'est pas une adresse IPv4"
        case .clientNeedsNameAndIP: return "Scene : un client doit avoir un `name` et une `ip`"
        case .flowNeedsFromAndTo: return "Scene : un flux doit avoir `from` et `to` (ou `portForward: svc/NOM:PORT`)"
        case .portForwardSyntax(let t): return "Scene : `portForward: \(t)` n'est pas de la forme CIBLE:PORT (svc/web:80, pod/web-0:8080)"
        case .expectInvalid(let t, let names): return "Scene : `expect: \(t)` du flux n'est pas l'un de \(names.joined(separator: ", "))"
        case .podWithoutName: return "Pod sans metadata.name"
        case .podIPInvalid(let pod, let text): return "Pod \(pod) : status.podIP `\(text)` n'est pas une adresse IPv4"
        case .tooManyReplicas(let kind, let name, let n): return "\(kind) \(name) : \(n) réplicas, plus qu'une scène ne peut en contenir (10 000)"
        case .selectorMismatch(let kind, let name): return "\(kind) \(name) : spec.selector ne correspond pas aux labels du modèle"
        case .serviceWithoutName: return "Service sans metadata.name"
        case .serviceUnknownType(let s, let t): return "Service \(s) : type inconnu \(t)"
        case .clusterIPInvalid(let s, let t): return "Service \(s) : clusterIP `\(t)` n'est pas une adresse IPv4"
        case .portNeedsPort(let s): return "Service \(s) : un port doit avoir `port`"
        case .portsNeedNames(let s): return "Service \(s) : avec plusieurs ports, chacun doit avoir un nom"
        case .matchExpressionInvalid: return "une matchExpression doit avoir une clé et un opérateur In, NotIn, Exists ou DoesNotExist"
        case .sliceNeedsServiceLabel(let n): return "EndpointSlice \(n) : le label kubernetes.io/service-name désigne son Service"
        case .sliceAddressInvalid(let n, let t): return "EndpointSlice \(n) : `\(t)` n'est pas une adresse IPv4"
        case .issuerBackend(let kind, let name): return "\(kind) \(name) : selfSigned, ca ou acme attendu"
        case .listenerNeedsNameAndPort(let n): return "Gateway \(n) : un listener doit avoir un nom et un port"
        case .gatewayNeedsClass(let n): return "Gateway \(n) : spec.gatewayClassName est obligatoire"
        case .backendRefNeedsNameAndPort(let n): return "HTTPRoute \(n) : un backendRef doit avoir un nom et un port"
        case .ingressPathType(let n): return "Ingress \(n) : pathType vaut Exact, Prefix ou ImplementationSpecific"
        case .ingressPathSlash(let n): return "Ingress \(n) : un chemin commence par /"
        case .ingressPathBackend(let n): return "Ingress \(n) : un chemin doit avoir backend.service.name et un port (numéro ou nom)"
        case .ingressRoutesNothing(let n): return "Ingress \(n) n'a ni règle ni defaultBackend : il n'achemine rien"
        case .fieldNotSimulated(let object, let field, let effect):
            let real: String
            switch effect {
            case .zonePreference: real = "un vrai kube-proxy préfère les endpoints de la zone du client ; ici tous ont la même chance"
            case .routeFilter: real = "un vrai data plane modifie ou copie la requête ; ici elle passe telle quelle"
            case .sessionPersistence: real = "un vrai data plane garde un client sur le même backend ; ici chaque requête est tirée à nouveau"
            case .nginxRouting: real = "ingress-nginx changerait où ou comment va cette requête ; ici seules les règles de l'Ingress décident"
            }
            return "\(object) : \(field) n'est pas simulé : \(real)"
        case .flowUnknownSource(let n): return "flux : aucun Pod, Node ou client ne s'appelle \(n)"
        case .podsShareRange(let range, let nodes):
            return "les Pods \(nodes.map { "du " + French.nodeNamed($0) }.joined(separator: " et ")) partagent \(range) : chaque Node a sa propre plage de Pods (spec.podCIDR), et les routes et la masquerade du moteur suivent le dessin"
        case .networkAddress(let address, let range): return "\(address) est l'adresse de réseau ou de diffusion de \(range) : aucun Pod, Node ou Service ne la porte"
        case .nodeAddressInvented(let node, let given, let range):
            return "\(French.namesItsKind(node) ? "le " + node : "le Node " + node) n'a pas d'adresse dans le dessin : le moteur lui donne \(given), alors que les autres scènes de la leçon utilisent \(range) ; dessinez son adresse"
        case .noSceneInLesson: return "aucune scène dans cette leçon (un bloc `yaml scene` ou un diagramme de cluster)"
        case .severalScenes(let path, let scenes):
            let list = scenes.map { "#\($0.number) (ligne \($0.line)) \($0.name)" }.joined(separator: " ; ")
            return "cette leçon a \(scenes.count) scènes : désignez-en une par \(path)#N — \(list)"
        case .noSuchScene(let n, let count): return "scène #\(n) : la leçon en a \(count)"
        }
    }

    func cluster(_ p: ClusterProblem) -> String {
        switch p {
        case .nodeTwice(let n): return "le Node \(n) est défini deux fois"
        case .noAddressForNode(let n): return "plus d'adresse libre pour le Node \(n)"
        case .nodeAddressTaken(let n, let a, let o): return "Node \(n) : l'adresse \(a) est déjà celle de \(o)"
        case .nodePodCIDROutside(let n, let c, let cl): return "Node \(n) : le CIDR des Pods \(c) est hors de celui du cluster, \(cl)"
        case .noPodCIDRLeft(let cl, let n): return "le CIDR des Pods du cluster \(cl) n'a plus de /24 pour le Node \(n)"
        case .podTwice(let p): return "le Pod \(p) est défini deux fois"
        case .podNoSuchNode(let p, let n): return "Pod \(p) : aucun Node ne s'appelle \(n)"
        case .podIPOutsideNode(let p, let ip, let n, let c): return "Pod \(p) : l'IP \(ip) est hors du CIDR des Pods \(c) de son Node \(n)"
        case .nodeCIDRExhausted(let p, let n, let c): return "Pod \(p) : le CIDR des Pods \(c) du Node \(n) est épuisé"
        case .podIPTaken(let p, let ip, let o): return "Pod \(p) : l'IP \(ip) est déjà celle de \(o)"
        case .serviceTwice(let s): return "le Service \(s) est défini deux fois"
        case .externalNameMissing(let s): return "Service \(s) : le type ExternalName demande `externalName`"
        case .headlessNotClusterIP(let s): return "Service \(s) : un Service headless (clusterIP: None) doit être de type ClusterIP"
        case .clusterIPOutside(let s, let ip, let r): return "Service \(s) : la clusterIP \(ip) est hors du CIDR des Services \(r.joined(separator: ", "))"
        case .clusterIPTaken(let s, let ip, let o): return "Service \(s) : la clusterIP \(ip) est déjà attribuée à \(o)"
        case .serviceRangeFull(let s, let r): return "Service \(s) : impossible d'attribuer une cluster IP, la plage de Services \(r.joined(separator: ", ")) est pleine"
        case .nodePortOutside(let s, let p): return "Service \(s) : le nodePort \(p) est hors de la plage 30000-32767"
        case .nodePortTaken(let s, let p, let o): return "Service \(s) : le nodePort \(p) est déjà attribué à \(o)"
        case .noNodePortLeft(let s): return "Service \(s) : plus aucun node port libre dans 30000-32767"
        case .loadBalancerPoolExhausted(let s, let pool): return "Service \(s) : le pool du load balancer \(pool) est épuisé : EXTERNAL-IP reste <pending>"
        case .selectorMatchesNothing(let s, let sel): return "Service \(s) : son sélecteur \(sel) ne désigne aucun Pod"
        case .noPodWithPortName(let s, let port): return "Service \(s) : aucun Pod sélectionné n'a de port nommé \(port)"
        case .noGatewayClass(let g, let c): return "Gateway \(g) : pas de GatewayClass \(c) : aucun contrôleur ne la programme"
        case .routeWithoutGateway(let r, let g): return "HTTPRoute \(r) : pas de Gateway \(g) où s'attacher"
        case .certificateNotReady(let c, let reason): return "Certificate \(c) : \(certificate(reason))"
        case .noIngressClass(let i, let c): return "Ingress \(i) : pas d'IngressClass \(c ?? "(par défaut)") : aucun contrôleur ne le sert"
        case .ingressServiceMissing(let i, let s, let ns): return "Ingress \(i) : pas de Service \(s) dans le namespace \(ns) : ses requêtes reçoivent 503"
        }
    }

    func flow(_ p: FlowProblem) -> String {
        switch p {
        case .step(let n, let step):
            let text: String
            switch step {
            case .noSuchAddress(let ip, let hint):
                text = "aucun Node, Service ou Pod n'a l'adresse \(ip)" + (hint.map { h in
                    let parts = h.split(separator: "=", maxSplits: 1)
                    return " (la flèche pointe vers \(parts[0]), dont l'adresse est \(parts.count > 1 ? parts[1] : ""))"
                } ?? "")
            case .noNodePort(let port, let node): text = "aucun Service n'a le nodePort \(port) sur \(node)"
            case .serviceLacksPort(let s, let port, let ports):
                text = "le Service \(s) n'a pas de port \(port) (ses ports : \(ports.map(String.init).joined(separator: ", ")))"
            case .doesNotResolve(let host, let ending): text = "\(host) ne se résout pas : \(self.ending(ending))"
            case .noSuchHost(let h): text = "aucun Pod ni adresse ne s'appelle \(h)"
            case .podDoesNotListen(let pod, let port, let ports):
                text = "\(pod) n'écoute pas le port \(port) (il écoute \(ports.map(String.init).joined(separator: ", ")))"
            case .notReachableEndpoint(let pod): text = "\(pod) n'est pas un endpoint que la requête peut atteindre"
            }
            return "flux, étape \(n) : \(text)"
        case .engineSays(let verdict, let ending): return "flux : le moteur dit « \(verdict) » : \(self.ending(ending))"
        case .unexpected(let from, let to, let expected, let verdict, let ending):
            return "flux \(from) → \(to) : la leçon attend « \(expected) », le moteur dit « \(verdict) » : \(self.ending(ending))"
        }
    }

    /// 200000 as 200 000 (a no-break space between groups, as French writes numbers).
    func grouped(_ n: Int) -> String {
        var digits = Array(String(n)), out = ""
        while digits.count > 3 { out = "\u{00A0}" + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return String(digits) + out
    }
}

/// libyaml's messages (scanner.c, parser.c, composer) in French; one not in the table is
/// quoted as libyaml wrote it.
enum LibYAML {
    static let table: [String: String] = [
        "mapping values are not allowed in this context": "une valeur de clé (`:`) n'est pas permise ici",
        "could not find expected ':'": "`:` attendu introuvable",
        "did not find expected key": "clé attendue introuvable",
        "did not find expected node content": "contenu attendu introuvable",
        "did not find expected ',' or ']'": "`,` ou `]` attendu introuvable",
        "did not find expected ',' or '}'": "`,` ou `}` attendu introuvable",
        "did not find expected '-' indicator": "tiret `-` attendu introuvable",
        "did not find expected <document start>": "début de document attendu introuvable",
        "found character that cannot start any token": "caractère qui ne peut commencer aucun élément",
        "found unexpected end of stream": "fin du texte inattendue",
        "found unknown escape character": "séquence d'échappement inconnue",
        "found undefined tag handle": "préfixe d'étiquette non défini",
        "found undefined alias": "alias non défini",
        "found a tab character that violate indentation": "une tabulation casse l'indentation",
        "found a tab character where an indentation space is expected": "une tabulation là où une espace d'indentation est attendue",
        "block sequence entries are not allowed in this context": "un élément de liste (`-`) n'est pas permis ici",
        "found duplicated key": "clé en double",
        "found unexpected document indicator": "indicateur de document inattendu",
        "while scanning a simple key": "en lisant une clé simple",
        "while scanning a quoted scalar": "en lisant un texte entre guillemets",
        "while scanning a block scalar": "en lisant un bloc de texte",
        "while scanning a plain scalar": "en lisant un texte",
        "while scanning an alias": "en lisant un alias",
        "while scanning an anchor": "en lisant une ancre",
        "while scanning a tag": "en lisant une étiquette",
        "while scanning a directive": "en lisant une directive",
        "while parsing a block mapping": "en lisant un dictionnaire",
        "while parsing a block collection": "en lisant une collection",
        "while parsing a flow sequence": "en lisant une liste entre crochets",
        "while parsing a flow mapping": "en lisant un dictionnaire entre accolades",
        "while parsing a block node": "en lisant un nœud",
        "while parsing a flow node": "en lisant un nœud",
        "while parsing a node": "en lisant un nœud",
        "while parsing a flow sequence entry": "en lisant un élément de liste",
        "while composing a mapping": "en composant un dictionnaire",
        "while composing a node": "en composant un nœud",
        "found more than 500 nested collections": "plus de 500 listes ou dictionnaires imbriqués",
        "expected a single document in the stream": "un seul document attendu",
        "but found another document": "mais un autre document suit",
    ]

    static func french(_ text: String) -> String { table[text] ?? "« \(text) »" }
}
