/// Builds a `Cluster` the way a cluster would fill in what the manifests leave out:
/// Node pod CIDRs split from the cluster's, Pods scheduled and given IPs from their Node's
/// range, cluster IPs from the service range (the `kubernetes` Service takes the first
/// address), node ports from 30000-32767, load-balancer IPs from a pool, and
/// EndpointSlices from selectors and readiness. What is given is used as given, and
/// checked: a duplicate IP, an IP outside its range or an exhausted range is a problem,
/// and the object is left out, never the whole cluster.
public struct ClusterBuilder: Sendable {
    public struct NodeSpec: Sendable {
        public var name: String
        public var ip: IPv4Address?
        public var podCIDR: CIDR?
        public var labels: [String: String]
        public var origin: Int?
        public init(name: String, ip: IPv4Address? = nil, podCIDR: CIDR? = nil, labels: [String: String] = [:], origin: Int? = nil) {
            self.name = name; self.ip = ip; self.podCIDR = podCIDR; self.labels = labels; self.origin = origin
        }
    }

    public struct PodSpec: Sendable {
        public var name: ObjectName
        public var labels: [String: String]
        public var nodeName: String?
        public var ip: IPv4Address?
        public var ports: [ContainerPort]
        public var ready: Bool
        public var terminating = false
        public var hostname: String?
        public var subdomain: String?
        public var origin: Int?
        public var readySince: String?
        public var restarts = 0
        public var created: String?
        public init(name: ObjectName, labels: [String: String] = [:], nodeName: String? = nil, ip: IPv4Address? = nil,
                    ports: [ContainerPort] = [], ready: Bool = true, hostname: String? = nil, subdomain: String? = nil,
                    origin: Int? = nil) {
            self.name = name; self.labels = labels; self.nodeName = nodeName; self.ip = ip; self.ports = ports
            self.ready = ready; self.hostname = hostname; self.subdomain = subdomain; self.origin = origin
        }
    }

    public struct ServiceSpec: Sendable {
        /// Its `clusterIP` is used when set; `headless` asks for none.
        public var service: Service
        public var headless: Bool
        public var origin: Int?
        public init(_ service: Service, headless: Bool = false, origin: Int? = nil) {
            self.service = service; self.headless = headless; self.origin = origin
        }
    }

    public var domain = "cluster.local"
    public var cni: CNIMode = .overlay
    /// kubeadm's and flannel's defaults.
    public var podCIDR = CIDR("10.244.0.0/16")!
    public var serviceCIDRs = [CIDR("10.96.0.0/12")!]
    /// Where Node IPs come from when a Node gives none.
    public var nodeNetwork = CIDR("192.168.1.0/24")!
    /// Addresses a load-balancer implementation (a cloud, MetalLB) hands out; nil: none,
    /// and LoadBalancer Services stay `<pending>`.
    public var loadBalancerPool: CIDR? = CIDR("198.51.100.0/24")
    public var nodes: [NodeSpec] = []
    public var pods: [PodSpec] = []
    public var services: [ServiceSpec] = []
    /// EndpointSlices given as such (for Services without a selector).
    public var endpointSlices: [EndpointSlice] = []
    public var clients: [ExternalClient] = []
    public var ingresses: [Ingress] = []
    public var ingressClasses: [IngressClass] = []
    /// The load-balancer address of an Ingress controller, by class (`Ingress, 178.91.123.132`).
    public var ingressControllerIPs: [String: IPv4Address] = [:]
    /// Deployments, ReplicaSets and StatefulSets by kind (`deployment`, `replicaset`,
    /// `statefulset`) and name: their selector, for `kubectl port-forward deployment/NAME`.
    public var workloadSelectors: [String: [String: String]] = [:]
    public var tlsSecrets: [ObjectName] = []
    public var networkPolicies: [NetworkPolicy] = []
    public var gatewayClasses: [GatewayClass] = []
    public var gateways: [Gateway] = []
    public var httpRoutes: [HTTPRoute] = []
    public var referenceGrants: [ReferenceGrant] = []
    public var issuers: [CertIssuer] = []
    public var certificates: [Certificate] = []
    /// Namespaces and their labels; every namespace also gets `kubernetes.io/metadata.name`.
    public var namespaces: [String: [String: String]] = [:]

