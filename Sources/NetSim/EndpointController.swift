/// What the EndpointSlice controller does: a Service's slices from the Pods its selector
/// picks and their readiness, or the slices given for a Service without a selector.
extension Cluster {
    /// EndpointSlices from selectors and readiness (as the EndpointSlice controller does),
    /// or as given for Services without a selector.
    mutating func computeEndpoints(given: [EndpointSlice], apiServer: ClusterNode, origins: [ObjectName: Int]) -> [BuildProblem] {
        var problems: [BuildProblem] = []
        var slices: [EndpointSlice] = []
        // Pods by namespace and by `key=value` label, so that a selector looks at the Pods
        // with one of its labels only, not at every Pod.
        var podsByNamespace: [String: [Int]] = [:]
        var podsByLabel: [String: [String: [Int]]] = [:]
        for (i, pod) in pods.enumerated() {
            podsByNamespace[pod.name.namespace, default: []].append(i)
            for (k, v) in pod.labels { podsByLabel[pod.name.namespace, default: [:]]["\(k)=\(v)", default: []].append(i) }
        }
        for (s, service) in services.enumerated() where service.type != .externalName {
            if service.name == ObjectName("default", "kubernetes") && service.selector == nil {
                let endpoint = Endpoint(ip: apiServer.ip, ready: true, nodeName: apiServer.name)
                slices.append(EndpointSlice(name: ObjectName("default", "kubernetes"), service: "kubernetes",
                                            endpoints: [endpoint], ports: [EndpointPort(name: "https", port: 6443, protocol: .tcp)]))
                backends[ServicePortKey(service: s, port: 0)] = [Backend(ip: apiServer.ip, port: 6443, ready: true, nodeName: apiServer.name, pod: nil)]
                continue
            }
            guard let selector = service.selector else {
                // No selector: the EndpointSlices given by hand, matched by their service label.
                for slice in given where slice.name.namespace == service.name.namespace && slice.service == service.name.name {
                    slices.append(slice)
                    for (p, port) in service.ports.enumerated() {
                        let match = slice.ports.first { $0.name == port.name } ?? (slice.ports.count == 1 ? slice.ports[0] : nil)
                        guard let endpointPort = match else { continue }
                        let list = slice.endpoints.map {
                            Backend(ip: $0.ip, port: endpointPort.port, ready: $0.ready, nodeName: $0.nodeName, pod: $0.pod,
                                    serving: $0.serving, terminating: $0.terminating)
                        }
                        backends[ServicePortKey(service: s, port: p), default: []].append(contentsOf: list)
                    }
                }
                continue
            }
            let pool: [Int]
            if let (k, v) = selector.min(by: { $0.key < $1.key }) {
                pool = podsByLabel[service.name.namespace]?["\(k)=\(v)"] ?? []
            } else {
                pool = podsByNamespace[service.name.namespace] ?? []
            }
            let selected = pool.map { pods[$0] }.filter { $0.labels.matches(selector) }
            if selected.isEmpty && !selector.isEmpty {
                let text = selector.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ",")
                problems.append(BuildProblem(severity: .warning, problem: .selectorMatchesNothing(service: service.name.description, selector: text), origin: origins[service.name]))
            }
            var endpoints: [Endpoint] = []
            // A Pod being deleted stays in the slice, not ready, serving while its Ready
            // condition holds, terminating (the EndpointSlice controller since 1.22, KEP-1672).
            for pod in selected {
                var endpoint = Endpoint(ip: pod.ip, ready: pod.ready && !pod.terminating, nodeName: pod.nodeName, pod: pod.name,
                                        hostname: pod.subdomain == service.name.name ? pod.hostname : nil)
                endpoint.serving = pod.ready
                endpoint.terminating = pod.terminating
                endpoints.append(endpoint)
            }
            var ports: [EndpointPort] = []
            for (p, port) in service.ports.enumerated() {
                var list: [Backend] = []
                for pod in selected {
                    // A named targetPort is looked up in each Pod: Pods may number it differently.
                    let number: Int?
                    switch port.targetPort {
                    case .number(let n): number = n
                    case .name(let portName): number = pod.ports.first { $0.name == portName && $0.protocol == port.protocol }?.port
                    }
                    guard let target = number else { continue }
                    list.append(Backend(ip: pod.ip, port: target, ready: pod.ready && !pod.terminating, nodeName: pod.nodeName, pod: pod.name,
                                        serving: pod.ready, terminating: pod.terminating))
                }
                if case .name(let portName) = port.targetPort, list.isEmpty, !selected.isEmpty {
                    problems.append(BuildProblem(severity: .warning, problem: .noPodWithPortName(service: service.name.description, port: portName), origin: origins[service.name]))
                }
                backends[ServicePortKey(service: s, port: p)] = list
                if let first = list.first { ports.append(EndpointPort(name: port.name, port: first.port, protocol: port.protocol)) }
            }
            slices.append(EndpointSlice(name: ObjectName(service.name.namespace, service.name.name + "-slice"),
                                        service: service.name.name, endpoints: endpoints, ports: ports))
        }
        endpointSlices = slices
        return problems
    }
}
