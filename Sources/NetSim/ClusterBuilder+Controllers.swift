/// The controllers a cluster runs for its Ingresses and Gateways, added to the objects
/// before they are built, as installing them would — or, when a dump holds them already
/// (`kubectl get … -A`), found among its Pods and used as they are.
extension ClusterBuilder {
    /// ingress-nginx's controller Pods as its Helm chart and static manifests label them
    /// (`app.kubernetes.io/name: ingress-nginx`, `app.kubernetes.io/component: controller`).
    /// With several IngressClasses of that controller, `app.kubernetes.io/instance` names the
    /// class a controller serves.
    /// Any other controller (Traefik, HAProxy…) is found by the address its Ingresses
    /// publish: the Pods of the Service whose load balancer has that ADDRESS.
    func dumpedIngressControllers(for ingressClass: IngressClass, among classes: [IngressClass]) -> [PodSpec] {
        guard ingressClass.controller == "k8s.io/ingress-nginx" else {
            guard let address = ingressControllerIPs[ingressClass.name],
                  let front = services.first(where: { $0.service.loadBalancerIPs.contains(address) }),
                  let selector = front.service.selector, !selector.isEmpty else { return [] }
            return pods.filter { pod in pod.name.namespace == front.service.name.namespace && selector.allSatisfy { pod.labels[$0.key] == $0.value } }
        }
        let controllers = pods.filter { $0.labels["app.kubernetes.io/name"] == "ingress-nginx" && $0.labels["app.kubernetes.io/component"] == "controller" }
        let siblings = classes.filter { $0.controller == ingressClass.controller }
        if siblings.count == 1 { return controllers }
        return controllers.filter { $0.labels["app.kubernetes.io/instance"] == ingressClass.name }
    }

    /// A Gateway's data plane Pods in a dump: labelled with the Gateway's name as GEP-1762
    /// asks of in-cluster deployments (`gateway.networking.k8s.io/gateway-name`, Istio and
    /// kgateway), or as Envoy Gateway labels its proxies (`gateway.envoyproxy.io/owning-gateway-name`
    /// and `-namespace`, in its own namespace).
    func dumpedDataPlane(for gateway: Gateway) -> [PodSpec] {
        pods.filter { pod in
            (pod.name.namespace == gateway.name.namespace && pod.labels["gateway.networking.k8s.io/gateway-name"] == gateway.name.name)
                || (pod.labels["gateway.envoyproxy.io/owning-gateway-name"] == gateway.name.name
                    && pod.labels["gateway.envoyproxy.io/owning-gateway-namespace"] == gateway.name.namespace)
        }
    }

    /// The Service of the objects that selects one of `pods`: the proxy's front, not one to make.
    func frontService(of pods: [PodSpec]) -> Int? {
        services.firstIndex { spec in
            guard let selector = spec.service.selector, !selector.isEmpty else { return false }
            return pods.contains { pod in pod.name.namespace == spec.service.name.namespace && selector.allSatisfy { pod.labels[$0.key] == $0.value } }
        }
    }

    /// A dumped front Service still waiting for its load balancer takes the address the
    /// Ingress or Gateway status published.
    mutating func publish(_ address: IPv4Address?, onService index: Int) {
        guard let address, services[index].service.type == .loadBalancer, services[index].service.loadBalancerIPs.isEmpty else { return }
        services[index].service.loadBalancerIPs = [address]
    }

    /// With Ingresses, each IngressClass gets its controller as a cluster has it after
    /// installing ingress-nginx: a Pod listening on 80 and 443 in namespace
    /// `ingress-nginx`, behind a LoadBalancer Service. Without any IngressClass, one
    /// `nginx` class is made the default.
    func withIngressControllers() -> (ClusterBuilder, [ObjectName: String], [IngressClass]) {
        guard !ingresses.isEmpty else { return (self, [:], ingressClasses) }
        var copy = self
        let classes = ingressClasses.isEmpty ? [IngressClass(name: "nginx", isDefault: true)] : ingressClasses
        var controllers: [ObjectName: String] = [:]
        for ingressClass in classes {
            let dumped = dumpedIngressControllers(for: ingressClass, among: classes)
            if !dumped.isEmpty {
                for pod in dumped { controllers[pod.name] = ingressClass.name }
                // Its Service is in the dump too, as a rule; if not, the chart's is made.
                if let front = frontService(of: dumped) {
                    copy.publish(ingressControllerIPs[ingressClass.name], onService: front)
                    continue
                }
            }
            let base = ingressClass.name == "nginx" ? "ingress-nginx-controller" : "\(ingressClass.name)-controller"
            let labels = dumped.first?.labels ?? ["app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/instance": ingressClass.name]
            if dumped.isEmpty {
                let pod = ObjectName("ingress-nginx", "\(base)-\(PodNames.templateHash(base))-\(PodNames.suffix(base, 0))")
                copy.pods.append(PodSpec(name: pod, labels: labels, nodeName: nodes.first?.name,
                                         ports: [ContainerPort(name: "http", port: 80), ContainerPort(name: "https", port: 443)]))
                controllers[pod] = ingressClass.name
            }
            var service = Service(name: ObjectName(dumped.first?.name.namespace ?? "ingress-nginx", base), type: .loadBalancer,
                                  ports: [ServicePort(name: "http", port: 80, targetPort: .name("http")),
                                          ServicePort(name: "https", port: 443, targetPort: .name("https"))],
                                  selector: labels)
            if let ip = ingressControllerIPs[ingressClass.name] { service.loadBalancerIPs = [ip] }
            copy.services.append(ServiceSpec(service))
        }
        return (copy, controllers, classes)
    }

    /// Each Gateway gets its data plane as a Gateway controller provisions it: a proxy Pod
    /// listening on the listeners' ports, behind a LoadBalancer Service `<gateway>-gateway`
    /// that takes the Gateway's `spec.addresses` when given.
    func withGatewayDataPlanes() -> (ClusterBuilder, [ObjectName: ObjectName]) {
        guard !gateways.isEmpty else { return (self, [:]) }
        var copy = self
        var pods: [ObjectName: ObjectName] = [:]
        for gateway in gateways {
            let dumped = dumpedDataPlane(for: gateway)
            for pod in dumped { pods[pod.name] = gateway.name }
            if !dumped.isEmpty, let front = frontService(of: dumped) {
                copy.publish(gateway.address, onService: front)
                continue
            }
            let base = "\(gateway.name.name)-gateway"
            let labels = dumped.first?.labels ?? ["gateway.networking.k8s.io/gateway-name": gateway.name.name]
            let ports = Array(Set(gateway.listeners.map(\.port))).sorted()
            if dumped.isEmpty {
                let pod = ObjectName(gateway.name.namespace, "\(base)-\(PodNames.templateHash(base))-\(PodNames.suffix(base, 0))")
                copy.pods.append(PodSpec(name: pod, labels: labels, nodeName: nodes.first?.name,
                                         ports: ports.map { ContainerPort(port: $0) }))
                pods[pod] = gateway.name
            }
            var service = Service(name: ObjectName(dumped.first?.name.namespace ?? gateway.name.namespace, base), type: .loadBalancer,
                                  ports: ports.map { ServicePort(name: "port-\($0)", port: $0) }, selector: labels)
            if let address = gateway.address { service.loadBalancerIPs = [address] }
            copy.services.append(ServiceSpec(service))
        }
        return (copy, pods)
    }
}
