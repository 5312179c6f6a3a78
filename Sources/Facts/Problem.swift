/// What a diagnostic says, as a fact: one case per distinct problem, with the values it
/// names. The words are `Words`'s, in the reader's language.
public enum Problem: Sendable, Equatable {
    case loader(LoaderProblem)
    case yaml(YAMLPlace, YAMLProblem)
    case quiz(QuizProblem)
    /// What the Mermaid parser found in a lesson's diagram.
    case mermaid(MermaidProblem)
    /// A diagram read as a cluster: what the cluster builder could not do.
    case diagram(ClusterProblem)
    case scene(SceneProblem)
    case cluster(ClusterProblem)
    case flow(FlowProblem)
    case lab(LabProblem)
}

/// What is wrong with a ` ```yaml lab ` block, or with the lab it describes.
public enum LabProblem: Sendable, Equatable {
    case notAMapping
    /// A key the block must have: `title`, `files`, `goals`, `correction`.
    case missing(String)
    case unknownKey(String)
    case filesNotAMapping(String)
    case fileNotText(String)
    /// A file name that is not one `.yaml` file of the lab's folder (`../x`, `a/b.yaml`).
    case badFileName(String)
    case goalNotAMapping
    case goalMissing(String)
    case badSource(String)
    /// `lint`: the starting files already pass every goal, so the lab teaches nothing.
    case startPassesEveryGoal
    /// `lint`: the correction fails goal `number`.
    case correctionFails(number: Int, lab: Int)
}

/// The part of a lesson a YAML text comes from.
public enum YAMLPlace: Sendable, Equatable {
    case frontmatter, quiz, scene, diagramFrontmatter, nodeMetadata, lab
}

public enum YAMLProblem: Sendable, Equatable {
    /// libyaml's own words (`mapping values are not allowed in this context`), the
    /// construct it was reading (`while scanning a quoted scalar`) and where it gave up.
    case invalid(problem: String, context: String?, at: (line: Int, column: Int)?)
    /// Aliases expand past `limit` nodes ("billion laughs").
    case expandsTooFar(limit: Int)
    /// A mapping key made of aliases stands for more than `limit` nodes.
    case aliasKey(limit: Int)

    public static func == (a: YAMLProblem, b: YAMLProblem) -> Bool {
        switch (a, b) {
        case let (.invalid(p1, c1, at1), .invalid(p2, c2, at2)):
            return p1 == p2 && c1 == c2 && at1?.line == at2?.line && at1?.column == at2?.column
        case let (.expandsTooFar(x), .expandsTooFar(y)), let (.aliasKey(x), .aliasKey(y)): return x == y
        default: return false
        }
    }
}

public enum LoaderProblem: Sendable, Equatable {
    case noSuchPath
    case noLessonInFolder
    case cannotRead
    /// The system's own words for why (`Permission denied`, `Is a directory`).
    case cannotReadBecause(String)
    /// A FIFO or a device in a lesson's place: reading it would block or never end.
    case notAFile(FileKind)
    case tooLarge(bytes: Int, limit: Int)
    case binaryFile(nulAt: Int)
    case notUTF8
    case invalidUTF8(sequences: Int)
    case doubleEncoded(codePage: String, dropped: Int, lines: Int)
    case charactersLost(Int)
    /// The double-encoding repair of a file in one finding: what `charactersLost` said line by
    /// line, for people (tools keep the lines apart).
    case encodingRepaired(codePage: String, dropped: Int, lines: [Int])
    /// `U+001B`.
    case controlCharacterRemoved(String)
    case frontmatterUnclosed
    case frontmatterNotMapping
    case frontmatterWrongType(key: String, expected: ValueKind)
    case noTitle
    case directiveTrailingText(name: String, trailing: String)
    case unknownDirective(String)
    case strayDirectiveClose
    case unclosedDirective(String)
    case unusedFootnote(String)
    /// Quotes, lists or footnotes nested deeper than `limit`: the rest is kept as flat text.
    case nestingTooDeep(limit: Int)
    case diagramKindNotDrawn(String)

    public enum ValueKind: Sendable, Equatable { case text, list, number, languageCode }
    public enum FileKind: Sendable, Equatable { case fifo, device, other }
}

public enum QuizProblem: Sendable, Equatable {
    case empty
    case notQuestions
    case notAQuestion
    case missingQuestion
    case tooFewChoices
    case missingAnswer
    case answerNotAChoice(String)
    /// Every written question of the lesson has its answer at this position (1-based) in the
    /// source: the author may rely on order (the quiz shuffles, but the lesson reads so).
    case answersAllAt(Int, questions: Int)
    /// Two questions the lesson generates read the same and answer differently: neither is asked.
    case questionsCollide(String, otherLine: Int)
}

