import Facts
import Mermaid

extension English {
    public func severity(_ severity: Severity) -> String { severity.rawValue }

    public func blockKind(_ kind: BlockKindName) -> String { kind.rawValue }

    public func problem(_ problem: Problem) -> String {
        switch problem {
        case .loader(let p): return loader(p)
        case .yaml(let place, let p): return "\(yamlPlace(place)): \(yaml(p))"
        case .quiz(let p): return "quiz: \(quiz(p))"
        case .mermaid(let p): return "mermaid: \(mermaid(p))"
        case .diagram(let p): return "diagram: \(cluster(p))"
        case .scene(let p): return scene(p)
        case .cluster(let p): return cluster(p)
        case .flow(let p): return flow(p)
        case .lab(let p): return "lab: \(lab(p))"
        }
    }

    func lab(_ p: LabProblem) -> String {
        switch p {
        case .notAMapping: return "the block must be a YAML mapping (title, files, goals, hints, correction)"
        case .missing(let key): return "`\(key)` is missing"
        case .unknownKey(let key): return "unknown key `\(Quote.short(key))` (title, statement, files, fixed, goals, hints, correction): ignored"
        case .filesNotAMapping(let key): return "`\(key)` must map a file name to its content"
        case .fileNotText(let key): return "a file of `\(key)` must be text (`name.yaml: |` then the YAML)"
        case .badFileName(let name): return "`\(Quote.short(name))` is not the name of a .yaml file in the lab's folder: ignored"
        case .goalNotAMapping: return "a goal must be a mapping (from/to/expect, endpoints/count or dns/from/answer)"
        case .goalMissing(let key): return "this goal lacks `\(key)`: ignored"
        case .badSource(let s): return "`source: \(Quote.short(s))`: `kept` (the client's address is kept) or `masqueraded`"
        case .startPassesEveryGoal: return "the starting files already meet every goal: there is nothing to do"
        case .correctionFails(let n, let lab): return "the correction misses goal \(n) (`reseau lab check LESSON.md#\(lab) --correction` says what happens)"
        }
    }

    func yamlPlace(_ place: YAMLPlace) -> String {
        switch place {
        case .frontmatter: return "frontmatter"
        case .quiz: return "quiz"
        case .scene: return "scene"
        case .diagramFrontmatter: return "diagram frontmatter"
        case .nodeMetadata: return "`@{ }`"
        case .lab: return "lab"
        }
    }

    func yaml(_ p: YAMLProblem) -> String {
        switch p {
        case .invalid(let problem, let context, let at):
            if let context, let at { return "invalid YAML: \(context) \(problem) (\(at.line):\(at.column))" }
            return "invalid YAML: \(problem)"
        case .expandsTooFar(let limit): return "the YAML expands to more than \(grouped(limit)) nodes (aliases): not read"
        case .aliasKey(let limit): return "a mapping key made of aliases stands for more than \(grouped(limit)) nodes: not read"
        }
    }

