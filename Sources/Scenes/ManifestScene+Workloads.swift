import Facts
import NetSim
import YAMLGuard

/// The readers of where workloads run: Nodes, Pods, and the controllers that make Pods
/// (Deployments, ReplicaSets, StatefulSets), read as a dump gives them or expanded when their
/// Pods are not there.
extension ManifestScene.Reader {
    /// A Node as `kubectl get node -o yaml` prints it: its InternalIP and podCIDR.
    mutating func readNode(_ node: Node) {
        guard let name = node[path: "metadata", "name"]?.text else { return report(.error, .nodeNeedsName, at: node) }
        let addresses = node[path: "status", "addresses"]?.list ?? []
        let internalIP = addresses.first { $0["type"]?.text == "InternalIP" && $0["address"]?.text.flatMap(IPv4Address.init) != nil }
        addNode(.init(name: name, ip: internalIP?["address"]?.text.flatMap(IPv4Address.init),
                      podCIDR: node[path: "spec", "podCIDR"]?.text.flatMap(CIDR.init),
                      labels: node[path: "metadata", "labels"]?.stringMap ?? [:], origin: position(node).0))
    }

    /// A Node named twice (by a Node object and by the scene): one Node, what each says.
    mutating func addNode(_ node: ClusterBuilder.NodeSpec) {
        guard let i = builder.nodes.firstIndex(where: { $0.name == node.name }) else { return builder.nodes.append(node) }
        if builder.nodes[i].ip == nil { builder.nodes[i].ip = node.ip }
        if builder.nodes[i].podCIDR == nil { builder.nodes[i].podCIDR = node.podCIDR }
        builder.nodes[i].labels.merge(node.labels) { a, _ in a }
    }

    func ports(_ containers: [Node]) -> [ContainerPort] {
        containers.flatMap { c in
            (c["ports"]?.list ?? []).compactMap { p -> ContainerPort? in
                guard let n = p["containerPort"]?.int else { return nil }
                return ContainerPort(name: p["name"]?.text, port: n,
                                     protocol: p["protocol"]?.text.flatMap(TransportProtocol.init(rawValue:)) ?? .tcp,
                                     hostPort: p["hostPort"]?.int)
            }
        }
    }

    mutating func readPod(_ node: Node) {
        let name = objectName(node)
        guard !name.name.isEmpty else { return report(.error, .podWithoutName, at: node) }
        // What a dump holds that is not on the Pod network: a hostNetwork Pod is a process
        // of its Node (kube-apiserver, kube-proxy: its podIP is the Node's address, traffic to
        // it is the Node's); a finished Pod (phase Succeeded or Failed, a Job's) has released
        // its address; a Pod not yet given one (Pending, no podIP) has no network yet.
        let phase = node[path: "status", "phase"]?.text
        if node[path: "spec", "hostNetwork"]?.bool == true || phase == "Succeeded" || phase == "Failed"
            || (phase != nil && node[path: "status", "podIP"] == nil) {
            dumpedPods.append((name, owners(node), node[path: "metadata", "labels"]?.stringMap ?? [:]))
            return
        }
        var ip: IPv4Address?
        if let text = node[path: "status", "podIP"]?.text {
            ip = IPv4Address(text)
            if ip == nil { report(.error, .podIPInvalid(pod: name.description, text: text), at: node[path: "status", "podIP"]) }
        }
        let ready = (node[path: "status", "conditions"]?.list ?? []).first { $0["type"]?.text == "Ready" }?["status"]?.text.map { $0 == "True" } ?? true
        dumpedPods.append((name, owners(node), node[path: "metadata", "labels"]?.stringMap ?? [:]))
        var spec = ClusterBuilder.PodSpec(name: name, labels: node[path: "metadata", "labels"]?.stringMap ?? [:],
                                          nodeName: node[path: "spec", "nodeName"]?.text, ip: ip,
                                          ports: ports(node[path: "spec", "containers"]?.list ?? []), ready: ready,
                                          hostname: node[path: "spec", "hostname"]?.text, subdomain: node[path: "spec", "subdomain"]?.text,
                                          origin: position(node).0)
        // Being deleted (kubectl shows it Terminating): its endpoint is terminating.
        spec.terminating = node[path: "metadata", "deletionTimestamp"]?.text != nil
        spec.readySince = (node[path: "status", "conditions"]?.list ?? []).first { $0["type"]?.text == "Ready" }?["lastTransitionTime"]?.text
        spec.restarts = (node[path: "status", "containerStatuses"]?.list ?? []).compactMap { $0["restartCount"]?.int }.max() ?? 0
        spec.created = node[path: "metadata", "creationTimestamp"]?.text
        builder.pods.append(spec)
    }

    /// `metadata.ownerReferences`, as kind and name (owners are in the object's namespace).
    func owners(_ node: Node) -> [(kind: String, name: String)] {
        (node[path: "metadata", "ownerReferences"]?.list ?? []).compactMap { ref in
            guard let kind = ref["kind"]?.text, let name = ref["name"]?.text else { return nil }
            return (kind, name)
        }
    }

