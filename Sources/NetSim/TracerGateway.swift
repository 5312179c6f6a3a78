/// The Gateway API hop: the Gateway's data plane picks a listener (port, hostname), the
/// HTTPRoutes attached to it and allowed by it, the winning rule by the spec's
/// precedence, then applies the rule's filters (a redirect is answered by the data plane
/// itself; a rewrite changes what the backend receives), draws a backend by weight and
/// opens its own connection to one of its Pods.
extension Walk {
    mutating func throughGateway(dataPlane: Pod, gateway: Gateway) {
        guard let url = RequestURL(request.url) else { return }
        let host = httpHost(url)
        let pathAndQuery = url.path.split(separator: "?", maxSplits: 1)
        var query: [String: String] = [:]
        if pathAndQuery.count == 2 {
            for pair in pathAndQuery[1].split(separator: "&") {
                let kv = pair.split(separator: "=", maxSplits: 1)
                query[String(kv[0])] = kv.count > 1 ? String(kv[1]) : ""
            }
        }
        let info = HTTPRequestInfo(host: host, path: String(pathAndQuery.first ?? "/"), method: request.method,
                                   headers: request.headers, query: query)
        let place = HopPlace.pod(dataPlane.name)
        let port = listenerPort(dataPlane)
        guard let listener = GatewayRouter.listener(of: gateway, host: host, port: port) else {
            hop(place, .reject, .gatewayNoListener(gateway: gateway.name, host: host, port: port))
            return end(.http404, .gatewayNoListener(gateway: gateway.name.description, host: host, port: port))
        }
        let attached = cluster.httpRoutes.filter { route in
            route.parentRefs.contains { $0.attaches(to: gateway.name, listener: listener) }
                && namespaceAllowed(route.name.namespace, by: listener, of: gateway)
                && (listener.hostname == nil || route.hostnames.isEmpty
                    || route.hostnames.contains { GatewayRouter.hostMatches($0, listener.hostname!) || GatewayRouter.hostMatches(listener.hostname!, $0) })
        }
        guard let decision = GatewayRouter.route(info, routes: attached) else {
            hop(place, .reject, .gatewayNoRoute(listener: listener.name, method: info.method, host: host, path: info.path))
            return end(.http404, .gatewayNoRoute(listener: listener.name, method: info.method, host: host, path: info.path))
        }
        let rule = Rule.httpRoute(route: decision.route, rule: decision.ruleIndex + 1, match: decision.match, backends: decision.backendRefs)
        for case .requestRedirect(let redirect) in decision.filters {
            let location = redirectLocation(redirect, url: url, host: host, path: info.path, match: decision.match, listener: listener)
            hop(place, .deliver, rule: rule, .gatewayRedirects(route: decision.route.description, status: redirect.statusCode, location: location))
            end(.redirected(status: redirect.statusCode, location: location), .redirected(status: redirect.statusCode, location: location))
            return buildReply(from: dataPlane)
        }
        var tls: TLSFact?
        if listener.protocol == "HTTPS" {
            // A Secret in another namespace is usable only with a ReferenceGrant there.
            let grants = cluster.referenceGrants
            let usable = { (secret: ObjectName) in
                secret.namespace == gateway.name.namespace || grants.contains {
                    $0.permits(fromKind: "Gateway", namespace: gateway.name.namespace, toKind: "Secret", target: secret)
                }
            }
            if let refused = listener.certificateRefs.first(where: { !usable($0) }) {
                tls = .listenerCertificateNotPermitted(listener: listener.name, secret: refused)
            } else {
                let ok = !listener.certificateRefs.isEmpty && listener.certificateRefs.allSatisfy { cluster.tlsSecrets.contains($0) }
                tls = ok ? .listenerCertificates(listener: listener.name, secrets: listener.certificateRefs)
                         : .listenerCertificateMissing(listener: listener.name)
            }
        }
        // Each backend keeps its share; one that cannot be used (another namespace without a
        // ReferenceGrant, no such Service or port) answers 500 for its share of the requests
        // (HTTPBackendRef: "the proportion of requests that would otherwise have been routed
        // to an invalid backend MUST receive a 500 status code").
        let shares = GatewayRouter.shares(decision.backendRefs)
        var options: [(ref: HTTPRoute.BackendRef, share: Double, endpoints: [Backend], problem: BackendRefProblem?)] = []
        for (ref, share) in zip(decision.backendRefs, shares) where share > 0 {
            if ref.service.namespace != decision.route.namespace,
               !cluster.referenceGrants.contains(where: { $0.permits(routeNamespace: decision.route.namespace, service: ref.service) }) {
                options.append((ref, share, [], .notPermitted(namespace: ref.service.namespace))); continue
            }
            guard let s = cluster.serviceByName[ref.service] else { options.append((ref, share, [], .noService)); continue }
            guard let p = cluster.services[s].ports.firstIndex(where: { $0.port == ref.port }) else {
                options.append((ref, share, [], .noPort(ref.port))); continue
            }
            options.append((ref, share, (cluster.backends[ServicePortKey(service: s, port: p)] ?? []).filter(\.ready), nil))
        }
        guard !options.isEmpty else {
            hop(place, .reject, rule: rule, .gatewayNoValidBackend)
            return end(.rejected, .gatewayNoValidBackend(route: decision.route.description))
        }
        let total = options.reduce(0) { $0 + $1.share }
        candidates = options.flatMap { option in
            option.endpoints.map { Candidate(ip: $0.ip, port: $0.port, pod: $0.pod, node: $0.nodeName,
                                             probability: option.share / total / Double(option.endpoints.count)) }
        }
        // The weighted draw, then one of that backend's Pods.
        let draw = Double(request.seed % 1000) / 1000 * total
        var cumulative = 0.0
        var picked = options[options.count - 1]
        for option in options {
            cumulative += option.share
            if draw < cumulative { picked = option; break }
        }
        if let preferred = request.preferredBackend, let option = options.first(where: { $0.endpoints.contains { $0.ip == preferred } }) {
            picked = option
        }
        if let problem = picked.problem {
            hop(place, .reject, rule: rule, .gatewayBackendInvalid(backend: picked.ref.service.description, problem: problem))
            return end(.rejected, .gatewayBackendInvalid(backend: picked.ref.service.description))
        }
        guard !picked.endpoints.isEmpty else {
            hop(place, .reject, rule: rule, .gatewayBackendEmpty(backend: picked.ref.service.name))
            return end(.rejected, .backendNotReady(backend: picked.ref.service.name))
        }
        let chosen = request.preferredBackend.flatMap { p in picked.endpoints.first { $0.ip == p } }
            ?? picked.endpoints[Int(request.seed / 1000 % UInt64(picked.endpoints.count))]
        backend = candidates.first { $0.ip == chosen.ip && $0.port == chosen.port }
        service = picked.ref.service
        let percent = Int((picked.share / total * 100).rounded())
        var rewritten: (host: String?, path: String?) = (nil, nil)
        for case .urlRewrite(let rewrite) in decision.filters {
            rewritten = (rewrite.hostname, rewrite.path.map { $0.apply(to: info.path, matched: decision.match.path) })
        }
        proxyConnection(from: dataPlane, to: chosen, rule: rule,
                        .gatewayProxies(GatewayChoice(gateway: gateway.name.name, listener: listener.name, route: decision.route.name,
                                                      match: decision.match, backend: picked.ref.service.name, percent: percent,
                                                      endpoint: chosen.endpointString, tls: tls,
                                                      rewrittenHost: rewritten.host, rewrittenPath: rewritten.path)))
    }

