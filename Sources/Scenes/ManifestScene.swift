import YAMLGuard
import Facts
import Course

import NetSim

/// A scene written as Kubernetes manifests (a `yaml scene` block or a `.yaml` file): real
/// objects, including what `kubectl get -o yaml` prints, plus one `kind: Scene` document
/// for what manifests cannot say (Nodes, ranges, CNI, clients, flows).
public enum ManifestScene {
    /// Above this, a scene is refused rather than read.
    public static let maximumSize = 4 * 1024 * 1024

    /// Kinds of the lesson format that the engine does not simulate yet: read, reported, ignored.
    static let notSimulated: Set<String> = [
        "ConfigMap",
    ]

    /// `line` and `column` locate the YAML's first character in the file.
    public static func load(_ yaml: String, file: String, line origin: Int, column: Int, name: String) -> Scene {
        var reader = Reader(file: file, origin: origin, column: column)
        reader.read(yaml)
        return reader.scene(name: name)
    }

    struct Reader {
        let file: String
        let origin: Int
        let column: Int
        var builder = ClusterBuilder()
        var flows: [Flow] = []
        var diagnostics: [Diagnostic] = []
        var budget = YAMLBudget()
        var sawScene = false
        /// Workloads, made into Pods at the end (see `generateWorkloads`), with the place
        /// their Pods take among the others (addresses are given in that order).
        var workloads: [(node: Node, kind: String, at: Int)] = []
        /// The Pods read as objects: name, owners, labels.
        var dumpedPods: [(name: ObjectName, owners: [(kind: String, name: String)], labels: [String: String])] = []
        /// `v1` Endpoints objects, mirrored at the end where no EndpointSlice stands for them.
        var legacyEndpoints: [Node] = []

        init(file: String, origin: Int, column: Int) {
            self.file = file
            self.origin = origin
            self.column = column
        }

        func position(_ node: Node?) -> (Int, Int) {
            guard let mark = node?.mark else { return (origin, column) }
            return (origin + mark.line - 1, column + mark.column - 1)
        }

        mutating func report(_ severity: Severity, _ message: SceneProblem, at node: Node?) {
            let (line, col) = position(node)
            diagnostics.append(Diagnostic(file: file, line: line, column: col, severity: severity, message: .scene(message)))
        }

        mutating func read(_ text: String) {
            let yaml = YAMLAliasGuard.withEditorLineBreaks(text)
            guard yaml.utf8.count <= ManifestScene.maximumSize else {
                report(.error, .tooLarge(bytes: yaml.utf8.count, limit: ManifestScene.maximumSize), at: nil)
                return
            }
            if let refusal = YAMLAliasGuard.check(yaml) {
                diagnostics.append(Diagnostic(file: file, line: origin + refusal.line - 1, column: refusal.line == 1 ? column + refusal.column - 1 : refusal.column,
                                              severity: .error, message: .yaml(.scene, refusal.problem)))
                return
            }
            // Document by document: those before a syntax error are still read.
            let (documents, error) = YAMLRead.documents(yaml)
            if let error {
                let (l, c, message) = YAMLText.describe(error, line: origin, column: column)
                diagnostics.append(Diagnostic(file: file, line: l, column: c, severity: .error, message: .yaml(.scene, message)))
            }
            for document in documents {
                guard budget.charge(document) else {
                    report(.error, .expandsTooFar, at: document)
                    return
                }
                readObject(document)
            }
        }

