import Facts
import NetSim

/// Français : les faits du moteur, en mots.
public struct French: Phrasebook {
    public init() {}
    public var language: Language { .fr }

    public func hop(_ reason: HopReason) -> String {
        switch reason {
        case .resolved(let r): return dns(r)
        case .podSends(let pod, let gateway, let node):
            return "Le paquet quitte \(pod) par eth0 : route par défaut via \(gateway) (le pont cni0 du \(French.nodeNamed(node))), à travers la paire veth."
        case .nodeSends(let node): return "Un processus du \(French.nodeNamed(node)) envoie le paquet (chaîne OUTPUT)."
        case .clientSendsToNode(let client, let node): return "\(client) envoie le paquet vers le \(French.nodeNamed(node))."
        case .underlayCarries(let node, let ip): return "Le réseau des Nodes l'achemine jusqu'au \(French.nodeNamed(node)) (\(ip))."
        case .clientSendsToExternal(let client, let ip, let lb):
            return lb ? "\(client) envoie le paquet à l'IP externe \(ip)." : "\(client) envoie le paquet à l'externalIP \(ip)."
        case .administratorRoute(let ip, let node): return "Une route posée par l'administrateur mène \(ip) au \(French.nodeNamed(node))."
        case .clientSends(let client, let dst): return "\(client) envoie le paquet vers \(dst)."
        case .routedPodNetwork(let node): return "Le réseau connaît la route du CIDR des Pods de \(node) (CNI routé)."
        case .loadBalancerPortClosed(let port): return "Le load balancer n'écoute pas le port \(port)."
        case .loadBalancerNoHealthyNode(let port):
            return "Aucun Node ne passe le contrôle de santé du load balancer\(port.map { " (GET :\($0)/healthz)" } ?? "") : aucun n'a d'endpoint prêt."
        case .loadBalancerForwards(let node, let ip, let check):
            return "Le load balancer transmet le paquet à \(node) sans le modifier : il porte toujours l'IP \(ip) (ipMode VIP).\(healthNote(check))"
        case .loadBalancerProxies(let node, let nodePort, let check):
            return "Le load balancer termine la connexion et en ouvre une vers \(node):\(nodePort) (ipMode Proxy) : l'IP du client est perdue.\(healthNote(check))"
        case .serviceIPWrongPort(let ip, let service, let port, let proto):
            return "\(ip) est l'IP du Service \(service), mais aucun de ses ports n'est \(port)/\(proto.lowercased) : aucune règle ne prend le paquet, qui se perd."
        case .hostPortDNAT(let node, let port, let pod, let endpoint):
            return "Le port \(port) du \(French.nodeNamed(node)) est un hostPort de \(pod) : le plugin CNI portmap le traduit vers \(endpoint) (DNAT) ; l'adresse du client est conservée."
        case .forTheNode(let node): return "Le paquet est pour le \(French.nodeNamed(node)) lui-même : un processus du Node le reçoit."
        case .toOtherNode(let from, let to): return "\(from) envoie le paquet au \(French.nodeNamed(to)) par le réseau des Nodes."
        case .noPodHasAddress(let ip): return "\(ip) est dans le CIDR des Pods mais aucun Pod n'a cette adresse."
        case .noServiceHasAddress(let ip): return "\(ip) est dans le CIDR des Services mais aucun Service n'a cette adresse."
        case .leavesCluster(let dst, let masq):
            return "\(dst) est hors du cluster : le paquet sort par l'interface du Node\(masq.map { ", l'adresse du Pod remplacée par celle du Node \($0) (MASQUERADE du CNI)" } ?? "")."
        case .noReadyEndpoint(let service, let notReady):
            return notReady == 0
                ? "Le Service \(service) n'a aucun endpoint prêt : kube-proxy rejette le paquet (ICMP port unreachable)."
                : "Le Service \(service) n'a aucun endpoint prêt (\(count(notReady, .podNotReady))) : kube-proxy rejette le paquet (ICMP port unreachable)."
        case .recognisedClusterIP(let service, let ip, let port): return "kube-proxy reconnaît l'IP virtuelle du Service \(service) (\(ip):\(port))."
        case .markedNotFromPod: return "La source n'est pas un Pod : le paquet est marqué pour être masqueradé (il pourrait changer de Node)."
        case .toNodePorts: return "Aucune IP de Service ne correspond ; l'adresse est celle du Node : direction KUBE-NODEPORTS."
        case .nodePortOf(let service, let port): return "Le port \(port) est le nodePort du Service \(service) (ouvert sur tous les Nodes)."
        case .recognisedExternalIP(let service, let lb):
            return lb ? "kube-proxy reconnaît l'IP du load balancer du Service \(service)." : "kube-proxy reconnaît l'IP externe du Service \(service)."
        case .sourceRangeAllows(let source, let range): return "La source \(source) est dans loadBalancerSourceRanges (\(range)) : autorisée."
        case .sourceRangeDenies(let source): return "La source \(source) n'est dans aucune plage de loadBalancerSourceRanges : le paquet est jeté."
        case .markedClusterPolicy:
            return "externalTrafficPolicy: Cluster : le paquet est marqué pour être masqueradé, car l'endpoint peut être sur un autre Node."
        case .localPolicyBypassed:
            return "Trafic parti du cluster vers une destination externe : la politique Local ne s'applique pas, tous les endpoints sont possibles."
        case .localPolicyKeepsClient: return "externalTrafficPolicy: Local : seuls les endpoints de ce Node, et l'IP du client est conservée."
        case .noLocalEndpoint(let node): return "Politique Local et aucun endpoint prêt sur \(node) : le paquet est jeté."
        case .pickedEndpoint(let endpoint, let among, let client):
            if let client { return "sessionAffinity: ClientIP : le client \(client) retrouve toujours le même endpoint, \(endpoint)." }
            return "kube-proxy tire un endpoint au hasard parmi \(among) (chacun 1/\(among)) : \(endpoint)."
        case .dnat(let from, let port, let to, let hairpin):
            return hairpin
                ? "DNAT : la destination \(from):\(port) devient \(to) ; le Pod se joint lui-même (hairpin), il sera masqueradé ; conntrack s'en souvient pour la réponse."
                : "DNAT : la destination \(from):\(port) devient \(to) ; conntrack s'en souvient pour la réponse."
        case .towardsNode(let node): return "Vers le \(French.nodeNamed(node))."
        case .nodeProcessReceives(let node, let port): return "Le processus du \(French.nodeNamed(node)) qui écoute \(port) reçoit la connexion."
        case .masquerade(let from, let to):
            return "MASQUERADE : la source \(from) devient \(to), l'adresse de l'interface de sortie ; le Pod ne verra pas l'IP du client."
        case .localPod(let pod, let ip): return "\(ip) est un Pod de ce Node : le paquet passe le pont cni0 puis la veth de \(pod)."
        case .vxlanEncapsulates(let cidr, let from, let to):
            return "Route \(cidr) via flannel.1 : le paquet est encapsulé dans VXLAN (UDP 8472) de \(from) vers \(to)."
        case .vxlanCarries(let from, let to): return "Le réseau des Nodes ne voit qu'un paquet UDP de \(from) à \(to)."
        case .vxlanDecapsulates(let node): return "\(node) décapsule le paquet VXLAN et retrouve le paquet du Pod."
        case .routedCNI(let cidr, let via, let node):
            return "Route \(cidr) via \(via) : le paquet part tel quel vers \(node) (CNI routé, pas d'encapsulation)."
        case .flatNetwork(let node): return "Réseau plat : le paquet rejoint directement \(node)."
        case .arrivesOnPodNode(let node, let pod, let ip): return "Sur \(node), \(ip) est un Pod local : pont cni0 puis veth de \(pod)."
        case .nothingListens(let pod, let port, let declared):
            return "Rien n'écoute le port \(port) dans \(pod) (ports déclarés : \(declared.map(String.init).joined(separator: ", "))) : le noyau répond RST."
        case .podReceives(let pod, let dst, let port, let src): return "\(pod) reçoit le paquet sur \(dst):\(port), de \(src)."
        case .podAnswers(let pod, let dst, let port): return "\(pod) répond à \(dst):\(port)."
        case .proxyRelaysReply(let proxy): return "\(proxy) reçoit la réponse et la renvoie au client sur la première connexion."
        case .replyToTranslatingNode(let node): return "La réponse revient au \(French.nodeNamed(node)), qui a fait la traduction."
        case .conntrackUndoes(let src, let srcPort, let dst, let dstPort):
            return "conntrack défait la traduction : la réponse vient de \(src):\(srcPort) et va à \(dst):\(dstPort)."
        case .replyReceived(let by): return "\(by) reçoit la réponse."
        case .policyAllows(let pod, let direction, let isolatedBy, let allowedBy, let flow):
            return "\(pod) est isolé en \(direction == .egress ? "sortie" : "entrée") (\(names(isolatedBy))) ; une règle de \(allowedBy) autorise \(flow)."
        case .policyDrops(let pod, let direction, let isolatedBy, let flow):
            return "\(pod) est isolé en \(direction == .egress ? "sortie" : "entrée") par \(names(isolatedBy)) et aucune règle n'autorise \(flow) : le paquet est jeté (la connexion expire)."
        case .ingressNoRule(let className, let host, let path, let tls):
            return "Le contrôleur Ingress (\(className)) ne trouve aucune règle pour \(host)\(path) et aucun defaultBackend : il répond 404.\(tlsNote(tls))"
        case .ingressServiceMissing(let service): return "La règle mène au Service \(service), qui n'existe pas : 503."
        case .ingressNoEndpoint(let backend): return "La règle mène à \(backend), qui n'a aucun endpoint prêt : le contrôleur répond 503."
        case .ingressProxies(let host, let path, let decision, let endpoint, let service, let tls):
            return "Le contrôleur Ingress lit la requête HTTP (Host \(host), chemin \(path)) : \(ingressChoice(decision)). Il ouvre sa propre connexion vers \(endpoint), un Pod de \(service) ; le Pod verra l'IP du contrôleur (le client est dans X-Forwarded-For).\(tlsNote(tls))"
        case .gatewayNoListener(let gateway, let host, let port): return "la Gateway \(gateway) n'a aucun listener pour \(host) sur le port \(port)."
        case .gatewayNoRoute(let listener, let method, let host, let path):
            return "aucune règle d'HTTPRoute attachée au listener \(listener) ne correspond à \(method) \(host)\(path)."
        case .gatewayNoValidBackend:
            return "La règle retenue n'a aucun backend vers qui envoyer (aucun backendRef, ou tous de poids 0) : 500."
        case .gatewayBackendEmpty(let backend): return "Le backend tiré, \(backend), n'a aucun endpoint prêt : 503."
        case .gatewayBackendInvalid(let backend, let problem):
            return "Le backend tiré, \(backend), est inutilisable (\(refProblem(problem))) : les requêtes qui lui échoient reçoivent 500."
        case .gatewayRedirects(let route, let status, let location):
            return "Un filtre RequestRedirect de l'HTTPRoute \(route) : le data plane répond lui-même \(status), Location : \(location). Aucun Pod n'est joint ; le client redemande là."
        case .ingressRedirects(let ingress, let host, let location, let forced):
            return forced
                ? "L'Ingress \(ingress) exige HTTPS (force-ssl-redirect) : le contrôleur répond 308, Location : \(location). Aucun Pod n'est joint."
                : "L'Ingress \(ingress) a du TLS pour \(host) : ingress-nginx répond au HTTP en clair par 308, Location : \(location) (ssl-redirect, actif par défaut). Aucun Pod n'est joint."
        case .gatewayProxies(let c):
            return "La Gateway \(c.gateway) (listener \(c.listener)) applique l'HTTPRoute \(c.route) : \(match(c.match)). Backend tiré : \(c.backend) (\(c.percent) % du trafic), Pod \(c.endpoint).\(rewriteNote(c))\(tlsNote(c.tls))"
        case .kubectlOpensStream(let api): return "kubectl ouvre un flux HTTPS (WebSocket/SPDY) vers l'API server, \(api):6443."
        case .apiServerRelays(let node): return "L'API server authentifie la demande et la relaie au kubelet de \(node) (port 10250)."
        case .kubeletRelaysReply(let node): return "Le kubelet du \(Self.nodeNamed(node)) renvoie la réponse à l'API server sur son flux."
        case .kubeletConnects(let pod, let port):
            return "Le kubelet demande au runtime de conteneurs une connexion vers localhost:\(port) dans l'espace réseau de \(pod) : ni Service, ni kube-proxy, ni NetworkPolicy."
        case .portForwardRefused(let pod, let port): return "Rien n'écoute \(port) dans \(pod) : connexion refusée."
        case .portForwardDelivered(let pod, let port): return "\(pod) reçoit la connexion sur son port \(port), venue de 127.0.0.1."
        }
    }