    /// The listener port a request came for. A provisioned data plane listens on the
    /// listeners' ports; a dumped one may listen elsewhere (Envoy Gateway maps listener port
    /// 80 to container port 10080): then the port of the Service that brought it, whose
    /// endpoint is this Pod on the packet's port.
    func listenerPort(_ dataPlane: Pod) -> Int {
        let gatewayName = cluster.gatewayPods[dataPlane.name]
        if cluster.gateways.contains(where: { $0.name == gatewayName && $0.listeners.contains { $0.port == packet.dstPort } }) {
            return packet.dstPort
        }
        guard let name = service, let s = cluster.serviceByName[name] else { return packet.dstPort }
        for (p, servicePort) in cluster.services[s].ports.enumerated()
        where (cluster.backends[ServicePortKey(service: s, port: p)] ?? []).contains(where: { $0.ip == dataPlane.ip && $0.port == packet.dstPort }) {
            return servicePort.port
        }
        return packet.dstPort
    }

    /// The `Location` of a RequestRedirect (HTTPRequestRedirectFilter): scheme, hostname and
    /// path default to the request's; the port to the scheme's well-known one when the scheme
    /// is changed, else the listener's; 80 for http and 443 for https are not written.
    func redirectLocation(_ redirect: HTTPRoute.Redirect, url: RequestURL, host: String, path: String,
                          match: HTTPRoute.Match, listener: Gateway.Listener) -> String {
        let scheme = redirect.scheme ?? url.scheme
        let port = redirect.port ?? (redirect.scheme == "https" ? 443 : redirect.scheme == "http" ? 80 : listener.port)
        let hostname = redirect.hostname ?? host
        let newPath = redirect.path.map { $0.apply(to: path, matched: match.path) } ?? path
        let wellKnown = (scheme == "http" && port == 80) || (scheme == "https" && port == 443)
        // The query string is kept (Envoy's and NGINX's redirects keep it unless told otherwise).
        let query = url.path.split(separator: "?", maxSplits: 1).dropFirst().first.map { "?" + $0 } ?? ""
        return "\(scheme)://\(hostname)\(wellKnown ? "" : ":\(port)")\(newPath)\(query)"
    }

    func namespaceAllowed(_ namespace: String, by listener: Gateway.Listener, of gateway: Gateway) -> Bool {
        switch listener.allowedRoutes {
        case .same: return namespace == gateway.name.namespace
        case .all: return true
        case .selector(let s): return s.matches(cluster.labels(ofNamespace: namespace))
        }
    }
}
