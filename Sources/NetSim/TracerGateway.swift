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
        func notFound(_ fr: String, _ en: String) {
            hop(place, .reject, fr: fr, en: en)
            end(.http404, fr: "HTTP 404 : \(fr)", en: "HTTP 404: \(en)")
        }
        let listeners = gateway.listeners.filter { $0.port == packet.dstPort && ($0.hostname.map { GatewayRouter.hostMatches($0, host) } ?? true) }
        // A listener with a hostname is more specific than one without.
        guard let listener = listeners.max(by: { ($0.hostname?.count ?? 0) < ($1.hostname?.count ?? 0) }) else {
            return notFound("la Gateway \(gateway.name) n'a aucun listener pour \(host) sur le port \(packet.dstPort).",
                            "Gateway \(gateway.name) has no listener for \(host) on port \(packet.dstPort).")
        }
        let attached = cluster.httpRoutes.filter { route in
            route.parentRefs.contains { $0.name == gateway.name && ($0.sectionName == nil || $0.sectionName == listener.name) }
                && namespaceAllowed(route.name.namespace, by: listener, of: gateway)
                && (listener.hostname == nil || route.hostnames.isEmpty
                    || route.hostnames.contains { GatewayRouter.hostMatches($0, listener.hostname!) || GatewayRouter.hostMatches(listener.hostname!, $0) })
        }
        guard let decision = GatewayRouter.route(info, routes: attached) else {
            return notFound("aucune règle d'HTTPRoute attachée au listener \(listener.name) ne correspond à \(info.method) \(host)\(info.path).",
                            "no rule of the HTTPRoutes attached to listener \(listener.name) matches \(info.method) \(host)\(info.path).")
        }
        var tlsNote = Localized(fr: "", en: "")
        if listener.protocol == "HTTPS" {
            let ok = !listener.certificateRefs.isEmpty && listener.certificateRefs.allSatisfy { cluster.tlsSecrets.contains($0) }
            tlsNote = ok
                ? Localized(fr: " TLS terminé par le listener \(listener.name) avec \(listener.certificateRefs.map(\.description).joined(separator: ", ")).",
                            en: " TLS ends at listener \(listener.name) with \(listener.certificateRefs.map(\.description).joined(separator: ", ")).")
                : Localized(fr: " Le certificat du listener \(listener.name) manque (Secret absent) : le listener n'est pas programmé.",
                            en: " Listener \(listener.name)'s certificate is missing (no Secret): the listener is not programmed.")
        }
        // Backends: a reference to another namespace needs a ReferenceGrant; none is modelled, so it is refused.
        let shares = GatewayRouter.shares(decision.backendRefs)
        var options: [(ref: HTTPRoute.BackendRef, share: Double, endpoints: [Backend])] = []
        for (ref, share) in zip(decision.backendRefs, shares) where share > 0 {
            guard ref.service.namespace == decision.route.namespace, let s = cluster.serviceByName[ref.service],
                  let p = cluster.services[s].ports.firstIndex(where: { $0.port == ref.port }) else { continue }
            options.append((ref, share, (cluster.backends[ServicePortKey(service: s, port: p)] ?? []).filter(\.ready)))
        }
        let ruleText = "HTTPRoute \(decision.route) rule \(decision.ruleIndex + 1): " + describe(decision.match) + " → "
            + decision.backendRefs.map { "\($0.service.name):\($0.port)" + (decision.backendRefs.count > 1 ? " (weight \($0.weight))" : "") }.joined(separator: ", ")
        guard !options.isEmpty else {
            hop(place, .reject, rule: ruleText,
                fr: "La règle retenue n'a aucun backend valide (Service absent, port inconnu, autre namespace sans ReferenceGrant, ou poids 0) : 500.",
                en: "The chosen rule has no valid backend (missing Service, unknown port, another namespace without a ReferenceGrant, or weight 0): 500.")
            return end(.rejected, fr: "HTTP 500 : aucun backend valide pour \(decision.route).", en: "HTTP 500: no valid backend for \(decision.route).")
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
            let drawn = picked.ref.service.name
            hop(place, .reject, rule: ruleText,
                fr: "Le backend tiré, \(drawn), n'a aucun endpoint prêt : 503.",
                en: "The backend drawn, \(drawn), has no ready endpoint: 503.")
            return end(.rejected, fr: "HTTP 503 : \(picked.ref.service.name) n'a aucun endpoint prêt.", en: "HTTP 503: \(picked.ref.service.name) has no ready endpoint.")
        }
        let chosen = request.preferredBackend.flatMap { p in picked.endpoints.first { $0.ip == p } }
            ?? picked.endpoints[Int(request.seed / 1000 % UInt64(picked.endpoints.count))]
        backend = candidates.first { $0.ip == chosen.ip && $0.port == chosen.port }
        service = picked.ref.service
        let percent = Int((picked.share / total * 100).rounded())
        proxyConnection(from: dataPlane, to: chosen, rule: ruleText,
            fr: "La Gateway \(gateway.name.name) (listener \(listener.name)) applique l'HTTPRoute \(decision.route.name) : \(describe(decision.match)). Backend tiré : \(picked.ref.service.name) (\(percent) % du trafic), Pod \(chosen.endpointString).\(tlsNote.fr)",
            en: "Gateway \(gateway.name.name) (listener \(listener.name)) applies HTTPRoute \(decision.route.name): \(describe(decision.match)). Backend drawn: \(picked.ref.service.name) (\(percent)% of the traffic), Pod \(chosen.endpointString).\(tlsNote.en)")
    }

    func namespaceAllowed(_ namespace: String, by listener: Gateway.Listener, of gateway: Gateway) -> Bool {
        switch listener.allowedRoutes {
        case .same: return namespace == gateway.name.namespace
        case .all: return true
        case .selector(let s): return s.matches(cluster.labels(ofNamespace: namespace))
        }
    }

    func describe(_ match: HTTPRoute.Match) -> String {
        var parts: [String] = []
        switch match.path {
        case .exact(let p): parts.append("path Exact \(p)")
        case .prefix(let p): parts.append("path PathPrefix \(p)")
        case .regex(let r): parts.append("path RegularExpression \(r)")
        }
        if let m = match.method { parts.append("method \(m)") }
        for (k, v) in match.headers.sorted(by: { $0.key < $1.key }) { parts.append("header \(k)=\(v)") }
        for (k, v) in match.queryParams.sorted(by: { $0.key < $1.key }) { parts.append("query \(k)=\(v)") }
        return parts.joined(separator: ", ")
    }
}