    /// A Node a drawing titles `Node 1` (or `Nœud 1`) already says what it is.
    /// `Node node-1`, but `Node 2` for a Node a drawing calls so (never `Node Node 2`).
    static func nodeNamed(_ name: String) -> String { namesItsKind(name) ? name : "Node " + name }

    static func namesItsKind(_ name: String) -> Bool {
        let lower = name.lowercased()
        return (lower.hasPrefix("node ") || lower.hasPrefix("nœud ") || lower.hasPrefix("noeud "))
    }

    func names(_ list: [ObjectName]) -> String { list.map(\.description).joined(separator: ", ") }

    func healthNote(_ check: HealthCheck?) -> String {
        guard let check else { return "" }
        return " Ses contrôles de santé (GET :\(check.port)/healthz, auxquels kube-proxy répond) ne passent que sur les Nodes qui ont un endpoint local prêt : \(check.healthy.joined(separator: ", "))."
    }

    func refProblem(_ problem: BackendRefProblem) -> String {
        switch problem {
        case .notPermitted(let namespace): return "il est dans le namespace \(namespace) et aucun ReferenceGrant de ce namespace n'y autorise cette HTTPRoute"
        case .noService: return "ce Service n'existe pas"
        case .noPort(let port): return "le Service n'a pas de port \(port)"
        }
    }

