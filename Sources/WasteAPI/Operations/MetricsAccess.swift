import Hashing
import Routing

/// `--metrics-token`: `/metrics` shows login counts by status and the process's figures, which
/// an attacker can use to watch a guessing run; with a token set only the scraper sees them.
enum MetricsAccess {
    static func check(_ request: Request, token: String?) throws(HTTPError) {
        guard let token else { return }
        let given = request.headers["authorization"].flatMap { value -> Substring? in
            let parts = value.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
            return parts[1]
        }
        guard let given, ConstantTime.equals(Array(given.utf8), Array(token.utf8)) else {
            throw HTTPError.unauthorized("/metrics wants the metrics token (--metrics-token) as a bearer token")
        }
    }
}