    func loader(_ p: LoaderProblem) -> String {
        switch p {
        case .noSuchPath: return "no such file or folder"
        case .noLessonInFolder: return "no Markdown lesson in this folder"
        case .cannotRead: return "cannot read the file"
        case .cannotReadBecause(let why): return "cannot read the file: \(why)"
        case .notAFile(let kind):
            switch kind {
            case .fifo: return "a FIFO, not a file: not read (it would wait for a writer)"
            case .device: return "a device, not a file: not read"
            case .other: return "not a regular file: not read"
            }
        case .tooLarge(let bytes, let limit): return "\(grouped(bytes)) bytes, more than the \(grouped(limit)) a lesson may hold: not read"
        case .binaryFile(let offset): return "binary file (NUL byte at offset \(offset)), not a lesson: skipped"
        case .notUTF8: return "file is not UTF-8: read as Windows-1252"
        case .invalidUTF8(let n): return "invalid UTF-8: \(plural(n, "byte sequence")) dropped"
        case .doubleEncoded(let page, let dropped, let lines):
            return "text was double-encoded (UTF-8 read as \(page)): repaired"
                + (dropped == 0 ? "" : "; \(plural(dropped, "unrecoverable sequence")) dropped on \(plural(lines, "line"))")
        case .charactersLost(let n): return "\(plural(n, "character")) lost in the double encoding, dropped"
        case .encodingRepaired(let page, let dropped, let lines):
            let shown = lines.prefix(3).map(String.init).joined(separator: ", ") + (lines.count > 3 ? ", … (\(lines.count))" : "")
            return "text was double-encoded (UTF-8 read as \(page)): repaired" + (dropped == 0 ? "" : "; \(plural(dropped, "character")) lost, dropped, on \(lines.count == 1 ? "line" : "lines") \(shown)")
        case .controlCharacterRemoved(let code): return "control character \(code) removed"
        case .frontmatterUnclosed: return "frontmatter: no closing `---` line; the file is read as Markdown only"
        case .frontmatterNotMapping: return "frontmatter: expected a mapping of keys to values"
        case .frontmatterWrongType(let key, let kind):
            let expected: String
            switch kind {
            case .text: expected = "text"
            case .list: expected = "a list"
            case .number: expected = "a number"
            case .languageCode: expected = "a language code"
            }
            return "frontmatter: `\(key)` must be \(expected)"
        case .noTitle: return "no `title` in the frontmatter: the first heading stands in"
        case .directiveTrailingText(let name, let trailing):
            return "text after the directive name is not part of the syntax; write `:::\(name)[\(trailing)]` for a title"
        case .unknownDirective(let name): return "unknown directive `:::\(name)`: shown as a plain box titled \"\(name)\""
        case .strayDirectiveClose: return "`:::` closes no open directive: ignored"
        case .unclosedDirective(let name): return "directive `:::\(name)` is never closed (a line `:::` must end it); its content is kept"
        case .unusedFootnote(let label): return "footnote `[^\(label)]` is never referenced, so it is not shown"
        case .nestingTooDeep(let limit): return "quotes or lists nested deeper than \(limit) levels: the deeper content is kept as plain text"
        case .diagramKindNotDrawn(let kind): return "mermaid `\(kind)` cannot be drawn yet: shown as its source"
        }
    }

    func quiz(_ p: QuizProblem) -> String {
        switch p {
        case .empty: return "the block is empty"
        case .notQuestions: return "expected a question (question, choices, answer) or a list of them"
        case .notAQuestion: return "expected a question with `question`, `choices` and `answer`"
        case .missingQuestion: return "missing `question`"
        case .tooFewChoices: return "`choices` must list at least two answers"
        case .missingAnswer: return "missing `answer` (the text of the right choice, or a list)"
        case .answerNotAChoice(let a): return "answer `\(a)` is not one of the choices"
        case .answersAllAt(let position, let n): return "the right answer of all \(n) single-answer questions is choice \(position) in the source: vary its place (students learn where answers stand; the quiz shuffles, vary it in the source too)"
        case .questionsCollide(let wording, let other): return "this question reads the same as the one of line \(other) (“\(wording)”) but answers differently: neither is asked"
        }
    }