    func rewriteNote(_ c: GatewayChoice) -> String {
        switch (c.rewrittenHost, c.rewrittenPath) {
        case (nil, nil): return ""
        case (let host?, nil): return " URLRewrite : le Pod reçoit l'en-tête Host \(host)."
        case (nil, let path?): return " URLRewrite : le Pod reçoit le chemin \(path)."
        case (let host?, let path?): return " URLRewrite : le Pod reçoit Host \(host) et le chemin \(path)."
        }
    }

    func tlsNote(_ tls: TLSFact?) -> String {
        switch tls {
        case nil: return ""
        case .ingressSecret(let secret, let issued)?:
            return " TLS terminé avec le certificat du Secret \(secret)\(issued.map { " (cert-manager : \(certificate($0)))" } ?? ".")"
        case .ingressNoSecret(let host)?:
            return " Aucun Secret TLS ne couvre \(host) : le contrôleur présente son faux certificat par défaut, le navigateur avertit."
        case .listenerCertificates(let listener, let secrets)?: return " TLS terminé par le listener \(listener) avec \(names(secrets))."
        case .listenerCertificateMissing(let listener)?:
            return " Le certificat du listener \(listener) manque (Secret absent) : le listener n'est pas programmé."
        case .listenerCertificateNotPermitted(let listener, let secret)?:
            return " Le listener \(listener) ne peut pas utiliser le Secret \(secret) : aucun ReferenceGrant du namespace \(secret.namespace) ne l'y autorise, le listener n'est pas programmé."
        }
    }

