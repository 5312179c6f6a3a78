/// cert-manager (`cert-manager.io/v1`): Issuers and ClusterIssuers sign Certificates, and
/// each ready Certificate is a `kubernetes.io/tls` Secret holding `tls.crt`, `tls.key`
/// and `ca.crt` (cert-manager.io/docs/usage/certificate/). The ingress-shim turns an
/// Ingress annotated `cert-manager.io/cluster-issuer` or `cert-manager.io/issuer` into one
/// Certificate per `tls` entry, named after its `secretName`
/// (cert-manager.io/docs/usage/ingress/).
public struct CertIssuer: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable { case issuer = "Issuer", clusterIssuer = "ClusterIssuer" }
    public enum Backend: Sendable, Equatable {
        case selfSigned
        /// Signs with the CA in this Secret (it must exist).
        case ca(secretName: String)
        /// An ACME server (Let's Encrypt); its challenges are assumed solvable.
        case acme(server: String)
    }
    /// `namespace` is empty for a ClusterIssuer.
    public var name: ObjectName
    public var kind: Kind
    public var backend: Backend
    public init(name: ObjectName, kind: Kind, backend: Backend) {
        self.name = name
        self.kind = kind
        self.backend = backend
    }
}

public struct Certificate: Sendable, Equatable {
    public var name: ObjectName
    public var secretName: String
    public var issuerName: String
    public var issuerKind: CertIssuer.Kind
    public var dnsNames: [String]
    /// Made by the ingress-shim for this Ingress.
    public var fromIngress: ObjectName?
    public init(name: ObjectName, secretName: String, issuerName: String, issuerKind: CertIssuer.Kind = .issuer,
                dnsNames: [String], fromIngress: ObjectName? = nil) {
        self.name = name
        self.secretName = secretName
        self.issuerName = issuerName
        self.issuerKind = issuerKind
        self.dnsNames = dnsNames
        self.fromIngress = fromIngress
    }
}

public struct CertificateStatus: Sendable, Equatable {
    public var certificate: Certificate
    public var ready: Bool
    public var reason: CertificateReason
    public var secret: ObjectName { ObjectName(certificate.name.namespace, certificate.secretName) }
}

public enum CertManager {
    /// The Certificates the ingress-shim makes for annotated Ingresses.
    public static func shimCertificates(for ingresses: [Ingress]) -> [Certificate] {
        ingresses.flatMap { ingress -> [Certificate] in
            let cluster = ingress.annotations["cert-manager.io/cluster-issuer"]
            let namespaced = ingress.annotations["cert-manager.io/issuer"]
            guard let issuer = cluster ?? namespaced else { return [] }
            return ingress.tls.compactMap { tls in
                guard let secret = tls.secretName else { return nil }
                return Certificate(name: ObjectName(ingress.name.namespace, secret), secretName: secret, issuerName: issuer,
                                   issuerKind: cluster != nil ? .clusterIssuer : .issuer, dnsNames: tls.hosts, fromIngress: ingress.name)
            }
        }
    }

    /// Which Certificates become ready, and why the others do not.
    public static func issue(_ certificates: [Certificate], issuers: [CertIssuer], existingSecrets: Set<ObjectName>) -> [CertificateStatus] {
        certificates.map { cert in
            let issuer = issuers.first {
                $0.kind == cert.issuerKind && $0.name.name == cert.issuerName
                    && ($0.kind == .clusterIssuer || $0.name.namespace == cert.name.namespace)
            }
            guard let issuer else {
                return CertificateStatus(certificate: cert, ready: false, reason: .noIssuer(
                    kind: cert.issuerKind.rawValue, name: cert.issuerName,
                    namespace: cert.issuerKind == .issuer ? cert.name.namespace : nil, secret: cert.secretName))
            }
            if case .ca(let secretName) = issuer.backend {
                // A ClusterIssuer's CA Secret lives in cert-manager's namespace.
                let namespace = issuer.kind == .clusterIssuer ? "cert-manager" : issuer.name.namespace
                guard existingSecrets.contains(ObjectName(namespace, secretName)) else {
                    return CertificateStatus(certificate: cert, ready: false,
                                             reason: .caSecretMissing(issuer: issuer.name.name, secret: "\(namespace)/\(secretName)"))
                }
            }
            let signing: CertificateReason.Signing
            switch issuer.backend {
            case .selfSigned: signing = .selfSigned
            case .ca(let s): signing = .ca(secret: s)
            case .acme(let server): signing = .acme(server: server)
            }
            return CertificateStatus(certificate: cert, ready: true, reason: .issued(
                kind: issuer.kind.rawValue, issuer: issuer.name.name, dnsNames: cert.dnsNames, signing: signing, secret: cert.secretName))
        }
    }
}