    public func mermaid(_ p: MermaidProblem) -> String {
        switch p {
        case .emptyDiagram: return "empty diagram: expected `flowchart` or `graph`"
        case .unknownKind(let w): return "unknown diagram kind `\(Quote.short(w))`: expected `flowchart` or `graph`"
        case .frontmatterInvalid: return "diagram frontmatter is not valid YAML"
        case .frontmatterUnclosed: return "diagram frontmatter has no closing `---`"
        case .yaml(let y): return "diagram frontmatter: \(yaml(y))"
        case .edgeLabelUnclosedPipe: return "edge label never closed: expected `|`"
        case .edgeLabelExpectedPipe: return "expected `|` to end the edge label"
        case .edgeLabelUnclosedArrow: return "edge label never closed: expected an arrow such as `-->`"
        case .expectedNodeID(let found): return "expected a node id, found \(Quote.short(found))"
        case .keywordAsNodeID(let id): return "`\(Quote.short(id))` is a keyword, not a node id"
        case .expectedClassName: return "expected a class name after `:::`"
        case .expectedPipe: return "expected `|`"
        case .expectedAfterQuote(let c): return "expected `\(c)` after the quoted text"
        case .nodeTextUnclosed(let c): return "node text never closed: expected `\(c)`"
        case .unexpectedInNodeText(let c): return "unexpected `\(Quote.short(c))` in node text: put the text in quotes"
        case .unterminatedString: return "unterminated string"
        case .metadataUnclosed: return "`@{` never closed: expected `}`"
        case .metadataInvalid: return "`@{ }` is not valid YAML"
        case .metadataExpandsTooFar: return "`@{ }` expands its aliases too far"
        case .noSuchShape(let s): return "no shape `\(Quote.short(s))` in mermaid: drawn as a box (shapes: \(MermaidShapeNames.short.joined(separator: ", ")))"
        case .classDefNeedsName: return "classDef: expected a class name"
        case .classSyntax: return "class: expected `class ids name`"
        case .styleNeedsNode: return "style: expected a node id"
        case .linkStyleNotANumber(let part): return "linkStyle: `\(Quote.short(part))` is not an edge number"
        case .linkStyleOutOfBounds(let index, let last):
            return "The index \(index) for linkStyle is out of bounds. Valid indices for linkStyle are between 0 and \(last)."
        case .clickSyntax: return "click: expected `click id action`"
        case .accDescrSyntax: return "accDescr: expected `:` or `{`"
        case .accDescrUnclosed: return "accDescr: expected `}`"
        case .endWithoutSubgraph: return "`end` without an open `subgraph`"
        case .unknownDirection(let w): return "unknown direction `\(Quote.short(w))` (TB, TD, BT, LR or RL)"
        case .gitLineNotRead(let l): return "git graph: `\(Quote.short(l))` is not a commit, branch, checkout or merge of a branch made before: left out"
        case .classLineNotRead(let l): return "class diagram: `\(Quote.short(l))` is not a class, member or relation: left out"
        case .stateLineNotRead(let l): return "state diagram: `\(Quote.short(l))` is not a state, transition or note: left out"
        case .mindmapSecondRoot(let l): return "mindmap: `\(Quote.short(l))` is as far left as the root: a mindmap has one root, it is drawn under it"
        case .sequenceLineNotRead(let l): return "sequence diagram: `\(Quote.short(l))` is not a participant, message, note or block: left out"
        case .unexpected(let c): return "unexpected `\(Quote.short(c))`"
        case .subgraphTitleUnclosed: return "subgraph title: expected `]`"
        case .subgraphNeedsID: return "subgraph: expected an id or a title"
        case .subgraphUnclosed: return "subgraph never closed: expected `end`"
        case .subgraphsTooDeep(let limit): return "subgraphs nested deeper than \(limit) levels: the deeper ones are drawn inside the deepest"
        }
    }