    func ingressChoice(_ d: IngressDecision) -> String {
        guard let path = d.path else { return "aucune règle ne correspond, le defaultBackend \(d.backend) répond" }
        return "la règle \(d.host.map { "de l'hôte \($0)" } ?? "de tout hôte"), chemin \(path.path) (\(path.type.rawValue)) mène à \(d.backend)"
    }

    func match(_ m: HTTPRoute.Match) -> String {
        var parts: [String] = []
        switch m.path {
        case .exact(let p): parts.append("chemin Exact \(p)")
        case .prefix(let p): parts.append("chemin PathPrefix \(p)")
        case .regex(let r): parts.append("chemin RegularExpression \(r)")
        }
        if let method = m.method { parts.append("méthode \(method)") }
        for (k, v) in m.headers.sorted(by: { $0.key < $1.key }) { parts.append("en-tête \(k)=\(v)") }
        for (k, v) in m.queryParams.sorted(by: { $0.key < $1.key }) { parts.append("paramètre \(k)=\(v)") }
        return parts.joined(separator: ", ")
    }

    public func ending(_ e: Ending) -> String {
        switch e {
        case .none: return ""
        case .unknownSource(let s): return "Source inconnue : \(s) n'est ni un Pod, ni un Node, ni un client, ni une adresse IP."
        case .unreadableURL(let u): return "URL illisible : \(u)."
        case .dnsEgressBlocked(let host, let pod):
            return "La requête DNS pour \(host) ne sort pas : la politique de sortie de \(pod) n'autorise pas UDP 53 vers CoreDNS. Le nom ne se résout pas (délai dépassé)."
        case .externalName(let host, let cname):
            return "\(host) est un alias (Service ExternalName) : le DNS répond CNAME \(cname), un hôte hors du cluster ; kube-proxy n'intervient pas."
        case .dnsFailed(let r): return dns(r)
        case .serviceIPFromOutside(let ip):
            return "\(ip) est une IP de Service : virtuelle, elle n'existe que dans les règles de kube-proxy des Nodes. Hors du cluster, aucune route n'y mène."
        case .podIPFromOutside(let ip): return "\(ip) est une IP de Pod : le réseau overlay la cache, aucune route n'y mène depuis l'extérieur."
        case .noMachineHasAddress(let ip): return "Aucune machine de la scène n'a l'adresse \(ip)."
        case .loadBalancerPortMissing(let port, let service): return "Port \(port) absent du Service \(service)."
        case .loadBalancerNoHealthyNode(let service): return "Le load balancer n'a aucun Node sain pour \(service)."
        case .proxyModeWithoutNodePort: return "ipMode Proxy sans nodePort : le load balancer n'a rien où envoyer."
        case .serviceHasNoPort(let service, let port): return "Le Service \(service) n'a pas de port \(port)."
        case .deliveredToNodeItself(let node, let port): return "Remis au \(French.nodeNamed(node)) (aucun Service n'écoute le port \(port) de ce Node)."
        case .noPodHasAddress(let ip): return "Aucun Pod n'a l'adresse \(ip)."
        case .noServiceHasAddress(let ip): return "Aucun Service n'a l'adresse \(ip)."
        case .leftCluster(let ip): return "Le paquet quitte le cluster vers \(ip)."
        case .rejectedNoEndpoint(let service): return "Rejeté : \(service) n'a aucun endpoint prêt."
        case .droppedBySourceRanges: return "Jeté par le pare-feu du load balancer (loadBalancerSourceRanges)."
        case .droppedNoLocalEndpoint(let service, let node): return "Jeté : \(service) n'a aucun endpoint prêt sur \(node) (politique Local)."
        case .deliveredToNodeProcess(let node, let port): return "Remis à \(node):\(port)."
        case .endpointOutside(let endpoint): return "L'endpoint \(endpoint) est hors du cluster."
        case .refused(let pod, let port): return "Refusé : \(pod) n'écoute pas le port \(port)."
        case .delivered(let pod, let ip, let port): return "Remis à \(pod) (\(ip):\(port))."
        case .droppedByPolicy(let pod, let egress): return "Jeté par NetworkPolicy (\(egress ? "sortie" : "entrée") de \(pod))."
        case .ingressNotFound(let host, let path): return "HTTP 404 : aucune règle d'Ingress ne correspond à \(host)\(path)."
        case .serviceMissing(let service): return "HTTP 503 : le Service \(service) n'existe pas."
        case .backendNotReady(let backend): return "HTTP 503 : \(backend) n'a aucun endpoint prêt."
        case .gatewayNoListener(let gateway, let host, let port): return "HTTP 404 : la Gateway \(gateway) n'a aucun listener pour \(host) sur le port \(port)."
        case .gatewayNoRoute(let listener, let method, let host, let path):
            return "HTTP 404 : aucune règle d'HTTPRoute attachée au listener \(listener) ne correspond à \(method) \(host)\(path)."
        case .gatewayNoValidBackend(let route): return "HTTP 500 : aucun backend valide pour \(route)."
        case .gatewayBackendInvalid(let backend): return "HTTP 500 : le backend \(backend) est inutilisable."
        case .redirected(let status, let location): return "HTTP \(status) : redirigé vers \(location)."
        case .portForwardNoService(let service, let port): return "Aucun Service \(service) avec le port \(port)."
        case .portForwardNoReadyPod(let service): return "Le Service \(service) n'a aucun Pod prêt : kubectl ne trouve rien à joindre."
        case .portForwardNoPod(let name): return "Aucun Pod \(name)."
        case .portForwardDelivered(let pod, let port):
            return "Remis à \(pod):\(port) par le tunnel de kubectl (toujours ce Pod-là, sans répartition)."
        }
    }

