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
        var tlsNote = Localized(fr: "", en: "")
        if url.scheme == "https" || packet.dstPort == 443 {
            let entry = served.flatMap { ing in ing.tls.map { (ing.name.namespace, $0) } }
                .first { $0.1.hosts.contains { IngressRouter.hostMatches($0, host) } }
            if let (namespace, tls) = entry, let secret = tls.secretName, cluster.tlsSecrets.contains(ObjectName(namespace, secret)) {
                let issued = cluster.certificate(forSecret: ObjectName(namespace, secret))
                tlsNote = Localized(fr: " TLS terminé avec le certificat du Secret \(namespace)/\(secret)\(issued.map { " (cert-manager : \($0.reason.fr))" } ?? ".")",
                                    en: " TLS ends here with the certificate of Secret \(namespace)/\(secret)\(issued.map { " (cert-manager: \($0.reason.en))" } ?? ".")")
            } else {
                tlsNote = Localized(fr: " Aucun Secret TLS ne couvre \(host) : le contrôleur présente son faux certificat par défaut, le navigateur avertit.",
                                    en: " No TLS Secret covers \(host): the controller shows its default fake certificate and the browser warns.")
            }
        }
        guard let decision = IngressRouter.route(host: host, path: path, ingresses: served) else {
            let tlsNote = tlsNote
            hop(place, .reject,
                fr: "Le contrôleur Ingress (\(className)) ne trouve aucune règle pour \(host)\(path) et aucun defaultBackend : il répond 404.\(tlsNote.fr)",
                en: "The Ingress controller (\(className)) finds no rule for \(host)\(path) and no defaultBackend: it answers 404.\(tlsNote.en)")
            return end(.http404, fr: "HTTP 404 : aucune règle d'Ingress ne correspond à \(host)\(path).",
                       en: "HTTP 404: no Ingress rule matches \(host)\(path).")
        }
        let ingressNamespace = decision.ingress.namespace
        let serviceName = ObjectName(ingressNamespace, decision.backend.service)
        let rule = describe(decision)
        guard let s = cluster.serviceByName[serviceName] else {
            hop(place, .reject, rule: rule,
                fr: "La règle mène au Service \(decision.backend.service), qui n'existe pas : 503.", en: "The rule leads to Service \(decision.backend.service), which does not exist: 503.")
            return end(.rejected, fr: "HTTP 503 : le Service \(serviceName) n'existe pas.", en: "HTTP 503: Service \(serviceName) does not exist.")
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
            hop(place, .reject, rule: rule,
                fr: "La règle mène à \(decision.backend), qui n'a aucun endpoint prêt : le contrôleur répond 503.",
                en: "The rule leads to \(decision.backend), which has no ready endpoint: the controller answers 503.")
            return end(.rejected, fr: "HTTP 503 : \(decision.backend) n'a aucun endpoint prêt.", en: "HTTP 503: \(decision.backend) has no ready endpoint.")
        }
        let share = 1.0 / Double(ready.count)
        candidates = ready.map { Candidate(ip: $0.ip, port: $0.port, pod: $0.pod, node: $0.nodeName, probability: share) }
        let index = request.preferredBackend.flatMap { p in ready.firstIndex { $0.ip == p } } ?? Int(request.seed % UInt64(ready.count))
        let chosen = ready[index]
        backend = candidates[index]
        service = svc.name
        proxyConnection(from: controller, to: chosen, rule: rule,
            fr: "Le contrôleur Ingress lit la requête HTTP (Host \(host), chemin \(path)) : \(explain(decision, fr: true)). Il ouvre sa propre connexion vers \(chosen.endpointString), un Pod de \(svc.name.name) ; le Pod verra l'IP du contrôleur (le client est dans X-Forwarded-For).\(tlsNote.fr)",
            en: "The Ingress controller reads the HTTP request (Host \(host), path \(path)): \(explain(decision, fr: false)). It opens its own connection to \(chosen.endpointString), a Pod of \(svc.name.name); the Pod will see the controller's IP (the client is in X-Forwarded-For).\(tlsNote.en)")
    }

    /// The rule as an operator reads it in `kubectl describe ingress`.
    func describe(_ decision: IngressDecision) -> String {
        guard let path = decision.path else { return "Ingress \(decision.ingress): default backend → \(decision.backend)" }
        return "Ingress \(decision.ingress): host \(decision.host ?? "*") path \(path.path) (\(path.type.rawValue)) → \(decision.backend)"
    }

    func explain(_ decision: IngressDecision, fr: Bool) -> String {
        guard let path = decision.path else {
            return fr ? "aucune règle ne correspond, le defaultBackend \(decision.backend) répond" : "no rule matches, the defaultBackend \(decision.backend) answers"
        }
        let host = decision.host.map { fr ? "l'hôte \($0)" : "host \($0)" } ?? (fr ? "tout hôte" : "any host")
        return fr ? "la règle \(host), chemin \(path.path) (\(path.type.rawValue)) mène à \(decision.backend)"
                  : "the rule for \(host), path \(path.path) (\(path.type.rawValue)) leads to \(decision.backend)"
    }
}
