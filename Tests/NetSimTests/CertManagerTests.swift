import Speech
import Words
import Testing
@testable import NetSim

/// cert-manager: cert-manager.io/docs (Certificate resource; ingress-shim "Securing Ingress Resources").
struct CertManagerTests {
    let letsEncrypt = CertIssuer(name: ObjectName("", "letsencrypt"), kind: .clusterIssuer, backend: .acme(server: "https://acme-v02.api.letsencrypt.org/directory"))

    @Test func aCertificateFromAClusterIssuerBecomesATLSSecret() {
        let cert = Certificate(name: ObjectName("shop", "web"), secretName: "web-tls", issuerName: "letsencrypt", issuerKind: .clusterIssuer, dnsNames: ["shop.example.com"])
        let status = CertManager.issue([cert], issuers: [letsEncrypt], existingSecrets: [])
        #expect(status.map(\.ready) == [true])
        #expect(status[0].secret == ObjectName("shop", "web-tls"))
        #expect(status[0].reason.en.contains("(tls.crt, tls.key, ca.crt)"))
    }

    @Test func anIssuerOnlyServesItsOwnNamespace() {
        let issuer = CertIssuer(name: ObjectName("team-a", "local"), kind: .issuer, backend: .selfSigned)
        let cert = Certificate(name: ObjectName("team-b", "c"), secretName: "c-tls", issuerName: "local", dnsNames: ["c.example.com"])
        let status = CertManager.issue([cert], issuers: [issuer], existingSecrets: [])
        #expect(!status[0].ready)
        #expect(status[0].reason.en == "no Issuer local in namespace team-b: Secret c-tls is not created.")
    }

    @Test func aCAIssuerNeedsItsSecret() {
        let ca = CertIssuer(name: ObjectName("shop", "ca"), kind: .issuer, backend: .ca(secretName: "root-ca"))
        let cert = Certificate(name: ObjectName("shop", "c"), secretName: "c-tls", issuerName: "ca", dnsNames: ["c.shop"])
        #expect(!CertManager.issue([cert], issuers: [ca], existingSecrets: [])[0].ready)
        #expect(CertManager.issue([cert], issuers: [ca], existingSecrets: [ObjectName("shop", "root-ca")])[0].ready)
    }

    @Test func theIngressShimMakesOneCertificatePerTLSEntry() {
        let ingress = Ingress(name: ObjectName("shop", "web"), rules: [],
                              tls: [Ingress.TLS(hosts: ["shop.example.com", "www.shop.example.com"], secretName: "shop-tls")],
                              annotations: ["cert-manager.io/cluster-issuer": "letsencrypt"])
        let certs = CertManager.shimCertificates(for: [ingress])
        #expect(certs == [Certificate(name: ObjectName("shop", "shop-tls"), secretName: "shop-tls", issuerName: "letsencrypt",
                                      issuerKind: .clusterIssuer, dnsNames: ["shop.example.com", "www.shop.example.com"], fromIngress: ingress.name)])
        #expect(CertManager.shimCertificates(for: [Ingress(name: ObjectName("a", "b"), tls: ingress.tls)]).isEmpty, "no annotation, no Certificate")
    }

    @Test func anIngressServesTheIssuedCertificate() throws {
        var b = SeedScene.builder()
        b.issuers = [letsEncrypt]
        b.ingresses = [Ingress(name: ObjectName("default", "shop"), defaultBackend: .init(service: "green", port: .number(82)),
                               tls: [Ingress.TLS(hosts: ["shop.example.com"], secretName: "shop-tls")],
                               annotations: ["cert-manager.io/cluster-issuer": "letsencrypt"])]
        let (cluster, problems) = b.build()
        #expect(problems.isEmpty)
        #expect(cluster.tlsSecrets.contains(ObjectName("default", "shop-tls")))
        let lb = try #require(cluster.service(named: ObjectName("ingress-nginx", "ingress-nginx-controller"))?.loadBalancerIPs.first)
        let t = Tracer(cluster: cluster).trace(Request(from: "user", url: "https://\(lb)/", headers: ["Host": "shop.example.com"]))
        #expect(t.hops.first { $0.action == .proxy }?.explanation.en.contains("cert-manager: ClusterIssuer letsencrypt issued the certificate for shop.example.com") == true)
    }

    @Test func aMissingIssuerIsReported() {
        var b = SeedScene.builder()
        b.certificates = [Certificate(name: ObjectName("default", "c"), secretName: "c-tls", issuerName: "nobody", issuerKind: .clusterIssuer, dnsNames: ["c"])]
        let (_, problems) = b.build()
        #expect(problems.map(\.text) == ["Certificate default/c: no ClusterIssuer nobody: Secret c-tls is not created."])
    }
}