    public func dns(_ r: DNSReason) -> String {
        switch r {
        case .notFromPod(let q):
            return "\(q) : seuls les Pods utilisent le DNS du cluster (CoreDNS) ; une machine hors cluster ou un Node ne connaît pas ce nom."
        case .answered(let q, let name, let records, let cname, let failed):
            let shown = cname.map { "CNAME \($0)" } ?? (records.isEmpty ? "(aucun enregistrement)" : records.joined(separator: ", "))
            return "\(q) se résout en \(name) : \(shown)\(failed > 0 ? " (après \(count(failed, .nxdomainTry)) de la liste de recherche, ndots:5)" : "")."
        case .forwardedUpstream(let q): return "\(q) n'est pas un nom du cluster : CoreDNS le transmet au résolveur amont, hors de la scène."
        case .nxdomain(let q): return "\(q) : NXDOMAIN, aucun Service ni Pod de ce nom (un Pod n'a pas de nom DNS par son seul nom)."
        }
    }

    public func certificate(_ r: CertificateReason) -> String {
        switch r {
        case .noIssuer(let kind, let name, let namespace, let secret):
            return "aucun \(kind) \(name)\(namespace.map { " dans le namespace \($0)" } ?? "") : le Secret \(secret) n'est pas créé."
        case .caSecretMissing(let issuer, let secret): return "l'émetteur CA \(issuer) n'a pas son Secret \(secret) : il n'est pas prêt."
        case .issued(let kind, let issuer, let names, let signing, let secret):
            let how: String
            switch signing {
            case .selfSigned: how = "auto-signé (les navigateurs ne lui font pas confiance)"
            case .ca(let s): how = "signé par la CA du Secret \(s)"
            case .acme(let server): how = "signé par le serveur ACME \(server) après un défi réussi"
            }
            return "\(kind) \(issuer) a émis le certificat de \(names.joined(separator: ", ")), \(how) ; il est dans le Secret \(secret) (tls.crt, tls.key, ca.crt)."
        }
    }