    public init() {}

    static let nodePortRange = 30000...32767

    public func build() -> (Cluster, [BuildProblem]) {
        let (withIngress, controllers, classes) = withIngressControllers()
        let (full, gatewayPods) = withIngress.withGatewayDataPlanes()
        var (cluster, problems) = full.buildObjects()
        cluster.gatewayClasses = gatewayClasses
        cluster.gateways = gateways
        cluster.httpRoutes = httpRoutes
        cluster.referenceGrants = referenceGrants
        cluster.gatewayPods = gatewayPods
        for gateway in gateways where !gatewayClasses.isEmpty && !gatewayClasses.contains(where: { $0.name == gateway.className }) {
            problems.append(BuildProblem(severity: .warning, problem: .noGatewayClass(gateway: gateway.name.description, className: gateway.className), origin: nil))
        }
        for route in httpRoutes {
            for parent in route.parentRefs where !gateways.contains(where: { $0.name == parent.name }) {
                problems.append(BuildProblem(severity: .warning, problem: .routeWithoutGateway(route: route.name.description, gateway: parent.name.description), origin: nil))
            }
        }
        cluster.ingresses = ingresses
        cluster.ingressClasses = classes
        cluster.ingressControllerPods = controllers
        // cert-manager: Certificates given and made by the ingress-shim; the ready ones are Secrets.
        var allCertificates = certificates
        for shim in CertManager.shimCertificates(for: ingresses) where !allCertificates.contains(where: { $0.name == shim.name }) {
            allCertificates.append(shim)
        }
        let statuses = CertManager.issue(allCertificates, issuers: issuers, existingSecrets: Set(tlsSecrets))
        cluster.certificates = statuses
        cluster.tlsSecrets = Set(tlsSecrets).union(statuses.filter(\.ready).map(\.secret))
        for status in statuses where !status.ready {
            problems.append(BuildProblem(severity: .warning, problem: .certificateNotReady(certificate: status.certificate.name.description, reason: status.reason), origin: nil))
        }
        cluster.networkPolicies = networkPolicies
        var labels = namespaces
        for name in Set(cluster.pods.map(\.name.namespace) + cluster.services.map(\.name.namespace) + namespaces.keys + ["default", "kube-system"]) {
            labels[name, default: [:]]["kubernetes.io/metadata.name"] = name
        }
        cluster.namespaceLabels = labels
        cluster.workloadSelectors = workloadSelectors
        for ingress in ingresses {
            guard let className = cluster.ingressClass(of: ingress), classes.contains(where: { $0.name == className }) else {
                problems.append(BuildProblem(severity: .warning, problem: .noIngressClass(ingress: ingress.name.description, className: ingress.className), origin: nil))
                continue
            }
            let backends = ingress.rules.flatMap { $0.paths.map(\.backend) } + [ingress.defaultBackend].compactMap { $0 }
            for backend in backends where cluster.service(named: ObjectName(ingress.name.namespace, backend.service)) == nil {
                problems.append(BuildProblem(severity: .warning, problem: .ingressServiceMissing(ingress: ingress.name.description, service: backend.service, namespace: ingress.name.namespace), origin: nil))
            }
        }
        return (cluster, problems)
    }

