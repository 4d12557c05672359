import Routing

extension APIContext {
    /// The client's address: the TCP peer, or the `X-Forwarded-For` entry of `--trusted-proxy`.
    var clientAddress: String {
        ClientAddress.of(request, trustedProxy: services.options.trustedProxy)
    }
}
