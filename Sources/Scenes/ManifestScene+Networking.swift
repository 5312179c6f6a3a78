import Facts
import Course
import NetSim
import YAMLGuard

/// The readers of the networking APIs above Services: NetworkPolicy, cert-manager issuers,
/// Gateway API and Ingress.
extension ManifestScene.Reader {
    mutating func readNetworkPolicy(_ node: Node) {
        let name = objectName(node)
        let spec = node["spec"]
        func rules(_ key: String, peersKey: String) -> [NetworkPolicy.Rule] {
            (spec?[key]?.list ?? []).map { r in
                let peers: [NetworkPolicy.Peer]? = r[peersKey].map { list in
                    list.list.compactMap { p -> NetworkPolicy.Peer? in
                        if let block = p["ipBlock"] {
                            guard let cidr = block["cidr"]?.text.flatMap(CIDR.init) else { return nil }
                            return .ipBlock(cidr, except: (block["except"]?.list ?? []).compactMap { $0.text.flatMap(CIDR.init) })
                        }
                        return .pods(pods: selector(p["podSelector"]), namespaces: selector(p["namespaceSelector"]))
                    }
                }
                let ports: [NetworkPolicy.Port]? = r["ports"].map { list in
                    list.list.map { p in
                        let port: TargetPort? = p["port"].flatMap { $0.int.map(TargetPort.number) ?? $0.text.map(TargetPort.name) }
                        return NetworkPolicy.Port(protocol: p["protocol"]?.text.flatMap(TransportProtocol.init(rawValue:)) ?? .tcp,
                                                  port: port, endPort: p["endPort"]?.int)
                    }
                }
                return NetworkPolicy.Rule(peers: peers, ports: ports)
            }
        }
        var types: Set<NetworkPolicy.Direction>?
        if let list = spec?["policyTypes"]?.list {
            types = Set(list.compactMap { $0.text.flatMap(NetworkPolicy.Direction.init(rawValue:)) })
        }
        builder.networkPolicies.append(NetworkPolicy(
            name: name, podSelector: selector(spec?["podSelector"]) ?? LabelSelector(), policyTypes: types,
            ingress: rules("ingress", peersKey: "from"), egress: rules("egress", peersKey: "to")))
    }

    mutating func readIssuer(_ node: Node, kind: String) {
        let spec = node["spec"]
        let backend: CertIssuer.Backend
        if spec?["selfSigned"] != nil { backend = .selfSigned }
        else if let ca = spec?[path: "ca", "secretName"]?.text { backend = .ca(secretName: ca) }
        else if let acme = spec?["acme"] { backend = .acme(server: acme["server"]?.text ?? "https://acme-v02.api.letsencrypt.org/directory") }
        else { return report(.error, .issuerBackend(kind: kind, name: objectName(node).description), at: node["spec"] ?? node) }
        let name = kind == "ClusterIssuer" ? ObjectName("", node[path: "metadata", "name"]?.text ?? "") : objectName(node)
        builder.issuers.append(CertIssuer(name: name, kind: kind == "ClusterIssuer" ? .clusterIssuer : .issuer, backend: backend))
    }

    mutating func readGateway(_ node: Node) {
        let name = objectName(node)
        let spec = node["spec"]
        var listeners: [Gateway.Listener] = []
        for l in spec?["listeners"]?.list ?? [] {
            guard let lname = l["name"]?.text, let port = l["port"]?.int else {
                report(.error, .listenerNeedsNameAndPort(name.description), at: l); continue
            }
            var allowed = Gateway.RouteNamespaces.same
            switch l[path: "allowedRoutes", "namespaces", "from"]?.text {
            case "All": allowed = .all
            case "Selector": allowed = .selector(selector(l[path: "allowedRoutes", "namespaces", "selector"]) ?? LabelSelector())
            default: break
            }
            let refs = (l[path: "tls", "certificateRefs"]?.list ?? []).compactMap { ref -> ObjectName? in
                guard let n = ref["name"]?.text else { return nil }
                return ObjectName(ref["namespace"]?.text ?? name.namespace, n)
            }
            listeners.append(Gateway.Listener(name: lname, hostname: l["hostname"]?.text, port: port,
                                              protocol: l["protocol"]?.text ?? "HTTP", certificateRefs: refs, allowedRoutes: allowed))
        }
        // The address asked for, else the one the implementation published (GatewayStatus.Addresses).
        let address = ((spec?["addresses"]?.list ?? []) + (node[path: "status", "addresses"]?.list ?? []))
            .compactMap { $0["value"]?.text.flatMap(IPv4Address.init) }.first
        guard let className = spec?["gatewayClassName"]?.text else {
            return report(.error, .gatewayNeedsClass(name.description), at: node["spec"] ?? node)
        }
        builder.gateways.append(Gateway(name: name, className: className, listeners: listeners, address: address))
    }