        /// One object, by its apiVersion and kind. `inList`: an item of a `List`.
        mutating func readObject(_ document: Node, inList: Bool = false) {
            guard case .mapping = document else {
                report(.error, .documentNotObject, at: document)
                return
            }
            let kind = document["kind"]?.text ?? ""
            let apiVersion = document["apiVersion"]?.text ?? ""
            switch (apiVersion, kind) {
            // `kubectl get pods,svc -o yaml` prints one List whose items are the objects.
            // kubectl never nests Lists: one inside another is not read (nor recursed into).
            case ("v1", "List") where !inList:
                for item in document["items"]?.list ?? [] { readObject(item, inList: true) }
            case ("v1", "List"):
                report(.warning, .kindNotSimulated("List"), at: document["kind"])
            case ("v1", "Node"): readNode(document)
            case ("reseau/v1", "Scene"): readScene(document)
            case ("v1", "Pod"): readPod(document)
            case ("v1", "Service"): readService(document)
            case ("v1", "Namespace"):
                if let ns = document[path: "metadata", "name"]?.text {
                    builder.namespaces[ns] = document[path: "metadata", "labels"]?.stringMap ?? [:]
                }
            case ("networking.k8s.io/v1", "NetworkPolicy"): readNetworkPolicy(document)
            case ("cert-manager.io/v1", "Issuer"), ("cert-manager.io/v1", "ClusterIssuer"): readIssuer(document, kind: kind)
            case ("cert-manager.io/v1", "Certificate"):
                let name = objectName(document)
                let spec = document["spec"]
                guard let secret = spec?["secretName"]?.text, let issuer = spec?[path: "issuerRef", "name"]?.text else {
                    report(.error, .certificateNeedsFields(name.description), at: document["spec"] ?? document)
                    break
                }
                builder.certificates.append(Certificate(
                    name: name, secretName: secret, issuerName: issuer,
                    issuerKind: spec?[path: "issuerRef", "kind"]?.text == "ClusterIssuer" ? .clusterIssuer : .issuer,
                    dnsNames: (spec?["dnsNames"]?.list ?? []).compactMap(\.text) + [spec?["commonName"]?.text].compactMap { $0 }))
            case ("gateway.networking.k8s.io/v1", "GatewayClass"), ("gateway.networking.k8s.io/v1beta1", "GatewayClass"):
                builder.gatewayClasses.append(GatewayClass(name: document[path: "metadata", "name"]?.text ?? "",
                                                           controllerName: document[path: "spec", "controllerName"]?.text ?? ""))
            case ("gateway.networking.k8s.io/v1", "Gateway"), ("gateway.networking.k8s.io/v1beta1", "Gateway"): readGateway(document)
            case ("gateway.networking.k8s.io/v1", "HTTPRoute"), ("gateway.networking.k8s.io/v1beta1", "HTTPRoute"): readHTTPRoute(document)
            case ("gateway.networking.k8s.io/v1beta1", "ReferenceGrant"), ("gateway.networking.k8s.io/v1", "ReferenceGrant"): readReferenceGrant(document)
            case ("apps/v1", "Deployment"), ("apps/v1", "StatefulSet"), ("apps/v1", "ReplicaSet"), ("apps/v1", "DaemonSet"):
                workloads.append((document, kind, builder.pods.count))
            // What `kubectl get all` adds that routes nothing: their Pods, when dumped, are read as Pods.
            case ("batch/v1", "Job"), ("batch/v1", "CronJob"), ("autoscaling/v2", "HorizontalPodAutoscaler"),
                 ("autoscaling/v1", "HorizontalPodAutoscaler"), ("policy/v1", "PodDisruptionBudget"), ("v1", "ServiceAccount"):
                break
            // Endpoints (v1, deprecated): mirrored into an EndpointSlice for a Service without
            // selector when the dump has no slice for it (the EndpointSliceMirroring controller).
            case ("v1", "Endpoints"): legacyEndpoints.append(document)
            case ("discovery.k8s.io/v1", "EndpointSlice"): readEndpointSlice(document)
            case ("networking.k8s.io/v1", "Ingress"): readIngress(document)
            case ("networking.k8s.io/v1", "IngressClass"):
                let annotations = document[path: "metadata", "annotations"]?.stringMap ?? [:]
                builder.ingressClasses.append(IngressClass(
                    name: document[path: "metadata", "name"]?.text ?? "",
                    controller: document[path: "spec", "controller"]?.text ?? "k8s.io/ingress-nginx",
                    isDefault: annotations["ingressclass.kubernetes.io/is-default-class"] == "true"))
            case ("v1", "Secret"):
                let data = (document["data"]?.stringMap ?? [:]).merging(document["stringData"]?.stringMap ?? [:]) { a, _ in a }
                if document["type"]?.text == "kubernetes.io/tls" {
                    if data["tls.crt"] != nil && data["tls.key"] != nil { builder.tlsSecrets.append(objectName(document)) }
                    else { report(.warning, .tlsSecretNeedsKeys(objectName(document).description), at: document["type"]) }
                }
            case ("networking.k8s.io/v1", "ServiceCIDR"), ("networking.k8s.io/v1beta1", "ServiceCIDR"):
                for cidr in document[path: "spec", "cidrs"]?.list ?? [] {
                    if let c = cidr.text.flatMap(CIDR.init) { builder.serviceCIDRs.append(c) }
                    else { report(.error, .serviceCIDRObjectInvalid(cidr.text ?? ""), at: cidr) }
                }
            case (_, ""):
                report(.error, .objectWithoutKind, at: document)
            case (_, let k) where ManifestScene.notSimulated.contains(k):
                report(.warning, .kindNotSimulated(k), at: document["kind"])
            default:
                report(.warning, .unknownKind(apiVersion: apiVersion, kind: kind), at: document["kind"])
            }
        }