public enum MermaidProblem: Sendable, Equatable {
    case emptyDiagram
    case unknownKind(String)
    case frontmatterInvalid
    case frontmatterUnclosed
    case yaml(YAMLProblem)
    case edgeLabelUnclosedPipe
    case edgeLabelExpectedPipe
    case edgeLabelUnclosedArrow
    case expectedNodeID(found: String)
    case keywordAsNodeID(String)
    case expectedClassName
    case expectedPipe
    case expectedAfterQuote(String)
    case nodeTextUnclosed(String)
    case unexpectedInNodeText(String)
    case unterminatedString
    case metadataUnclosed
    case metadataInvalid
    case metadataExpandsTooFar
    case noSuchShape(String)
    case classDefNeedsName
    case classSyntax
    case styleNeedsNode
    case linkStyleNotANumber(String)
    case linkStyleOutOfBounds(index: Int, last: Int)
    case clickSyntax
    case accDescrSyntax
    case accDescrUnclosed
    case endWithoutSubgraph
    case unknownDirection(String)
    /// A line of a sequence diagram that is none of its statements.
    case sequenceLineNotRead(String)
    /// A mindmap has one root; another line as far left is kept under it.
    case mindmapSecondRoot(String)
    /// A line of a state diagram that is none of its statements.
    case stateLineNotRead(String)
    /// A line of a class diagram that is none of its statements.
    case classLineNotRead(String)
    /// A line of a git graph that is none of its commands (or names a branch not made).
    case gitLineNotRead(String)
    case unexpected(String)
    case subgraphTitleUnclosed
    case subgraphNeedsID
    case subgraphUnclosed
    /// Subgraphs nested deeper than `limit`: the deeper ones are read into the deepest.
    case subgraphsTooDeep(limit: Int)
}

/// A manifest or a `Scene` document that could not be read as given.
public enum SceneProblem: Sendable, Equatable {
    case tooLarge(bytes: Int, limit: Int)
    case expandsTooFar
    case documentNotObject
    case objectWithoutKind
    case kindNotSimulated(String)
    case unknownKind(apiVersion: String, kind: String)
    case certificateNeedsFields(String)
    case tlsSecretNeedsKeys(String)
    case serviceCIDRObjectInvalid(String)
    case secondScene
    case podCIDRInvalid(String)
    case serviceCIDRInvalid(String)
    case cniInvalid(String)
    case proxyModeAsIptables(String)
    case ingressControllerNeedsClassAndIP
    case nodeNeedsName
    case nodeIPInvalid(node: String, text: String)
    case clientNeedsNameAndIP
    case flowNeedsFromAndTo
    case portForwardSyntax(String)
    case expectInvalid(String, names: [String])
    case podWithoutName
    case podIPInvalid(pod: String, text: String)
    case tooManyReplicas(kind: String, name: String, replicas: Int)
    case selectorMismatch(kind: String, name: String)
    case serviceWithoutName
    case serviceUnknownType(service: String, type: String)
    case clusterIPInvalid(service: String, text: String)
    case portNeedsPort(String)
    case portsNeedNames(String)
    case matchExpressionInvalid
    case sliceNeedsServiceLabel(String)
    case sliceAddressInvalid(slice: String, text: String)
    case issuerBackend(kind: String, name: String)
    case listenerNeedsNameAndPort(String)
    case gatewayNeedsClass(String)
    case backendRefNeedsNameAndPort(String)
    case ingressPathType(String)
    case ingressPathSlash(String)
    case ingressPathBackend(String)
    case ingressRoutesNothing(String)
    /// A field or annotation that changes traffic in a real cluster and that the engine does
    /// not simulate: said, rather than silently doing something else.
    case fieldNotSimulated(object: String, field: String, effect: IgnoredEffect)
    case flowUnknownSource(String)
    // What misleads in a diagram.
    /// Pods drawn on different Nodes share one /24: each Node has its own pod range.
    case podsShareRange(range: String, nodes: [String])
    /// An address drawn is the network or broadcast address of its range.
    case networkAddress(address: String, range: String)
    /// A Node drawn without its address while the lesson's other scenes draw theirs.
    case nodeAddressInvented(node: String, given: String, lessonRange: String)
    // Finding a scene from the command line.
    case noSceneInLesson
    case severalScenes(path: String, scenes: [SceneListing])
    case noSuchScene(number: Int, count: Int)
}