    func buildObjects() -> (Cluster, [BuildProblem]) {
        var problems: [BuildProblem] = []
        func problem(_ severity: Severity, _ problem: ClusterProblem, _ origin: Int?) {
            problems.append(BuildProblem(severity: severity, problem: problem, origin: origin))
        }
        var usedIPs: [IPv4Address: String] = [:]

        // Nodes.
        var nodes: [ClusterNode] = []
        var nodeIndex: [String: Int] = [:]
        var takenSubnets = Set(self.nodes.compactMap(\.podCIDR))
        var nextSubnet = 0
        var nextNodeIP = 11
        for spec in self.nodes {
            if nodeIndex[spec.name] != nil {
                problem(.error, .nodeTwice(spec.name), spec.origin)
                continue
            }
            var ip = spec.ip
            if ip == nil {
                while let candidate = nodeNetwork.address(nextNodeIP), usedIPs[candidate] != nil { nextNodeIP += 1 }
                ip = nodeNetwork.address(nextNodeIP)
                nextNodeIP += 1
            }
            guard let nodeIP = ip else { problem(.error, .noAddressForNode(spec.name), spec.origin); continue }
            if let owner = usedIPs[nodeIP] {
                problem(.error, .nodeAddressTaken(node: spec.name, address: nodeIP.description, owner: owner), spec.origin)
                continue
            }
            var cidr = spec.podCIDR
            if let given = cidr, !podCIDR.contains(given) {
                problem(.warning, .nodePodCIDROutside(node: spec.name, cidr: given.description, cluster: podCIDR.description), spec.origin)
            }
            if cidr == nil {
                while let candidate = podCIDR.subnet(prefix: max(24, podCIDR.prefix), index: nextSubnet),
                      takenSubnets.contains(candidate) { nextSubnet += 1 }
                cidr = podCIDR.subnet(prefix: max(24, podCIDR.prefix), index: nextSubnet)
                nextSubnet += 1
            }
            guard let nodeCIDR = cidr else {
                problem(.error, .noPodCIDRLeft(cluster: podCIDR.description, node: spec.name), spec.origin)
                continue
            }
            takenSubnets.insert(nodeCIDR)
            usedIPs[nodeIP] = "Node \(spec.name)"
            nodeIndex[spec.name] = nodes.count
            nodes.append(ClusterNode(name: spec.name, ip: nodeIP, podCIDR: nodeCIDR, labels: spec.labels))
        }
        if nodes.isEmpty {
            // A cluster has at least one Node; a scene that names none gets one.
            let cidr = podCIDR.subnet(prefix: max(24, podCIDR.prefix), index: 0) ?? podCIDR
            nodes.append(ClusterNode(name: "node-1", ip: nodeNetwork.address(nextNodeIP) ?? nodeNetwork.network, podCIDR: cidr))
            usedIPs[nodes[0].ip] = "Node node-1"
            nodeIndex["node-1"] = 0
        }

        // Pods: scheduled round-robin when no Node is named, IPs from the Node's range.
        var pods: [Pod] = []
        var nextHost = [String: Int]()
        // Addresses that later Pods name must not be handed out to earlier ones.
        let givenPodIPs = Set(self.pods.compactMap(\.ip))
        var podNames = Set<ObjectName>()
        for (index, spec) in self.pods.enumerated() {
            guard podNames.insert(spec.name).inserted else {
                problem(.error, .podTwice(spec.name.description), spec.origin)
                continue
            }
            let nodeName = spec.nodeName ?? nodes[index % nodes.count].name
            guard let node = nodeIndex[nodeName].map({ nodes[$0] }) else {
                problem(.error, .podNoSuchNode(pod: spec.name.description, node: nodeName), spec.origin)
                continue
            }
            var ip = spec.ip
            if let given = ip {
                if !node.podCIDR.contains(given) {
                    problem(.warning, .podIPOutsideNode(pod: spec.name.description, ip: given.description, node: nodeName, cidr: node.podCIDR.description), spec.origin)
                }
            } else {
                var host = nextHost[nodeName, default: 2]   // .1 is the bridge, the Pods' gateway
                while let candidate = node.podCIDR.address(host), usedIPs[candidate] != nil || givenPodIPs.contains(candidate) { host += 1 }
                // The last address of the range is its broadcast address.
                ip = UInt64(host) < node.podCIDR.size - 1 ? node.podCIDR.address(host) : nil
                nextHost[nodeName] = host + 1
            }
            guard let podIP = ip else {
                problem(.error, .nodeCIDRExhausted(pod: spec.name.description, node: nodeName, cidr: node.podCIDR.description), spec.origin)
                continue
            }
            if let owner = usedIPs[podIP] {
                problem(.error, .podIPTaken(pod: spec.name.description, ip: podIP.description, owner: owner), spec.origin)
                continue
            }
            usedIPs[podIP] = "Pod \(spec.name)"
            var pod = Pod(name: spec.name, labels: spec.labels, nodeName: nodeName, ip: podIP, ports: spec.ports,
                          ready: spec.ready, hostname: spec.hostname, subdomain: spec.subdomain)
            pod.terminating = spec.terminating
            pod.readySince = spec.readySince
            pod.restarts = spec.restarts
            pod.created = spec.created
            pods.append(pod)
        }

        // Services: the `kubernetes` Service first, as the API server creates it.
        var services: [Service] = []
        var usedServiceIPs: [IPv4Address: String] = [:]
        let firstRange = serviceCIDRs.first ?? CIDR("10.96.0.0/12")!
        let apiServer = IPv4Address(firstRange.network.value + 1)
        let dnsIP = firstRange.address(10) ?? apiServer
        var specs = self.services
        if !specs.contains(where: { $0.service.name == ObjectName("default", "kubernetes") }) {
            let kubernetes = Service(name: ObjectName("default", "kubernetes"), clusterIP: apiServer,
                                     ports: [ServicePort(name: "https", port: 443, targetPort: .number(6443))])
            specs.insert(ServiceSpec(kubernetes), at: 0)
        }
        // Addresses given in manifests are taken before any is handed out.
        for spec in specs {
            if let ip = spec.service.clusterIP, !spec.headless { usedServiceIPs[ip] = usedServiceIPs[ip] ?? "" }
        }
        usedServiceIPs[dnsIP] = usedServiceIPs[dnsIP] ?? "kube-system/kube-dns"
        var nextServiceHost = 1
        var usedNodePorts: [Int: String] = [:]
        for spec in specs {
            for port in spec.service.ports { if let n = port.nodePort { usedNodePorts[n] = usedNodePorts[n] ?? "" } }
            if let n = spec.service.healthCheckNodePort { usedNodePorts[n] = usedNodePorts[n] ?? "" }
        }
        var nextNodePort = Self.nodePortRange.lowerBound
        var nextLoadBalancerHost = 10
        var serviceNames = Set<ObjectName>()
        var claimed: [IPv4Address: String] = [:]
        for spec in specs {
            var service = spec.service
            let name = service.name
            guard serviceNames.insert(name).inserted else {
                problem(.error, .serviceTwice(name.description), spec.origin)
                continue
            }
            if service.type == .externalName {
                service.clusterIP = nil
                if service.externalName == nil { problem(.error, .externalNameMissing(name.description), spec.origin) }
            } else if spec.headless {
                service.clusterIP = nil
                if service.type != .clusterIP {
                    problem(.error, .headlessNotClusterIP(name.description), spec.origin)
                    continue
                }
            } else if let given = service.clusterIP {
                guard serviceCIDRs.contains(where: { $0.contains(given) }) else {
                    problem(.error, .clusterIPOutside(service: name.description, ip: given.description, ranges: serviceCIDRs.map(\.description)), spec.origin)
                    continue
                }
                if let owner = claimed[given] {
                    problem(.error, .clusterIPTaken(service: name.description, ip: given.description, owner: owner), spec.origin)
                    continue
                }
            } else {
                // The allocator hands out the lowest free address of the first range with room.
                var allocated: IPv4Address?
                for range in serviceCIDRs {
                    var host = range == firstRange ? nextServiceHost : 1
                    while let candidate = range.address(host), UInt64(host) < range.size - 1, usedServiceIPs[candidate] != nil { host += 1 }
                    if UInt64(host) < range.size - 1, let candidate = range.address(host) {
                        allocated = candidate
                        if range == firstRange { nextServiceHost = host + 1 }
                        break
                    }
                }
                guard let ip = allocated else {
                    problem(.error, .serviceRangeFull(service: name.description, ranges: serviceCIDRs.map(\.description)), spec.origin)
                    continue
                }
                service.clusterIP = ip
            }
            if let ip = service.clusterIP {
                usedServiceIPs[ip] = name.description
                claimed[ip] = name.description
            }

            // Node ports for NodePort and LoadBalancer Services.
            let wantsNodePorts = service.type == .nodePort || (service.type == .loadBalancer && service.allocateLoadBalancerNodePorts)
            var ok = true
            for i in service.ports.indices {
                if let given = service.ports[i].nodePort {
                    if !Self.nodePortRange.contains(given) {
                        problem(.error, .nodePortOutside(service: name.description, port: given), spec.origin)
                        ok = false
                    } else if let owner = usedNodePorts[given], !owner.isEmpty {
                        problem(.error, .nodePortTaken(service: name.description, port: given, owner: owner), spec.origin)
                        ok = false
                    } else {
                        usedNodePorts[given] = name.description
                    }
                } else if wantsNodePorts {
                    while usedNodePorts[nextNodePort] != nil { nextNodePort += 1 }
                    guard Self.nodePortRange.contains(nextNodePort) else {
                        problem(.error, .noNodePortLeft(name.description), spec.origin)
                        ok = false
                        continue
                    }
                    service.ports[i].nodePort = nextNodePort
                    usedNodePorts[nextNodePort] = name.description
                }
            }
            if !ok { continue }
            // The health check port of a LoadBalancer Service with externalTrafficPolicy Local,
            // from the same range (the API server allocates it; Service docs, "Traffic policies").
            if service.type == .loadBalancer && service.externalTrafficPolicy == .local && service.healthCheckNodePort == nil {
                while usedNodePorts[nextNodePort] != nil { nextNodePort += 1 }
                if Self.nodePortRange.contains(nextNodePort) {
                    service.healthCheckNodePort = nextNodePort
                    usedNodePorts[nextNodePort] = name.description
                }
            }
            if service.type == .loadBalancer, service.loadBalancerIPs.isEmpty, let pool = loadBalancerPool {
                while let candidate = pool.address(nextLoadBalancerHost), usedIPs[candidate] != nil { nextLoadBalancerHost += 1 }
                if let ip = pool.address(nextLoadBalancerHost), UInt64(nextLoadBalancerHost) < pool.size - 1 {
                    service.loadBalancerIPs = [ip]
                    nextLoadBalancerHost += 1
                } else {
                    problem(.warning, .loadBalancerPoolExhausted(service: name.description, pool: pool.description), spec.origin)
                }
            }
            for ip in service.loadBalancerIPs { usedIPs[ip] = "Service \(name)" }
            services.append(service)
        }

        var cluster = Cluster(domain: domain, cni: cni, podCIDR: podCIDR, serviceCIDRs: serviceCIDRs, nodes: nodes,
                              pods: pods, services: services, endpointSlices: [], clients: clients, dnsServiceIP: dnsIP)
        cluster.index()
        problems += cluster.computeEndpoints(given: endpointSlices, apiServer: nodes[0], origins: Dictionary(
            specs.compactMap { spec in spec.origin.map { (spec.service.name, $0) } }, uniquingKeysWith: { a, _ in a }))
        return (cluster, problems)
    }

}

extension Cluster {
    mutating func index() {
        for (i, pod) in pods.enumerated() {
            podByIP[pod.ip] = i; podByName[pod.name] = i
            for port in pod.ports {
                guard let h = port.hostPort else { continue }
                let key = HostPortKey(node: pod.nodeName, port: h, protocol: port.protocol)
                if hostPorts[key] == nil { hostPorts[key] = (i, port) }
            }
        }
        for (i, node) in nodes.enumerated() { nodeByIP[node.ip] = i; nodeByName[node.name] = i }
        for (i, service) in services.enumerated() {
            serviceByName[service.name] = i
            if let ip = service.clusterIP { serviceByClusterIP[ip] = i }
            for (p, port) in service.ports.enumerated() {
                if let nodePort = port.nodePort { serviceByNodePort[nodePort] = (i, p) }
                let name = KubeProxyChains.servicePortName(service, port)
                chainHashes[ServicePortKey(service: i, port: p)] = KubeProxyChains.hash(name + port.protocol.lowercased)
            }
            for ip in service.loadBalancerIPs { serviceByLoadBalancerIP[ip] = i }
            for ip in service.externalIPs { serviceByExternalIP[ip] = i }
        }
    }
}