        // MARK: - Objects

        func objectName(_ node: Node) -> ObjectName {
            ObjectName(node[path: "metadata", "namespace"]?.text ?? "default", node[path: "metadata", "name"]?.text ?? "")
        }

        mutating func readScene(_ node: Node) {
            if sawScene { report(.warning, .secondScene, at: node["kind"]) }
            sawScene = true
            let cluster = node["cluster"]
            if let domain = cluster?["domain"]?.text { builder.domain = domain }
            if let text = cluster?["podCIDR"]?.text {
                if let cidr = CIDR(text) { builder.podCIDR = cidr } else { report(.error, .podCIDRInvalid(text), at: cluster?["podCIDR"]) }
            }
            var ranges: [CIDR] = []
            for item in (cluster?["serviceCIDRs"]?.list ?? []) + [cluster?["serviceCIDR"]].compactMap({ $0 }) {
                if let c = item.text.flatMap(CIDR.init) { ranges.append(c) } else { report(.error, .serviceCIDRInvalid(item.text ?? ""), at: item) }
            }
            if !ranges.isEmpty { builder.serviceCIDRs = ranges }
            if let cni = cluster?["cni"]?.text {
                if let mode = CNIMode(rawValue: cni) { builder.cni = mode } else { report(.error, .cniInvalid(cni), at: cluster?["cni"]) }
            }
            if let proxy = cluster?["proxyMode"]?.text, proxy != "iptables" {
                report(.warning, .proxyModeAsIptables(proxy), at: cluster?["proxyMode"])
            }
            if let pool = cluster?["loadBalancerPool"]?.text { builder.loadBalancerPool = CIDR(pool) }
            for item in node["ingressControllers"]?.list ?? [] {
                if let name = item["class"]?.text, let ip = item["ip"]?.text.flatMap(IPv4Address.init) { builder.ingressControllerIPs[name] = ip }
                else { report(.error, .ingressControllerNeedsClassAndIP, at: item) }
            }
            for item in node["nodes"]?.list ?? [] {
                guard let name = item["name"]?.text else { report(.error, .nodeNeedsName, at: item); continue }
                var ip: IPv4Address?
                if let text = item["ip"]?.text {
                    ip = IPv4Address(text)
                    if ip == nil { report(.error, .nodeIPInvalid(node: name, text: text), at: item["ip"]) }
                }
                addNode(.init(name: name, ip: ip, podCIDR: item["podCIDR"]?.text.flatMap(CIDR.init),
                              labels: item["labels"]?.stringMap ?? [:], origin: position(item).0))
            }
            for item in node["clients"]?.list ?? [] {
                guard let name = item["name"]?.text, let ip = item["ip"]?.text.flatMap(IPv4Address.init) else {
                    report(.error, .clientNeedsNameAndIP, at: item); continue
                }
                builder.clients.append(ExternalClient(name: name, ip: ip))
            }
            for item in node["flows"]?.list ?? [] {
                let forward = item["portForward"]?.text
                guard let from = item["from"]?.text, let to = item["to"]?.text ?? forward.map({ "kubectl port-forward \($0)" }) else {
                    report(.error, .flowNeedsFromAndTo, at: item); continue
                }
                if let forward, forward.split(separator: ":").count != 2 || Int(forward.split(separator: ":")[1]) == nil {
                    report(.error, .portForwardSyntax(forward), at: item["portForward"]); continue
                }
                let (line, col) = position(item)
                var flow = Flow(from: from, to: to, line: line, column: col)
                flow.portForward = forward
                if let p = item["protocol"]?.text.flatMap({ TransportProtocol(rawValue: $0.uppercased()) }) { flow.protocol = p }
                if let m = item["method"]?.text { flow.method = m }
                flow.headers = item["headers"]?.stringMap ?? [:]
                if let expect = item["expect"]?.text {
                    if Verdict.names.contains(expect) { flow.expect = expect }
                    else { report(.error, .expectInvalid(expect, names: Verdict.names), at: item["expect"]) }
                }
                flows.append(flow)
            }
        }