    func scene(_ p: SceneProblem) -> String {
        switch p {
        case .tooLarge(let bytes, let limit): return "scene: \(bytes) bytes is more than the \(limit) a scene may hold: not read"
        case .expandsTooFar: return "scene: the YAML expands to more than 200,000 nodes (aliases?): the rest is not read"
        case .documentNotObject: return "scene: each document must be a Kubernetes object (a mapping)"
        case .objectWithoutKind: return "scene: an object without `kind`"
        case .kindNotSimulated(let k): return "\(k) is not simulated yet: ignored"
        case .unknownKind(let api, let kind): return "unknown kind \(api)/\(kind): ignored"
        case .certificateNeedsFields(let n): return "Certificate \(n): spec.secretName and spec.issuerRef.name are required"
        case .tlsSecretNeedsKeys(let n): return "Secret \(n): a kubernetes.io/tls Secret needs tls.crt and tls.key"
        case .serviceCIDRObjectInvalid(let t): return "ServiceCIDR: `\(t)` is not a CIDR"
        case .secondScene: return "a second Scene document: its settings replace the first's"
        case .podCIDRInvalid(let t): return "Scene: podCIDR `\(t)` is not a CIDR"
        case .serviceCIDRInvalid(let t): return "Scene: service CIDR `\(t)` is not a CIDR"
        case .cniInvalid(let t): return "Scene: cni must be overlay, routed or flat, not `\(t)`"
        case .proxyModeAsIptables(let m): return "Scene: proxyMode \(m) is drawn as iptables (the only mode simulated)"
        case .ingressControllerNeedsClassAndIP: return "Scene: an ingress controller needs a `class` and an `ip`"
        case .nodeNeedsName: return "Scene: a node needs a `name`"
        case .nodeIPInvalid(let node, let text): return "Scene: node \(node): `\(text)` is not an IPv4 address"
        case .clientNeedsNameAndIP: return "Scene: a client needs a `name` and an `ip`"
        case .flowNeedsFromAndTo: return "Scene: a flow needs `from` and `to` (or `portForward: svc/NAME:PORT`)"
        case .portForwardSyntax(let t): return "Scene: `portForward: \(t)` is not TARGET:PORT (svc/web:80, pod/web-0:8080)"
        case .expectInvalid(let t, let names): return "Scene: flow `expect: \(t)` is not one of \(names.joined(separator: ", "))"
        case .podWithoutName: return "Pod without metadata.name"
        case .podIPInvalid(let pod, let text): return "Pod \(pod): status.podIP `\(text)` is not an IPv4 address"
        case .tooManyReplicas(let kind, let name, let n): return "\(kind) \(name): \(n) replicas is more than a scene may hold (10,000)"
        case .selectorMismatch(let kind, let name): return "\(kind) \(name): spec.selector does not match the template's labels"
        case .serviceWithoutName: return "Service without metadata.name"
        case .serviceUnknownType(let s, let t): return "Service \(s): unknown type \(t)"
        case .clusterIPInvalid(let s, let t): return "Service \(s): clusterIP `\(t)` is not an IPv4 address"
        case .portNeedsPort(let s): return "Service \(s): a port needs `port`"
        case .portsNeedNames(let s): return "Service \(s): with several ports, each needs a name"
        case .matchExpressionInvalid: return "a matchExpression needs a key and an operator In, NotIn, Exists or DoesNotExist"
        case .sliceNeedsServiceLabel(let n): return "EndpointSlice \(n): the label kubernetes.io/service-name names its Service"
        case .sliceAddressInvalid(let n, let t): return "EndpointSlice \(n): `\(t)` is not an IPv4 address"
        case .issuerBackend(let kind, let name): return "\(kind) \(name): expected selfSigned, ca or acme"
        case .listenerNeedsNameAndPort(let n): return "Gateway \(n): a listener needs a name and a port"
        case .gatewayNeedsClass(let n): return "Gateway \(n): spec.gatewayClassName is required"
        case .backendRefNeedsNameAndPort(let n): return "HTTPRoute \(n): a backendRef needs a name and a port"
        case .ingressPathType(let n): return "Ingress \(n): pathType must be Exact, Prefix or ImplementationSpecific"
        case .ingressPathSlash(let n): return "Ingress \(n): a path must start with /"
        case .ingressPathBackend(let n): return "Ingress \(n): a path needs backend.service.name and a port number or name"
        case .ingressRoutesNothing(let n): return "Ingress \(n) has no rules and no defaultBackend: it routes nothing"
        case .fieldNotSimulated(let object, let field, let effect):
            let real: String
            switch effect {
            case .zonePreference: real = "a real kube-proxy prefers endpoints in the client's zone; here every endpoint is as likely"
            case .routeFilter: real = "a real data plane changes the request or copies it; here it goes on unchanged"
            case .sessionPersistence: real = "a real data plane keeps a client on one backend; here each request is drawn anew"
            case .nginxRouting: real = "ingress-nginx would change where or how this request goes; here the Ingress rules alone decide"
            }
            return "\(object): \(field) is not simulated: \(real)"
        case .flowUnknownSource(let n): return "flow: no Pod, Node or client named \(n)"
        case .podsShareRange(let range, let nodes):
            return "the Pods of \(nodes.joined(separator: " and ")) share \(range): each Node has a pod range of its own (spec.podCIDR), and the engine's routes and masquerading follow what is drawn"
        case .networkAddress(let address, let range): return "\(address) is the network or broadcast address of \(range): no Pod, Node or Service has it"
        case .nodeAddressInvented(let node, let given, let range):
            return "\(French.namesItsKind(node) ? node : "Node " + node) has no address in the drawing: the engine gives it \(given), while the lesson's other scenes use \(range); draw its address"
        case .noSceneInLesson: return "no scene in this lesson (a `yaml scene` block or a cluster diagram)"
        case .severalScenes(let path, let scenes):
            let list = scenes.map { "#\($0.number) (line \($0.line)) \($0.name)" }.joined(separator: "; ")
            return "this lesson has \(scenes.count) scenes: name one with \(path)#N — \(list)"
        case .noSuchScene(let n, let count): return "scene #\(n): the lesson has \(count)"
        }
    }