    /// Workloads are read once every object is: a dump holds the Pods (and the ReplicaSets)
    /// a Deployment made, and then these are the truth; only a workload whose Pods are not
    /// there becomes Pods of its own.
    mutating func generateWorkloads() {
        let deployments = Set(workloads.filter { $0.kind == "Deployment" }.map { objectName($0.node) })
        var replicaSetOwner: [ObjectName: ObjectName] = [:]
        for w in workloads where w.kind == "ReplicaSet" {
            let name = objectName(w.node)
            if let owner = owners(w.node).first(where: { $0.kind == "Deployment" }) { replicaSetOwner[name] = ObjectName(name.namespace, owner.name) }
        }
        // Last first: a workload's Pods go where it was read, and the places of those
        // read before it do not move.
        for w in workloads.reversed() {
            let name = objectName(w.node)
            let selector = w.node[path: "spec", "selector", "matchLabels"]?.stringMap ?? [:]
            builder.workloadSelectors["\(w.kind.lowercased())/\(name)"] = selector
            // A ReplicaSet its dumped Deployment owns: the Deployment stands for it.
            if w.kind == "ReplicaSet", let owner = replicaSetOwner[name], deployments.contains(owner) { continue }
            let hashLabel = w.kind == "StatefulSet" || w.kind == "DaemonSet" ? "controller-revision-hash" : "pod-template-hash"
            let present = dumpedPods.contains { pod in
                guard pod.name.namespace == name.namespace else { return false }
                for owner in pod.owners {
                    if owner.kind == w.kind && owner.name == name.name { return true }
                    if w.kind == "Deployment", owner.kind == "ReplicaSet",
                       replicaSetOwner[ObjectName(name.namespace, owner.name)] == name { return true }
                }
                return pod.owners.isEmpty && !selector.isEmpty && pod.labels[hashLabel] != nil && pod.labels.matches(selector)
            }
            if present { continue }
            let before = builder.pods.count
            readWorkload(w.node, kind: w.kind)
            let made = Array(builder.pods[before...])
            builder.pods.removeSubrange(before...)
            builder.pods.insert(contentsOf: made, at: w.at)
        }
    }

    /// Deployments, ReplicaSets and StatefulSets become their Pods, named as their
    /// controllers name them (`web-<template hash>-<suffix>`, `db-0`).
    mutating func readWorkload(_ node: Node, kind: String) {
        let name = objectName(node)
        let replicas = node[path: "spec", "replicas"]?.int ?? 1
        guard replicas >= 0, replicas <= 10_000 else {
            return report(.error, .tooManyReplicas(kind: kind, name: name.description, replicas: replicas), at: node[path: "spec", "replicas"])
        }
        let template = node[path: "spec", "template"]
        let labels = template?[path: "metadata", "labels"]?.stringMap ?? [:]
        if let selector = node[path: "spec", "selector", "matchLabels"]?.stringMap, !labels.matches(selector) {
            report(.error, .selectorMismatch(kind: kind, name: name.description), at: node[path: "spec", "selector"])
        }
        let containerPorts = ports(template?[path: "spec", "containers"]?.list ?? [])
        if kind == "DaemonSet" {
            // One Pod on each Node its nodeSelector allows; a hostNetwork one is a process of
            // each Node, not a Pod on the Pod network.
            if template?[path: "spec", "hostNetwork"]?.bool == true { return }
            let nodeSelector = template?[path: "spec", "nodeSelector"]?.stringMap ?? [:]
            let nodes: [String?] = builder.nodes.filter { $0.labels.matches(nodeSelector) }.map(\.name)
            for (i, nodeName) in (builder.nodes.isEmpty ? [nil] : nodes).enumerated() {
                builder.pods.append(.init(name: ObjectName(name.namespace, "\(name.name)-\(PodNames.suffix(name.description, i))"), labels: labels,
                                          nodeName: nodeName, ports: containerPorts, origin: position(node).0))
            }
            return
        }
        let serviceName = node[path: "spec", "serviceName"]?.text
        let hash = PodNames.templateHash(name.description)
        for i in 0..<replicas {
            let podName: String
            var hostname: String?
            var subdomain: String?
            if kind == "StatefulSet" {
                podName = "\(name.name)-\(i)"
                hostname = podName
                subdomain = serviceName
            } else if kind == "Deployment" {
                podName = "\(name.name)-\(hash)-\(PodNames.suffix(name.description, i))"
            } else {
                podName = "\(name.name)-\(PodNames.suffix(name.description, i))"
            }
            builder.pods.append(.init(name: ObjectName(name.namespace, podName), labels: labels,
                                      nodeName: template?[path: "spec", "nodeName"]?.text, ports: containerPorts,
                                      hostname: hostname, subdomain: subdomain, origin: position(node).0))
        }
    }
}