        mutating func readService(_ node: Node) {
            let name = objectName(node)
            guard !name.name.isEmpty else { return report(.error, .serviceWithoutName, at: node) }
            let spec = node["spec"]
            let typeText = spec?["type"]?.text ?? "ClusterIP"
            guard let type = ServiceType(rawValue: typeText) else {
                return report(.error, .serviceUnknownType(service: name.description, type: typeText), at: spec?["type"])
            }
            var service = Service(name: name, type: type)
            var headless = false
            if let ip = spec?["clusterIP"]?.text {
                if ip == "None" { headless = true }
                else if let address = IPv4Address(ip) { service.clusterIP = address }
                else if !ip.isEmpty { report(.error, .clusterIPInvalid(service: name.description, text: ip), at: spec?["clusterIP"]) }
            }
            for p in spec?["ports"]?.list ?? [] {
                guard let port = p["port"]?.int else { report(.error, .portNeedsPort(name.description), at: p); continue }
                var target: TargetPort?
                if let t = p["targetPort"] { target = t.int.map(TargetPort.number) ?? t.text.map(TargetPort.name) }
                service.ports.append(ServicePort(name: p["name"]?.text ?? "", port: port, targetPort: target,
                                                 nodePort: p["nodePort"]?.int,
                                                 protocol: p["protocol"]?.text.flatMap(TransportProtocol.init(rawValue:)) ?? .tcp))
            }
            if service.ports.count > 1, service.ports.contains(where: { $0.name.isEmpty }) {
                report(.error, .portsNeedNames(name.description), at: spec?["ports"])
            }
            if let selector = spec?["selector"] { service.selector = selector.stringMap }
            service.externalName = spec?["externalName"]?.text
            service.sessionAffinityClientIP = spec?["sessionAffinity"]?.text == "ClientIP"
            if let p = spec?["externalTrafficPolicy"]?.text { service.externalTrafficPolicy = p == "Local" ? .local : .cluster }
            service.healthCheckNodePort = spec?["healthCheckNodePort"]?.int
            if let p = spec?["internalTrafficPolicy"]?.text { service.internalTrafficPolicy = p == "Local" ? .local : .cluster }
            service.loadBalancerSourceRanges = (spec?["loadBalancerSourceRanges"]?.list ?? []).compactMap { $0.text.flatMap(CIDR.init) }
            service.externalIPs = (spec?["externalIPs"]?.list ?? []).compactMap { $0.text.flatMap(IPv4Address.init) }
            if let allocate = spec?["allocateLoadBalancerNodePorts"]?.bool { service.allocateLoadBalancerNodePorts = allocate }
            service.publishNotReadyAddresses = spec?["publishNotReadyAddresses"]?.bool ?? false
            // Topology Aware Routing and trafficDistribution (KEP-2433, KEP-4444) are not simulated.
            if let distribution = spec?["trafficDistribution"] {
                report(.warning, .fieldNotSimulated(object: "Service \(name)", field: "spec.trafficDistribution", effect: .zonePreference), at: distribution)
            }
            for key in ["service.kubernetes.io/topology-mode", "service.kubernetes.io/topology-aware-hints"]
            where node[path: "metadata", "annotations", key]?.text.map({ $0.lowercased() != "disabled" }) == true {
                report(.warning, .fieldNotSimulated(object: "Service \(name)", field: key, effect: .zonePreference), at: node[path: "metadata", "annotations"])
            }
            for ingress in node[path: "status", "loadBalancer", "ingress"]?.list ?? [] {
                if let ip = ingress["ip"]?.text.flatMap(IPv4Address.init) { service.loadBalancerIPs.append(ip) }
                if ingress["ipMode"]?.text == "Proxy" { service.loadBalancerIPMode = .proxy }
            }
            builder.services.append(.init(service, headless: headless, origin: position(node).0))
        }

        mutating func selector(_ node: Node?) -> LabelSelector? {
            guard let node else { return nil }
            var s = LabelSelector(matchLabels: node["matchLabels"]?.stringMap ?? [:])
            for e in node["matchExpressions"]?.list ?? [] {
                guard let key = e["key"]?.text, let op = e["operator"]?.text.flatMap(LabelSelector.Requirement.Operator.init(rawValue:)) else {
                    report(.error, .matchExpressionInvalid, at: e); continue
                }
                s.matchExpressions.append(.init(key: key, op: op, values: (e["values"]?.list ?? []).compactMap(\.text)))
            }
            return s
        }

