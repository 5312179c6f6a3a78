/// The L7 hop: an Ingress controller reads the HTTP request, picks a backend by host and
/// path, and opens its own connection to one of the backend Service's Pods (ingress-nginx
/// sends straight to the endpoints, not through the cluster IP).
extension Walk {
    mutating func throughIngress(controller: Pod, className: String) {
        guard let url = RequestURL(request.url) else { return }
        let host = httpHost(url)
        let path = url.path
        let served = cluster.ingresses.filter { cluster.ingressClass(of: $0) == className }
        let place = HopPlace.pod(controller.name)
        var tls: TLSFact?
        if url.scheme == "https" || packet.dstPort == 443 {
            let entry = served.flatMap { ing in ing.tls.map { (ing.name.namespace, $0) } }
                .first { $0.1.hosts.contains { IngressRouter.hostMatches($0, host) } }
            if let (namespace, secretTLS) = entry, let secret = secretTLS.secretName, cluster.tlsSecrets.contains(ObjectName(namespace, secret)) {
                tls = .ingressSecret(ObjectName(namespace, secret), issued: cluster.certificate(forSecret: ObjectName(namespace, secret))?.reason)
            } else {
                tls = .ingressNoSecret(host: host)
            }
        }
        guard let decision = IngressRouter.route(host: host, path: path, ingresses: served) else {
            hop(place, .reject, .ingressNoRule(className: className, host: host, path: path, tls: tls))
            return end(.http404, .ingressNotFound(host: host, path: path))
        }
        // ingress-nginx's ssl-redirect (on by default): plain HTTP to a host with TLS is answered
        // 308 to https; force-ssl-redirect does it without TLS (ingress-nginx annotations docs,
        // "Server-side HTTPS enforcement through redirect").
        let nginx = cluster.ingressClasses.first { $0.name == className }?.controller ?? "k8s.io/ingress-nginx" == "k8s.io/ingress-nginx"
        if nginx, url.scheme != "https" && packet.dstPort != 443, let ingress = served.first(where: { $0.name == decision.ingress }) {
            let hasTLS = served.contains { $0.tls.contains { $0.hosts.contains { IngressRouter.hostMatches($0, host) } } }
            let forced = ingress.nginxAnnotation("force-ssl-redirect") == "true"
            if forced || (hasTLS && ingress.nginxAnnotation("ssl-redirect") != "false") {
                let location = "https://\(host)\(url.path)"
                hop(place, .deliver, rule: .ingress(decision),
                    .ingressRedirects(ingress: decision.ingress.description, host: host, location: location, forced: forced && !hasTLS))
                end(.redirected(status: 308, location: location), .redirected(status: 308, location: location))
                return buildReply(from: controller)
            }
        }
        let ingressNamespace = decision.ingress.namespace
        let serviceName = ObjectName(ingressNamespace, decision.backend.service)
        let rule = Rule.ingress(decision)
        guard let s = cluster.serviceByName[serviceName] else {
            hop(place, .reject, rule: rule, .ingressServiceMissing(service: decision.backend.service))
            return end(.rejected, .serviceMissing(serviceName.description))
        }
        let svc = cluster.services[s]
        let portIndex: Int? = {
            switch decision.backend.port {
            case .number(let n): return svc.ports.firstIndex { $0.port == n }
            case .name(let name): return svc.ports.firstIndex { $0.name == name }
            }
        }()
        let ready = portIndex.map { (cluster.backends[ServicePortKey(service: s, port: $0)] ?? []).filter(\.ready) } ?? []
        guard !ready.isEmpty else {
            hop(place, .reject, rule: rule, .ingressNoEndpoint(backend: decision.backend.description))
            return end(.rejected, .backendNotReady(backend: decision.backend.description))
        }
        let share = 1.0 / Double(ready.count)
        candidates = ready.map { Candidate(ip: $0.ip, port: $0.port, pod: $0.pod, node: $0.nodeName, probability: share) }
        let index = request.preferredBackend.flatMap { p in ready.firstIndex { $0.ip == p } } ?? Int(request.seed % UInt64(ready.count))
        let chosen = ready[index]
        backend = candidates[index]
        service = svc.name
        proxyConnection(from: controller, to: chosen, rule: rule,
                        .ingressProxies(host: host, path: path, decision: decision, endpoint: chosen.endpointString,
                                        service: svc.name.name, tls: tls))
    }
}
