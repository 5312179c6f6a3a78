import Facts
import NetSim

/// English: the engine's facts in words.
public struct English: Phrasebook {
    public init() {}
    public var language: Language { .en }

    public func hop(_ reason: HopReason) -> String {
        switch reason {
        case .resolved(let r): return dns(r)
        case .podSends(let pod, let gateway, let node):
            return "The packet leaves \(pod) through eth0: default route via \(gateway) (bridge cni0 on \(French.nodeNamed(node))), across the veth pair."
        case .nodeSends(let node): return "A process on \(French.nodeNamed(node)) sends the packet (OUTPUT chain)."
        case .clientSendsToNode(let client, let node): return "\(client) sends the packet to \(French.nodeNamed(node))."
        case .underlayCarries(let node, let ip): return "The Nodes' network carries it to \(node) (\(ip))."
        case .clientSendsToExternal(let client, let ip, let lb):
            return lb ? "\(client) sends the packet to the external IP \(ip)." : "\(client) sends the packet to the externalIP \(ip)."
        case .administratorRoute(let ip, let node): return "A route set by the administrator leads \(ip) to \(French.nodeNamed(node))."
        case .clientSends(let client, let dst): return "\(client) sends the packet to \(dst)."
        case .routedPodNetwork(let node): return "The network has a route to \(node)'s pod CIDR (routed CNI)."
        case .loadBalancerPortClosed(let port): return "The load balancer does not listen on port \(port)."
        case .loadBalancerNoHealthyNode(let port):
            return "No Node passes the load balancer's health check\(port.map { " (GET :\($0)/healthz)" } ?? ""): none has a ready endpoint."
        case .loadBalancerForwards(let node, let ip, let check):
            return "The load balancer forwards the packet to \(node) unchanged: it still carries \(ip) (ipMode VIP).\(healthNote(check))"
        case .loadBalancerProxies(let node, let nodePort, let check):
            return "The load balancer ends the connection and opens one to \(node):\(nodePort) (ipMode Proxy): the client's IP is lost.\(healthNote(check))"
        case .serviceIPWrongPort(let ip, let service, let port, let proto):
            return "\(ip) is Service \(service)'s IP, but none of its ports is \(port)/\(proto.lowercased): no rule takes the packet, which is lost."
        case .hostPortDNAT(let node, let port, let pod, let endpoint):
            return "Port \(port) of \(French.nodeNamed(node)) is a hostPort of \(pod): the CNI portmap plugin translates it to \(endpoint) (DNAT); the client's address is kept."
        case .forTheNode(let node): return "The packet is for \(French.nodeNamed(node)) itself: a process on the Node receives it."
        case .toOtherNode(let from, let to): return "\(from) sends the packet to \(French.nodeNamed(to)) over the Nodes' network."
        case .noPodHasAddress(let ip): return "\(ip) is in the pod CIDR but no Pod has this address."
        case .noServiceHasAddress(let ip): return "\(ip) is in the service CIDR but no Service has this address."
        case .leavesCluster(let dst, let masq):
            return "\(dst) is outside the cluster: the packet leaves through the Node's interface\(masq.map { ", the Pod's address replaced by the Node's \($0) (the CNI's MASQUERADE)" } ?? "")."
        case .noReadyEndpoint(let service, let notReady):
            return notReady == 0
                ? "Service \(service) has no ready endpoint: kube-proxy rejects the packet (ICMP port unreachable)."
                : "Service \(service) has no ready endpoint (\(count(notReady, .podNotReady))): kube-proxy rejects the packet (ICMP port unreachable)."
        case .recognisedClusterIP(let service, let ip, let port): return "kube-proxy recognises Service \(service)'s virtual IP (\(ip):\(port))."
        case .markedNotFromPod: return "The source is not a Pod: the packet is marked for masquerading (it may cross Nodes)."
        case .toNodePorts: return "No Service IP matches; the address is the Node's own: on to KUBE-NODEPORTS."
        case .nodePortOf(let service, let port): return "Port \(port) is Service \(service)'s nodePort (open on every Node)."
        case .recognisedExternalIP(let service, let lb):
            return lb ? "kube-proxy recognises Service \(service)'s load-balancer IP." : "kube-proxy recognises Service \(service)'s external IP."
        case .sourceRangeAllows(let source, let range): return "Source \(source) is in loadBalancerSourceRanges (\(range)): allowed."
        case .sourceRangeDenies(let source): return "Source \(source) is in none of loadBalancerSourceRanges: the packet is dropped."
        case .markedClusterPolicy:
            return "externalTrafficPolicy: Cluster: the packet is marked for masquerading, since the endpoint may be on another Node."
        case .localPolicyBypassed:
            return "Traffic from inside the cluster to an external destination: the Local policy does not apply, every endpoint may answer."
        case .localPolicyKeepsClient: return "externalTrafficPolicy: Local: only this Node's endpoints, and the client's IP is kept."
        case .noLocalEndpoint(let node): return "Local policy and no ready endpoint on \(node): the packet is dropped."
        case .pickedEndpoint(let endpoint, let among, let client):
            if let client { return "sessionAffinity: ClientIP: client \(client) always gets the same endpoint, \(endpoint)." }
            return "kube-proxy picks an endpoint at random among \(among) (each 1/\(among)): \(endpoint)."
        case .dnat(let from, let port, let to, let hairpin):
            return hairpin
                ? "DNAT: destination \(from):\(port) becomes \(to); the Pod reaches itself (hairpin), it will be masqueraded; conntrack remembers it for the reply."
                : "DNAT: destination \(from):\(port) becomes \(to); conntrack remembers it for the reply."
        case .towardsNode(let node): return "To \(French.nodeNamed(node))."
        case .nodeProcessReceives(let node, let port): return "The process of \(French.nodeNamed(node)) listening on \(port) receives the connection."
        case .masquerade(let from, let to):
            return "MASQUERADE: source \(from) becomes \(to), the outgoing interface's address; the Pod will not see the client's IP."
        case .localPod(let pod, let ip): return "\(ip) is a Pod of this Node: the packet crosses bridge cni0, then \(pod)'s veth."
        case .vxlanEncapsulates(let cidr, let from, let to):
            return "Route \(cidr) via flannel.1: the packet is wrapped in VXLAN (UDP 8472) from \(from) to \(to)."
        case .vxlanCarries(let from, let to): return "The Nodes' network sees only a UDP packet from \(from) to \(to)."
        case .vxlanDecapsulates(let node): return "\(node) unwraps the VXLAN packet and finds the Pod's packet."
        case .routedCNI(let cidr, let via, let node):
            return "Route \(cidr) via \(via): the packet goes as it is to \(node) (routed CNI, no encapsulation)."
        case .flatNetwork(let node): return "Flat network: the packet goes straight to \(node)."
        case .arrivesOnPodNode(let node, let pod, let ip): return "On \(node), \(ip) is a local Pod: bridge cni0, then \(pod)'s veth."
        case .nothingListens(let pod, let port, let declared):
            return "Nothing listens on port \(port) in \(pod) (declared ports: \(declared.map(String.init).joined(separator: ", "))): the kernel answers RST."
        case .podReceives(let pod, let dst, let port, let src): return "\(pod) receives the packet on \(dst):\(port), from \(src)."
        case .podAnswers(let pod, let dst, let port): return "\(pod) answers \(dst):\(port)."
        case .proxyRelaysReply(let proxy): return "\(proxy) receives the answer and sends it to the client over the first connection."
        case .replyToTranslatingNode(let node): return "The reply goes back to \(French.nodeNamed(node)), which did the translation."
        case .conntrackUndoes(let src, let srcPort, let dst, let dstPort):
            return "conntrack undoes the translation: the reply comes from \(src):\(srcPort) and goes to \(dst):\(dstPort)."
        case .replyReceived(let by): return "\(by) receives the reply."
        case .policyAllows(let pod, let direction, let isolatedBy, let allowedBy, let flow):
            return "\(pod) is isolated for \(direction == .egress ? "egress" : "ingress") (\(names(isolatedBy))); a rule of \(allowedBy) allows \(flow)."
        case .policyDrops(let pod, let direction, let isolatedBy, let flow):
            return "\(pod) is isolated for \(direction == .egress ? "egress" : "ingress") by \(names(isolatedBy)) and no rule allows \(flow): the packet is dropped (the connection times out)."
        case .ingressNoRule(let className, let host, let path, let tls):
            return "The Ingress controller (\(className)) finds no rule for \(host)\(path) and no defaultBackend: it answers 404.\(tlsNote(tls))"
        case .ingressServiceMissing(let service): return "The rule leads to Service \(service), which does not exist: 503."
        case .ingressNoEndpoint(let backend): return "The rule leads to \(backend), which has no ready endpoint: the controller answers 503."
        case .ingressProxies(let host, let path, let decision, let endpoint, let service, let tls):
            return "The Ingress controller reads the HTTP request (Host \(host), path \(path)): \(ingressChoice(decision)). It opens its own connection to \(endpoint), a Pod of \(service); the Pod will see the controller's IP (the client is in X-Forwarded-For).\(tlsNote(tls))"
        case .gatewayNoListener(let gateway, let host, let port): return "Gateway \(gateway) has no listener for \(host) on port \(port)."
        case .gatewayNoRoute(let listener, let method, let host, let path):
            return "no rule of the HTTPRoutes attached to listener \(listener) matches \(method) \(host)\(path)."
        case .gatewayNoValidBackend:
            return "The chosen rule has no backend to send to (no backendRefs, or all of weight 0): 500."
        case .gatewayBackendEmpty(let backend): return "The backend drawn, \(backend), has no ready endpoint: 503."
        case .gatewayBackendInvalid(let backend, let problem):
            return "The backend drawn, \(backend), cannot be used (\(refProblem(problem))): the requests that fall to it get 500."
        case .gatewayRedirects(let route, let status, let location):
            return "A RequestRedirect filter of HTTPRoute \(route): the data plane answers \(status) itself, Location: \(location). No Pod is reached; the client asks again there."
        case .ingressRedirects(let ingress, let host, let location, let forced):
            return forced
                ? "Ingress \(ingress) asks for HTTPS (force-ssl-redirect): the controller answers 308, Location: \(location). No Pod is reached."
                : "Ingress \(ingress) has TLS for \(host): ingress-nginx answers plain HTTP with 308, Location: \(location) (ssl-redirect, on by default). No Pod is reached."
        case .gatewayProxies(let c):
            return "Gateway \(c.gateway) (listener \(c.listener)) applies HTTPRoute \(c.route): \(match(c.match)). Backend drawn: \(c.backend) (\(c.percent)% of the traffic), Pod \(c.endpoint).\(rewriteNote(c))\(tlsNote(c.tls))"
        case .kubectlOpensStream(let api): return "kubectl opens an HTTPS stream (WebSocket/SPDY) to the API server, \(api):6443."
        case .apiServerRelays(let node): return "The API server authenticates the request and relays it to \(node)'s kubelet (port 10250)."
        case .kubeletRelaysReply(let node): return "The kubelet of \(French.namesItsKind(node) ? node : "node " + node) sends the answer back to the API server over its stream."
        case .kubeletConnects(let pod, let port):
            return "The kubelet asks the container runtime for a connection to localhost:\(port) inside \(pod)'s network namespace: no Service, no kube-proxy, no NetworkPolicy."
        case .portForwardRefused(let pod, let port): return "Nothing listens on \(port) in \(pod): connection refused."
        case .portForwardDelivered(let pod, let port): return "\(pod) receives the connection on its port \(port), from 127.0.0.1."
        }
    }

    func names(_ list: [ObjectName]) -> String { list.map(\.description).joined(separator: ", ") }

    func healthNote(_ check: HealthCheck?) -> String {
        guard let check else { return "" }
        return " Its health checks (GET :\(check.port)/healthz, answered by kube-proxy) pass only on Nodes with a ready local endpoint: \(check.healthy.joined(separator: ", "))."
    }

    func refProblem(_ problem: BackendRefProblem) -> String {
        switch problem {
        case .notPermitted(let namespace): return "it is in namespace \(namespace) and no ReferenceGrant there allows this HTTPRoute"
        case .noService: return "no such Service"
        case .noPort(let port): return "the Service has no port \(port)"
        }
    }

    func rewriteNote(_ c: GatewayChoice) -> String {
        switch (c.rewrittenHost, c.rewrittenPath) {
        case (nil, nil): return ""
        case (let host?, nil): return " URLRewrite: the Pod receives Host \(host)."
        case (nil, let path?): return " URLRewrite: the Pod receives path \(path)."
        case (let host?, let path?): return " URLRewrite: the Pod receives Host \(host), path \(path)."
        }
    }

    func tlsNote(_ tls: TLSFact?) -> String {
        switch tls {
        case nil: return ""
        case .ingressSecret(let secret, let issued)?:
            return " TLS ends here with the certificate of Secret \(secret)\(issued.map { " (cert-manager: \(certificate($0)))" } ?? ".")"
        case .ingressNoSecret(let host)?: return " No TLS Secret covers \(host): the controller shows its default fake certificate and the browser warns."
        case .listenerCertificates(let listener, let secrets)?: return " TLS ends at listener \(listener) with \(names(secrets))."
        case .listenerCertificateMissing(let listener)?: return " Listener \(listener)'s certificate is missing (no Secret): the listener is not programmed."
        case .listenerCertificateNotPermitted(let listener, let secret)?:
            return " Listener \(listener) may not use Secret \(secret): no ReferenceGrant in namespace \(secret.namespace) allows it, so the listener is not programmed."
        }
    }

    func ingressChoice(_ d: IngressDecision) -> String {
        guard let path = d.path else { return "no rule matches, the defaultBackend \(d.backend) answers" }
        return "the rule for \(d.host.map { "host \($0)" } ?? "any host"), path \(path.path) (\(path.type.rawValue)) leads to \(d.backend)"
    }

    func match(_ m: HTTPRoute.Match) -> String {
        var parts: [String] = []
        switch m.path {
        case .exact(let p): parts.append("path Exact \(p)")
        case .prefix(let p): parts.append("path PathPrefix \(p)")
        case .regex(let r): parts.append("path RegularExpression \(r)")
        }
        if let method = m.method { parts.append("method \(method)") }
        for (k, v) in m.headers.sorted(by: { $0.key < $1.key }) { parts.append("header \(k)=\(v)") }
        for (k, v) in m.queryParams.sorted(by: { $0.key < $1.key }) { parts.append("query \(k)=\(v)") }
        return parts.joined(separator: ", ")
    }

    public func ending(_ e: Ending) -> String {
        switch e {
        case .none: return ""
        case .unknownSource(let s): return "Unknown source: \(s) is no Pod, Node, client or IP address."
        case .unreadableURL(let u): return "Unreadable URL: \(u)."
        case .dnsEgressBlocked(let host, let pod):
            return "The DNS query for \(host) cannot leave: \(pod)'s egress policy does not allow UDP 53 to CoreDNS. The name does not resolve (timeout)."
        case .externalName(let host, let cname):
            return "\(host) is an alias (ExternalName Service): DNS answers CNAME \(cname), a host outside the cluster; kube-proxy plays no part."
        case .dnsFailed(let r): return dns(r)
        case .serviceIPFromOutside(let ip):
            return "\(ip) is a Service IP: virtual, it exists only in the Nodes' kube-proxy rules. Outside the cluster no route leads to it."
        case .podIPFromOutside(let ip): return "\(ip) is a Pod IP: the overlay network hides it; no route leads to it from outside."
        case .noMachineHasAddress(let ip): return "No machine of the scene has the address \(ip)."
        case .loadBalancerPortMissing(let port, let service): return "Port \(port) is not a port of Service \(service)."
        case .loadBalancerNoHealthyNode(let service): return "The load balancer has no healthy Node for \(service)."
        case .proxyModeWithoutNodePort: return "ipMode Proxy without a nodePort: the load balancer has nowhere to send."
        case .serviceHasNoPort(let service, let port): return "Service \(service) has no port \(port)."
        case .deliveredToNodeItself(let node, let port): return "Delivered to \(French.nodeNamed(node)) (no Service listens on this Node's port \(port))."
        case .noPodHasAddress(let ip): return "No Pod has the address \(ip)."
        case .noServiceHasAddress(let ip): return "No Service has the address \(ip)."
        case .leftCluster(let ip): return "The packet leaves the cluster for \(ip)."
        case .rejectedNoEndpoint(let service): return "Rejected: \(service) has no ready endpoint."
        case .droppedBySourceRanges: return "Dropped by the load balancer firewall (loadBalancerSourceRanges)."
        case .droppedNoLocalEndpoint(let service, let node): return "Dropped: \(service) has no ready endpoint on \(node) (Local policy)."
        case .deliveredToNodeProcess(let node, let port): return "Delivered to \(node):\(port)."
        case .endpointOutside(let endpoint): return "Endpoint \(endpoint) is outside the cluster."
        case .refused(let pod, let port): return "Refused: \(pod) does not listen on port \(port)."
        case .delivered(let pod, let ip, let port): return "Delivered to \(pod) (\(ip):\(port))."
        case .droppedByPolicy(let pod, let egress): return "Dropped by NetworkPolicy (\(pod)'s \(egress ? "egress" : "ingress"))."
        case .ingressNotFound(let host, let path): return "HTTP 404: no Ingress rule matches \(host)\(path)."
        case .serviceMissing(let service): return "HTTP 503: Service \(service) does not exist."
        case .backendNotReady(let backend): return "HTTP 503: \(backend) has no ready endpoint."
        case .gatewayNoListener(let gateway, let host, let port): return "HTTP 404: Gateway \(gateway) has no listener for \(host) on port \(port)."
        case .gatewayNoRoute(let listener, let method, let host, let path):
            return "HTTP 404: no rule of the HTTPRoutes attached to listener \(listener) matches \(method) \(host)\(path)."
        case .gatewayNoValidBackend(let route): return "HTTP 500: no valid backend for \(route)."
        case .gatewayBackendInvalid(let backend): return "HTTP 500: backend \(backend) cannot be used."
        case .redirected(let status, let location): return "HTTP \(status): redirected to \(location)."
        case .portForwardNoService(let service, let port): return "No Service \(service) with port \(port)."
        case .portForwardNoReadyPod(let service): return "Service \(service) has no ready Pod: kubectl finds nothing to reach."
        case .portForwardNoPod(let name): return "No Pod \(name)."
        case .portForwardDelivered(let pod, let port):
            return "Delivered to \(pod):\(port) through kubectl's tunnel (always this one Pod, no load balancing)."
        }
    }

    public func dns(_ r: DNSReason) -> String {
        switch r {
        case .notFromPod(let q): return "\(q): only Pods use the cluster DNS (CoreDNS); a Node or a machine outside does not know this name."
        case .answered(let q, let name, let records, let cname, let failed):
            let shown = cname.map { "CNAME \($0)" } ?? (records.isEmpty ? "(no record)" : records.joined(separator: ", "))
            return "\(q) resolves to \(name): \(shown)\(failed > 0 ? " (after \(failed) NXDOMAIN tries of the search list, ndots:5)" : "")."
        case .forwardedUpstream(let q): return "\(q) is not a cluster name: CoreDNS forwards it upstream, outside the scene."
        case .nxdomain(let q): return "\(q): NXDOMAIN, no Service or Pod has this name (a Pod's name alone is not a DNS name)."
        }
    }

    public func certificate(_ r: CertificateReason) -> String {
        switch r {
        case .noIssuer(let kind, let name, let namespace, let secret):
            return "no \(kind) \(name)\(namespace.map { " in namespace \($0)" } ?? ""): Secret \(secret) is not created."
        case .caSecretMissing(let issuer, let secret): return "CA issuer \(issuer) lacks its Secret \(secret): it is not ready."
        case .issued(let kind, let issuer, let names, let signing, let secret):
            let how: String
            switch signing {
            case .selfSigned: how = "self-signed (browsers do not trust it)"
            case .ca(let s): how = "signed by the CA in Secret \(s)"
            case .acme(let server): how = "signed by ACME server \(server) after a solved challenge"
            }
            return "\(kind) \(issuer) issued the certificate for \(names.joined(separator: ", ")), \(how); it is in Secret \(secret) (tls.crt, tls.key, ca.crt)."
        }
    }

    public func rule(_ rule: Rule) -> String {
        switch rule {
        case .iptables(let r): return r.text
        case .ingress(let d):
            guard let path = d.path else { return "Ingress \(d.ingress): default backend → \(d.backend)" }
            return "Ingress \(d.ingress): host \(d.host ?? "*") path \(path.path) (\(path.type.rawValue)) → \(d.backend)"
        case .httpRoute(let route, let n, let m, let backends):
            return "HTTPRoute \(route) rule \(n): \(match(m)) → "
                + backends.map { "\($0.service.name):\($0.port)" + (backends.count > 1 ? " (weight \($0.weight))" : "") }.joined(separator: ", ")
        case .networkPolicy(let policies, let direction): return "NetworkPolicy \(names(policies)) (\(direction.rawValue))"
        case .dnsTries(let tries): return tries.map { "\($0.found ? "✓" : "✗") \($0.name)" }.joined(separator: "  ")
        case .kubectlPortForward(let target, let port): return "kubectl port-forward \(target) \(port)"
        case .apiPortForward(let pod): return "POST /api/v1/namespaces/\(pod.namespace)/pods/\(pod.name)/portforward"
        }
    }

    public func place(_ place: HopPlace) -> String {
        switch place {
        case .pod(let name): return "pod \(name)"
        case .node(let name): return French.namesItsKind(name) ? name : "node \(name)"
        case .kubeProxy(let node, let chain): return "\(node) \(chain)"
        case .tunnel(let from, let to): return "vxlan \(from) → \(to)"
        case .underlay: return "node network"
        case .loadBalancer(let ip): return "load balancer \(ip)"
        case .dns: return "CoreDNS"
        case .client(let name): return "client \(name)"
        }
    }

    public func action(_ action: HopAction) -> String { action.rawValue }

    public func verdict(_ verdict: Verdict) -> String { verdict.name }
}