    mutating func readHTTPRoute(_ node: Node) {
        let name = objectName(node)
        let spec = node["spec"]
        let parents = (spec?["parentRefs"]?.list ?? []).compactMap { p -> HTTPRoute.ParentRef? in
            guard let n = p["name"]?.text else { return nil }
            return HTTPRoute.ParentRef(name: ObjectName(p["namespace"]?.text ?? name.namespace, n), sectionName: p["sectionName"]?.text,
                                       port: p["port"]?.int)
        }
        var rules: [HTTPRoute.Rule] = []
        for r in spec?["rules"]?.list ?? [] {
            var matches: [HTTPRoute.Match] = []
            for m in r["matches"]?.list ?? [] {
                var match = HTTPRoute.Match()
                if let path = m["path"] {
                    let value = path["value"]?.text ?? "/"
                    switch path["type"]?.text ?? "PathPrefix" {
                    case "Exact": match.path = .exact(value)
                    case "RegularExpression": match.path = .regex(value)
                    default: match.path = .prefix(value)
                    }
                }
                match.method = m["method"]?.text
                for h in m["headers"]?.list ?? [] {
                    guard let k = h["name"]?.text, let v = h["value"]?.text else { continue }
                    match.headers[k] = v
                    if h["type"]?.text == "RegularExpression" { match.regexNames.insert(k) }
                }
                for q in m["queryParams"]?.list ?? [] {
                    guard let k = q["name"]?.text, let v = q["value"]?.text else { continue }
                    match.queryParams[k] = v
                    if q["type"]?.text == "RegularExpression" { match.regexNames.insert(k) }
                }
                matches.append(match)
            }
            let refs = (r["backendRefs"]?.list ?? []).compactMap { b -> HTTPRoute.BackendRef? in
                guard let n = b["name"]?.text, let port = b["port"]?.int else {
                    report(.error, .backendRefNeedsNameAndPort(name.description), at: b); return nil
                }
                if let filters = b["filters"], !filters.list.isEmpty {
                    report(.warning, .fieldNotSimulated(object: "HTTPRoute \(name)", field: "backendRefs[].filters", effect: .routeFilter), at: filters)
                }
                return HTTPRoute.BackendRef(service: ObjectName(b["namespace"]?.text ?? name.namespace, n), port: port,
                                            weight: b["weight"]?.int ?? 1)
            }
            rules.append(HTTPRoute.Rule(matches: matches, backendRefs: refs, filters: (r["filters"]?.list ?? []).compactMap { routeFilter($0, route: name) }))
            if let persistence = r["sessionPersistence"] {
                report(.warning, .fieldNotSimulated(object: "HTTPRoute \(name)", field: "sessionPersistence", effect: .sessionPersistence), at: persistence)
            }
        }
        builder.httpRoutes.append(HTTPRoute(name: name, parentRefs: parents,
                                            hostnames: (spec?["hostnames"]?.list ?? []).compactMap(\.text), rules: rules,
                                            creationTimestamp: node[path: "metadata", "creationTimestamp"]?.text))
    }

    /// One of a rule's `filters` (HTTPRouteFilter): RequestRedirect and URLRewrite are
    /// applied; the others are reported as not simulated.
    mutating func routeFilter(_ f: Node, route: ObjectName) -> HTTPRoute.Filter? {
        func pathModifier(_ p: Node?) -> HTTPRoute.PathModifier? {
            switch p?["type"]?.text {
            case "ReplaceFullPath": return p?["replaceFullPath"]?.text.map(HTTPRoute.PathModifier.replaceFullPath)
            case "ReplacePrefixMatch": return p?["replacePrefixMatch"]?.text.map(HTTPRoute.PathModifier.replacePrefixMatch)
            default: return nil
            }
        }
        let type = f["type"]?.text ?? ""
        switch type {
        case "RequestRedirect":
            let r = f["requestRedirect"]
            return .requestRedirect(HTTPRoute.Redirect(scheme: r?["scheme"]?.text, hostname: r?["hostname"]?.text, path: pathModifier(r?["path"]),
                                                       port: r?["port"]?.int, statusCode: r?["statusCode"]?.int ?? 302))
        case "URLRewrite":
            let r = f["urlRewrite"]
            return .urlRewrite(HTTPRoute.Rewrite(hostname: r?["hostname"]?.text, path: pathModifier(r?["path"])))
        default:
            report(.warning, .fieldNotSimulated(object: "HTTPRoute \(route)", field: "filters \(type)", effect: .routeFilter), at: f["type"] ?? f)
            return .other(type)
        }
    }