        mutating func readEndpointSlice(_ node: Node) {
            let name = objectName(node)
            // kube-proxy of an IPv4 cluster reads the IPv4 slices; a dual-stack dump's IPv6
            // ones are the other family, FQDN ones are read by no proxy.
            if let type = node["addressType"]?.text, type != "IPv4" { return }
            guard let service = node[path: "metadata", "labels", "kubernetes.io/service-name"]?.text else {
                return report(.error, .sliceNeedsServiceLabel(name.description), at: node["metadata"])
            }
            var endpoints: [Endpoint] = []
            var hinted = false
            for e in node["endpoints"]?.list ?? [] {
                if let hints = e["hints"], !hinted {
                    hinted = true
                    report(.warning, .fieldNotSimulated(object: "EndpointSlice \(name)", field: "endpoints[].hints", effect: .zonePreference), at: hints)
                }
                for a in e["addresses"]?.list ?? [] {
                    guard let ip = a.text.flatMap(IPv4Address.init) else { report(.error, .sliceAddressInvalid(slice: name.description, text: a.text ?? ""), at: a); continue }
                    let pod = e[path: "targetRef", "name"]?.text.map { ObjectName(name.namespace, $0) }
                    var endpoint = Endpoint(ip: ip, ready: e[path: "conditions", "ready"]?.bool ?? true,
                                            nodeName: e["nodeName"]?.text, pod: pod, hostname: e["hostname"]?.text)
                    // discovery.k8s.io/v1: serving nil defers to ready; terminating nil is false.
                    endpoint.serving = e[path: "conditions", "serving"]?.bool
                    endpoint.terminating = e[path: "conditions", "terminating"]?.bool ?? false
                    endpoints.append(endpoint)
                }
            }
            let ports = (node["ports"]?.list ?? []).compactMap { p -> EndpointPort? in
                guard let n = p["port"]?.int else { return nil }
                return EndpointPort(name: p["name"]?.text ?? "", port: n, protocol: p["protocol"]?.text.flatMap(TransportProtocol.init(rawValue:)) ?? .tcp)
            }
            builder.endpointSlices.append(EndpointSlice(name: name, service: service, endpoints: endpoints, ports: ports))
        }

        /// The EndpointSliceMirroring controller: custom Endpoints of a Service without selector
        /// become an EndpointSlice (addresses ready, notReadyAddresses not), unless one is given.
        mutating func mirrorLegacyEndpoints() {
            for node in legacyEndpoints {
                let name = objectName(node)
                guard !builder.endpointSlices.contains(where: { $0.name.namespace == name.namespace && $0.service == name.name }) else { continue }
                var endpoints: [Endpoint] = []
                var ports: [EndpointPort] = []
                for subset in node["subsets"]?.list ?? [] {
                    for (key, ready) in [("addresses", true), ("notReadyAddresses", false)] {
                        for a in subset[key]?.list ?? [] {
                            guard let ip = a["ip"]?.text.flatMap(IPv4Address.init) else { continue }
                            let pod = a[path: "targetRef", "name"]?.text.map { ObjectName(name.namespace, $0) }
                            endpoints.append(Endpoint(ip: ip, ready: ready, nodeName: a["nodeName"]?.text, pod: pod, hostname: a["hostname"]?.text))
                        }
                    }
                    for p in subset["ports"]?.list ?? [] {
                        guard let n = p["port"]?.int else { continue }
                        ports.append(EndpointPort(name: p["name"]?.text ?? "", port: n, protocol: p["protocol"]?.text.flatMap(TransportProtocol.init(rawValue:)) ?? .tcp))
                    }
                }
                builder.endpointSlices.append(EndpointSlice(name: ObjectName(name.namespace, name.name + "-mirror"), service: name.name,
                                                            endpoints: endpoints, ports: ports))
            }
        }

        mutating func scene(name: String) -> Scene {
            generateWorkloads()
            mirrorLegacyEndpoints()
            let (cluster, problems) = builder.build()
            for problem in problems {
                diagnostics.append(Diagnostic(file: file, line: problem.origin ?? origin, column: column,
                                              severity: problem.severity, message: .cluster(problem.problem)))
            }
            for flow in flows where cluster.source(flow.from) == nil {
                diagnostics.append(Diagnostic(file: file, line: flow.line, column: flow.column, severity: .error,
                                              message: .scene(.flowUnknownSource(flow.from))))
            }
            return Scene(name: name, cluster: cluster, flows: flows, diagnostics: diagnostics)
        }
    }
}