    func cluster(_ p: ClusterProblem) -> String {
        switch p {
        case .nodeTwice(let n): return "Node \(n) is defined twice"
        case .noAddressForNode(let n): return "no address left for Node \(n)"
        case .nodeAddressTaken(let n, let a, let o): return "Node \(n): address \(a) is already \(o)'s"
        case .nodePodCIDROutside(let n, let c, let cl): return "Node \(n): pod CIDR \(c) is outside the cluster's \(cl)"
        case .noPodCIDRLeft(let cl, let n): return "the cluster pod CIDR \(cl) has no /24 left for Node \(n)"
        case .podTwice(let p): return "Pod \(p) is defined twice"
        case .podNoSuchNode(let p, let n): return "Pod \(p): no Node named \(n)"
        case .podIPOutsideNode(let p, let ip, let n, let c): return "Pod \(p): IP \(ip) is outside its Node \(n)'s pod CIDR \(c)"
        case .nodeCIDRExhausted(let p, let n, let c): return "Pod \(p): Node \(n)'s pod CIDR \(c) is exhausted"
        case .podIPTaken(let p, let ip, let o): return "Pod \(p): IP \(ip) is already \(o)'s"
        case .serviceTwice(let s): return "Service \(s) is defined twice"
        case .externalNameMissing(let s): return "Service \(s): type ExternalName needs `externalName`"
        case .headlessNotClusterIP(let s): return "Service \(s): a headless Service (clusterIP: None) must be of type ClusterIP"
        case .clusterIPOutside(let s, let ip, let r): return "Service \(s): clusterIP \(ip) is outside the service CIDR \(r.joined(separator: ", "))"
        case .clusterIPTaken(let s, let ip, let o): return "Service \(s): clusterIP \(ip) is already allocated to \(o)"
        case .serviceRangeFull(let s, let r): return "Service \(s): failed to allocate a cluster IP, the service range \(r.joined(separator: ", ")) is full"
        case .nodePortOutside(let s, let p): return "Service \(s): nodePort \(p) is outside the range 30000-32767"
        case .nodePortTaken(let s, let p, let o): return "Service \(s): nodePort \(p) is already allocated to \(o)"
        case .noNodePortLeft(let s): return "Service \(s): no node port left in 30000-32767"
        case .loadBalancerPoolExhausted(let s, let pool): return "Service \(s): the load-balancer pool \(pool) is exhausted: EXTERNAL-IP stays <pending>"
        case .selectorMatchesNothing(let s, let sel): return "Service \(s): its selector \(sel) matches no Pod"
        case .noPodWithPortName(let s, let port): return "Service \(s): no selected Pod has a port named \(port)"
        case .noGatewayClass(let g, let c): return "Gateway \(g): no GatewayClass \(c): no controller programs it"
        case .routeWithoutGateway(let r, let g): return "HTTPRoute \(r): no Gateway \(g) to attach to"
        case .certificateNotReady(let c, let reason): return "Certificate \(c): \(certificate(reason))"
        case .noIngressClass(let i, let c): return "Ingress \(i): no IngressClass \(c ?? "(default)"): no controller serves it"
        case .ingressServiceMissing(let i, let s, let ns): return "Ingress \(i): no Service \(s) in namespace \(ns): its requests get 503"
        }
    }

    func flow(_ p: FlowProblem) -> String {
        switch p {
        case .step(let n, let step):
            let text: String
            switch step {
            case .noSuchAddress(let ip, let hint):
                text = "no Node, Service or Pod has the address \(ip)" + (hint.map { h in
                    let parts = h.split(separator: "=", maxSplits: 1)
                    return " (the arrow points at \(parts[0]), whose address is \(parts.count > 1 ? parts[1] : ""))"
                } ?? "")
            case .noNodePort(let port, let node): text = "no Service has the nodePort \(port) on \(node)"
            case .serviceLacksPort(let s, let port, let ports):
                text = "Service \(s) has no port \(port) (its ports: \(ports.map(String.init).joined(separator: ", ")))"
            case .doesNotResolve(let host, let ending): text = "\(host) does not resolve: \(self.ending(ending))"
            case .noSuchHost(let h): text = "no Pod or address named \(h)"
            case .podDoesNotListen(let pod, let port, let ports):
                text = "\(pod) does not listen on port \(port) (it listens on \(ports.map(String.init).joined(separator: ", ")))"
            case .notReachableEndpoint(let pod): text = "\(pod) is not an endpoint the request can reach"
            }
            return "flow step \(n): \(text)"
        case .engineSays(let verdict, let ending): return "flow: the engine says \(verdict): \(self.ending(ending))"
        case .unexpected(let from, let to, let expected, let verdict, let ending):
            return "flow \(from) → \(to): the lesson expects \(expected), the engine says \(verdict): \(self.ending(ending))"
        }
    }

    func plural(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }

    /// 200000 as 200,000.
    func grouped(_ n: Int) -> String {
        var digits = Array(String(n)), out = ""
        while digits.count > 3 { out = "," + String(digits.suffix(3)) + out; digits.removeLast(3) }
        return String(digits) + out
    }
}