    /// `gateway.networking.k8s.io` ReferenceGrant: who (`from`) may refer to what (`to`) in its namespace.
    mutating func readReferenceGrant(_ node: Node) {
        let spec = node["spec"]
        let from = (spec?["from"]?.list ?? []).compactMap { f -> ReferenceGrant.From? in
            guard let kind = f["kind"]?.text, let ns = f["namespace"]?.text else { return nil }
            return ReferenceGrant.From(group: f["group"]?.text ?? "", kind: kind, namespace: ns)
        }
        let to = (spec?["to"]?.list ?? []).compactMap { t -> ReferenceGrant.To? in
            guard let kind = t["kind"]?.text else { return nil }
            return ReferenceGrant.To(group: t["group"]?.text ?? "", kind: kind, name: t["name"]?.text)
        }
        builder.referenceGrants.append(ReferenceGrant(name: objectName(node), from: from, to: to))
    }

    /// ingress-nginx annotations (docs, "Annotations") that send a request elsewhere, change
    /// it, or refuse it; ssl-redirect and force-ssl-redirect are simulated.
    static func nginxRoutingAnnotation(_ key: String) -> Bool {
        let prefix = "nginx.ingress.kubernetes.io/"
        guard key.hasPrefix(prefix) else { return false }
        let name = key.dropFirst(prefix.count)
        let routing: Set<Substring> = [
            "rewrite-target", "use-regex", "app-root", "permanent-redirect", "permanent-redirect-code", "temporal-redirect",
            "from-to-www-redirect", "service-upstream", "upstream-vhost", "backend-protocol", "default-backend",
            "custom-http-errors", "whitelist-source-range", "allowlist-source-range", "denylist-source-range",
            "auth-url", "auth-type", "auth-tls-secret", "server-snippet", "configuration-snippet", "affinity",
            "load-balance", "upstream-hash-by", "ssl-passthrough", "limit-rps", "limit-rpm", "limit-connections",
            "mirror-target", "x-forwarded-prefix", "server-alias",
        ]
        return routing.contains(name) || name.hasPrefix("canary")
    }

    func ingressBackend(_ node: Node?) -> Ingress.Backend? {
        guard let service = node?[path: "service", "name"]?.text else { return nil }
        let port = node?[path: "service", "port"]
        if let number = port?["number"]?.int { return Ingress.Backend(service: service, port: .number(number)) }
        if let name = port?["name"]?.text { return Ingress.Backend(service: service, port: .name(name)) }
        return nil
    }

    mutating func readIngress(_ node: Node) {
        let name = objectName(node)
        let spec = node["spec"]
        var ingress = Ingress(name: name, className: spec?["ingressClassName"]?.text,
                              defaultBackend: ingressBackend(spec?["defaultBackend"]),
                              annotations: node[path: "metadata", "annotations"]?.stringMap ?? [:],
                              creationTimestamp: node[path: "metadata", "creationTimestamp"]?.text)
        // ingress-nginx annotations that change where or how a request goes, and are not simulated.
        for key in ingress.annotations.keys.sorted() where Self.nginxRoutingAnnotation(key) {
            report(.warning, .fieldNotSimulated(object: "Ingress \(name)", field: key, effect: .nginxRouting),
                   at: node[path: "metadata", "annotations"])
        }
        if ingress.className == nil, let legacy = ingress.annotations["kubernetes.io/ingress.class"] { ingress.className = legacy }
        for rule in spec?["rules"]?.list ?? [] {
            var paths: [Ingress.Path] = []
            for p in rule[path: "http", "paths"]?.list ?? [] {
                let typeText = p["pathType"]?.text ?? ""
                guard let type = Ingress.PathType(rawValue: typeText) else {
                    report(.error, .ingressPathType(name.description), at: p["pathType"] ?? p); continue
                }
                let path = p["path"]?.text ?? "/"
                guard path.hasPrefix("/") else { report(.error, .ingressPathSlash(name.description), at: p["path"]); continue }
                guard let backend = ingressBackend(p["backend"]) else {
                    report(.error, .ingressPathBackend(name.description), at: p); continue
                }
                paths.append(Ingress.Path(path: path, type: type, backend: backend))
            }
            ingress.rules.append(Ingress.Rule(host: rule["host"]?.text, paths: paths))
        }
        for tls in spec?["tls"]?.list ?? [] {
            ingress.tls.append(Ingress.TLS(hosts: (tls["hosts"]?.list ?? []).compactMap(\.text), secretName: tls["secretName"]?.text))
        }
        if ingress.rules.isEmpty && ingress.defaultBackend == nil {
            report(.warning, .ingressRoutesNothing(name.description), at: node["kind"])
        }
        // The ADDRESS `kubectl get ingress` shows (status.loadBalancer.ingress): the controller's.
        if let className = ingress.className, builder.ingressControllerIPs[className] == nil,
           let ip = (node[path: "status", "loadBalancer", "ingress"]?.list ?? []).compactMap({ $0["ip"]?.text.flatMap(IPv4Address.init) }).first {
            builder.ingressControllerIPs[className] = ip
        }
        builder.ingresses.append(ingress)
    }
}