/// What a real cluster would do with a field the engine ignores.
public enum IgnoredEffect: Sendable, Equatable {
    /// trafficDistribution, topology-mode, EndpointSlice hints: endpoints in the client's zone first.
    case zonePreference
    /// An HTTPRoute filter the engine does not apply (header changes, mirroring, extensions).
    case routeFilter
    /// `sessionPersistence`: one client keeps its backend.
    case sessionPersistence
    /// An ingress-nginx annotation that changes where or how a request goes.
    case nginxRouting
}

/// What the cluster builder (allocation, controllers) could not do as asked.
public enum ClusterProblem: Sendable, Equatable {
    case nodeTwice(String)
    case noAddressForNode(String)
    case nodeAddressTaken(node: String, address: String, owner: String)
    case nodePodCIDROutside(node: String, cidr: String, cluster: String)
    case noPodCIDRLeft(cluster: String, node: String)
    case podTwice(String)
    case podNoSuchNode(pod: String, node: String)
    case podIPOutsideNode(pod: String, ip: String, node: String, cidr: String)
    case nodeCIDRExhausted(pod: String, node: String, cidr: String)
    case podIPTaken(pod: String, ip: String, owner: String)
    case serviceTwice(String)
    case externalNameMissing(String)
    case headlessNotClusterIP(String)
    case clusterIPOutside(service: String, ip: String, ranges: [String])
    case clusterIPTaken(service: String, ip: String, owner: String)
    case serviceRangeFull(service: String, ranges: [String])
    case nodePortOutside(service: String, port: Int)
    case nodePortTaken(service: String, port: Int, owner: String)
    case noNodePortLeft(String)
    case loadBalancerPoolExhausted(service: String, pool: String)
    case selectorMatchesNothing(service: String, selector: String)
    case noPodWithPortName(service: String, port: String)
    case noGatewayClass(gateway: String, className: String)
    case routeWithoutGateway(route: String, gateway: String)
    case certificateNotReady(certificate: String, reason: CertificateReason)
    case noIngressClass(ingress: String, className: String?)
    case ingressServiceMissing(ingress: String, service: String, namespace: String)
}

/// A flow of a lesson that the engine plays otherwise than written.
public enum FlowProblem: Sendable, Equatable {
    /// A numbered step of a diagram's flow, with what is wrong with it.
    case step(Int, StepProblem)
    /// The engine's verdict for a diagram flow differs from the arrow's end.
    case engineSays(verdict: String, ending: Ending)
    /// `expect:` of a scene flow is not what the engine finds.
    case unexpected(from: String, to: String, expected: String, verdict: String, ending: Ending)

    public enum StepProblem: Sendable, Equatable {
        case noSuchAddress(String, hint: String?)
        case noNodePort(port: Int, node: String)
        case serviceLacksPort(service: String, port: Int, ports: [Int])
        case doesNotResolve(host: String, ending: Ending)
        case noSuchHost(String)
        case podDoesNotListen(pod: String, port: Int, ports: [Int])
        case notReachableEndpoint(String)
    }
}

extension Problem {
    /// Any problem of the frontmatter (a lesson whose frontmatter failed is not also told it
    /// has no title).
    public var isAboutFrontmatter: Bool {
        switch self {
        case .yaml(.frontmatter, _), .loader(.frontmatterUnclosed), .loader(.frontmatterNotMapping),
             .loader(.frontmatterWrongType): return true
        default: return false
        }
    }
}

/// One scene of a lesson, as a list of them names it.
public struct SceneListing: Sendable, Equatable {
    public var number: Int
    public var line: Int
    public var name: String
    public init(number: Int, line: Int, name: String) {
        self.number = number
        self.line = line
        self.name = name
    }
}

extension Array where Element == Diagnostic {
    /// For people: the lost characters of a double-encoded file folded into its repair's one
    /// finding (naming the lines), and the findings about what the lesson teaches first.
    public func groupedForReading() -> [Diagnostic] {
        var lostLines: [String: [Int]] = [:]
        for d in self { if case .loader(.charactersLost) = d.message { lostLines[d.file, default: []].append(d.line) } }
        var out: [Diagnostic] = []
        var encoding: [Diagnostic] = []
        for d in self {
            switch d.message {
            case .loader(.charactersLost): continue
            case .loader(.doubleEncoded(let page, let dropped, _)):
                var folded = d
                folded.message = .loader(.encodingRepaired(codePage: page, dropped: dropped, lines: lostLines[d.file] ?? []))
                encoding.append(folded)
            case .loader(.notUTF8), .loader(.invalidUTF8), .loader(.controlCharacterRemoved): encoding.append(d)
            default: out.append(d)
            }
        }
        return out + encoding
    }
}
