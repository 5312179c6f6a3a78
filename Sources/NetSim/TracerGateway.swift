/// The Gateway API hop: the Gateway's data plane picks a listener (port, hostname), the
/// HTTPRoutes attached to it and allowed by it, the winning rule by the spec's
/// precedence, a backend by weight, then opens its own connection to one of its Pods.
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
        let listeners = gateway.listeners.filter { $0.port == packet.dstPort && ($0.hostname.map { GatewayRouter.hostMatches($0, host) } ?? true) }
        // A listener with a hostname is more specific than one without.
        guard let listener = listeners.max(by: { ($0.hostname?.count ?? 0) < ($1.hostname?.count ?? 0) }) else {
            hop(place, .reject, .gatewayNoListener(gateway: gateway.name, host: host, port: packet.dstPort))
            return end(.http404, .gatewayNoListener(gateway: gateway.name.description, host: host, port: packet.dstPort))
        }
        let attached = cluster.httpRoutes.filter { route in
            route.parentRefs.contains { $0.name == gateway.name && ($0.sectionName == nil || $0.sectionName == listener.name) }
                && namespaceAllowed(route.name.namespace, by: listener, of: gateway)
                && (listener.hostname == nil || route.hostnames.isEmpty
                    || route.hostnames.contains { GatewayRouter.hostMatches($0, listener.hostname!) || GatewayRouter.hostMatches(listener.hostname!, $0) })
        }
        guard let decision = GatewayRouter.route(info, routes: attached) else {
            hop(place, .reject, .gatewayNoRoute(listener: listener.name, method: info.method, host: host, path: info.path))
            return end(.http404, .gatewayNoRoute(listener: listener.name, method: info.method, host: host, path: info.path))
        }
        var tls: TLSFact?
        if listener.protocol == "HTTPS" {
            let ok = !listener.certificateRefs.isEmpty && listener.certificateRefs.allSatisfy { cluster.tlsSecrets.contains($0) }
            tls = ok ? .listenerCertificates(listener: listener.name, secrets: listener.certificateRefs)
                     : .listenerCertificateMissing(listener: listener.name)
        }
        // Backends: a reference to another namespace needs a ReferenceGrant; none is modelled, so it is refused.
        let shares = GatewayRouter.shares(decision.backendRefs)
        var options: [(ref: HTTPRoute.BackendRef, share: Double, endpoints: [Backend])] = []
        for (ref, share) in zip(decision.backendRefs, shares) where share > 0 {
            guard ref.service.namespace == decision.route.namespace, let s = cluster.serviceByName[ref.service],
                  let p = cluster.services[s].ports.firstIndex(where: { $0.port == ref.port }) else { continue }
            options.append((ref, share, (cluster.backends[ServicePortKey(service: s, port: p)] ?? []).filter(\.ready)))
        }
        let rule = Rule.httpRoute(route: decision.route, rule: decision.ruleIndex + 1, match: decision.match, backends: decision.backendRefs)
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
        guard !picked.endpoints.isEmpty else {
            hop(place, .reject, rule: rule, .gatewayBackendEmpty(backend: picked.ref.service.name))
            return end(.rejected, .backendNotReady(backend: picked.ref.service.name))
        }
        let chosen = request.preferredBackend.flatMap { p in picked.endpoints.first { $0.ip == p } }
            ?? picked.endpoints[Int(request.seed / 1000 % UInt64(picked.endpoints.count))]
        backend = candidates.first { $0.ip == chosen.ip && $0.port == chosen.port }
        service = picked.ref.service
        let percent = Int((picked.share / total * 100).rounded())
        proxyConnection(from: dataPlane, to: chosen, rule: rule,
                        .gatewayProxies(GatewayChoice(gateway: gateway.name.name, listener: listener.name, route: decision.route.name,
                                                      match: decision.match, backend: picked.ref.service.name, percent: percent,
                                                      endpoint: chosen.endpointString, tls: tls)))
    }

    func namespaceAllowed(_ namespace: String, by listener: Gateway.Listener, of gateway: Gateway) -> Bool {
        switch listener.allowedRoutes {
        case .same: return namespace == gateway.name.namespace
        case .all: return true
        case .selector(let s): return s.matches(cluster.labels(ofNamespace: namespace))
        }
    }
}