    public func rule(_ rule: Rule) -> String {
        switch rule {
        case .iptables(let r): return r.text
        case .ingress(let d):
            guard let path = d.path else { return "Ingress \(d.ingress) : backend par défaut → \(d.backend)" }
            return "Ingress \(d.ingress) : hôte \(d.host ?? "*") chemin \(path.path) (\(path.type.rawValue)) → \(d.backend)"
        case .httpRoute(let route, let n, let m, let backends):
            return "HTTPRoute \(route) règle \(n) : \(match(m)) → "
                + backends.map { "\($0.service.name):\($0.port)" + (backends.count > 1 ? " (poids \($0.weight))" : "") }.joined(separator: ", ")
        case .networkPolicy(let policies, let direction):
            return "NetworkPolicy \(names(policies)) (\(direction == .egress ? "sortie" : "entrée"))"
        case .dnsTries(let tries): return tries.map { "\($0.found ? "✓" : "✗") \($0.name)" }.joined(separator: "  ")
        case .kubectlPortForward(let target, let port): return "kubectl port-forward \(target) \(port)"
        case .apiPortForward(let pod): return "POST /api/v1/namespaces/\(pod.namespace)/pods/\(pod.name)/portforward"
        }
    }

    public func place(_ place: HopPlace) -> String {
        switch place {
        case .pod(let name): return "Pod \(name)"
        case .node(let name): return Self.namesItsKind(name) ? name : "Node \(name)"
        case .kubeProxy(let node, let chain): return "\(node) \(chain)"
        case .tunnel(let from, let to): return "VXLAN \(from) → \(to)"
        case .underlay: return "réseau des Nodes"
        case .loadBalancer(let ip): return "load balancer \(ip)"
        case .dns: return "CoreDNS"
        case .client(let name): return "client \(name)"
        }
    }

    public func action(_ action: HopAction) -> String {
        switch action {
        case .send: return "envoi"
        case .route: return "routage"
        case .jump: return "saut de chaîne"
        case .dnat: return "DNAT"
        case .snat: return "SNAT"
        case .encap: return "encapsulation"
        case .decap: return "décapsulation"
        case .proxy: return "proxy"
        case .drop: return "jeté"
        case .reject: return "rejet"
        case .deliver: return "remise"
        case .conntrack: return "conntrack"
        case .resolve: return "résolution DNS"
        case .filter: return "filtrage"
        }
    }

    public func verdict(_ verdict: Verdict) -> String {
        switch verdict {
        case .delivered: return "remis"
        case .deliveredToNode: return "remis au Node"
        case .leftCluster: return "sorti du cluster"
        case .externalName: return "nom externe"
        case .rejected: return "rejeté"
        case .dropped: return "jeté"
        case .nxdomain: return "nom inconnu (NXDOMAIN)"
        case .http404: return "HTTP 404"
        case .redirected(let status, _): return "redirigé (\(status))"
        case .noRoute: return "aucune route"
        case .invalid: return "requête invalide"
        }
    }
}
