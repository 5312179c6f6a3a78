/// The controllers a cluster runs for its Ingresses and Gateways, added to the objects
/// before they are built, as installing them would.
extension ClusterBuilder {
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
            let base = ingressClass.name == "nginx" ? "ingress-nginx-controller" : "\(ingressClass.name)-controller"
            let labels = ["app.kubernetes.io/name": "ingress-nginx", "app.kubernetes.io/instance": ingressClass.name]
            let pod = ObjectName("ingress-nginx", "\(base)-\(PodNames.templateHash(base))-\(PodNames.suffix(base, 0))")
            copy.pods.append(PodSpec(name: pod, labels: labels, nodeName: nodes.first?.name,
                                     ports: [ContainerPort(name: "http", port: 80), ContainerPort(name: "https", port: 443)]))
            var service = Service(name: ObjectName("ingress-nginx", base), type: .loadBalancer,
                                  ports: [ServicePort(name: "http", port: 80, targetPort: .name("http")),
                                          ServicePort(name: "https", port: 443, targetPort: .name("https"))],
                                  selector: labels)
            if let ip = ingressControllerIPs[ingressClass.name] { service.loadBalancerIPs = [ip] }
            copy.services.append(ServiceSpec(service))
            controllers[pod] = ingressClass.name
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
            let base = "\(gateway.name.name)-gateway"
            let labels = ["gateway.networking.k8s.io/gateway-name": gateway.name.name]
            let ports = Array(Set(gateway.listeners.map(\.port))).sorted()
            let pod = ObjectName(gateway.name.namespace, "\(base)-\(PodNames.templateHash(base))-\(PodNames.suffix(base, 0))")
            copy.pods.append(PodSpec(name: pod, labels: labels, nodeName: nodes.first?.name,
                                     ports: ports.map { ContainerPort(port: $0) }))
            var service = Service(name: ObjectName(gateway.name.namespace, base), type: .loadBalancer,
                                  ports: ports.map { ServicePort(name: "port-\($0)", port: $0) }, selector: labels)
            if let address = gateway.address { service.loadBalancerIPs = [address] }
            copy.services.append(ServiceSpec(service))
            pods[pod] = gateway.name
        }
        return (copy, pods)
    }
}
